/** Path rules of the ZooKeeper server (PathUtils), shared with the client library's local checks. */

/** Validates a path the way PathUtils.validatePath does (the cases a script can reach). */
export function validPath(path: string): boolean {
  if (typeof path !== 'string' || path.length === 0 || path[0] !== '/') return false;
  if (path === '/') return true;
  if (path.endsWith('/')) return false;
  for (const part of path.slice(1).split('/')) {
    if (part === '' || part === '.' || part === '..') return false;
  }
  return !/[\u0000-\u001f\u007f-\u009f\ud800-\uf8ff\ufff0-\uffff]/.test(path);
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

/** The root and /zookeeper, which no request may delete. */
export function isSystemPath(path: string): boolean {
  return path === '/' || path === '/zookeeper' || path.startsWith('/zookeeper/');
}
