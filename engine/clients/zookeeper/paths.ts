/** Path rules of the ZooKeeper server (PathUtils), shared with the client library's local checks. */

/** Whether PathUtils.validatePath accepts the path (see pathProblem). */
export function validPath(path: string): boolean {
  return typeof path === 'string' && pathProblem(path) === null;
}

/** Parent path of a non-root path. */
export function parentOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i <= 0 ? '/' : path.slice(0, i);
}


/** The last segment of a path. */
export function nameOf(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** The path itself, then each ancestor up to the root. */
export function selfAndAncestors(path: string): string[] {
  const out = [path];
  let p = path;
  while (p !== '/') {
    p = parentOf(p);
    out.push(p);
  }
  return out;
}

/** DataTree.isSpecialPath: the nodes no request may delete. Other paths under /zookeeper are ordinary. */
export function isSystemPath(path: string): boolean {
  return path === '/' || path === '/zookeeper' || path === '/zookeeper/quota' || path === CONFIG_NODE;
}

/** The dynamic-reconfiguration node: world-readable only (READ_ACL_UNSAFE), so writes under it get NoAuth. */
export const CONFIG_NODE = '/zookeeper/config';

/**
 * What is wrong with a path, in the words of the Java client's PathUtils.validatePath (which
 * throws IllegalArgumentException with this message before anything is sent), or null.
 */
export function pathProblem(path: string): string | null {
  if (path.length === 0) return 'Path length must be > 0';
  if (path[0] !== '/') return 'Path must start with / character';
  if (path.length === 1) return null;
  if (path.endsWith('/')) return 'Path must not end with / character';
  let reason: string | null = null;
  for (let i = 1; i < path.length && reason === null; i++) {
    const c = path.charCodeAt(i);
    const last = path[i - 1];
    const ch = path[i];
    const endsHere = i + 1 === path.length || path[i + 1] === '/';
    if (c === 0) reason = `null character not allowed @${i}`;
    else if (ch === '/' && last === '/') reason = `empty node name specified @${i}`;
    else if (ch === '.' && last === '.') {
      if (path[i - 2] === '/' && endsHere) reason = `relative paths not allowed @${i}`;
    } else if (ch === '.') {
      if (last === '/' && endsHere) reason = `relative paths not allowed @${i}`;
    } else if ((c > 0 && c <= 0x1f) || (c >= 0x7f && c <= 0x9f) || (c >= 0xd800 && c <= 0xf8ff) || c >= 0xfff0) reason = `invalid character @${i}`;
  }
  return reason === null ? null : `Invalid path string "${path}" caused by ${reason}`;
}
