import { paramError } from '../../core/param-error';
import { p } from '../../core/phrase';
import type { ZkOp } from './types';

/** A step of a ZooKeeper script: an operation, a pause, or closing the session. */
export type ZkScriptStep = { do: 'op'; op: ZkOp } | { do: 'sleep'; ms: number } | { do: 'close' };

const USAGE = 'create [-e] [-s] [-c] PATH [DATA], delete PATH [VERSION], set PATH DATA [VERSION], get [-w] PATH, exists [-w] PATH, ls [-w] PATH, addWatch [-r] PATH, sync PATH, sleep MS, close';

/**
 * Parses one zkCli-style line ("create -e /app/x hello", "ls -w /app") into a script step.
 * Returns an error string naming the problem (English, which the inspector reads in the reader’s
 * language through paramErrorSay) instead of throwing.
 */
export function parseZkLine(line: string): ZkScriptStep | string {
  const words = line.trim().split(/\s+/).filter(Boolean);
  const cmd = words.shift();
  if (!cmd) return paramError(`empty command; use ${USAGE}`, p('clients.zkCliEmpty', { usage: USAGE }));
  const flags = new Set<string>();
  while (words[0]?.startsWith('-') && !/^-\d/.test(words[0])) for (const f of words.shift()!.slice(1)) flags.add(f);
  const path = words[0];
  const needPath = () => (path && path.startsWith('/') ? null : paramError(`${cmd}: expected a path starting with /`, p('clients.zkCliPath', { cmd })));
  const version = (w: string | undefined) => (w === undefined ? -1 : /^-?\d+$/.test(w) ? Number(w) : NaN);
  switch (cmd) {
    case 'create': {
      const bad = needPath();
      if (bad) return bad;
      const kind = flags.has('e') ? 'ephemeral' : flags.has('c') ? 'container' : 'persistent';
      return { do: 'op', op: { op: 'create', path, data: words.slice(1).join(' '), kind, sequential: flags.has('s') } };
    }
    case 'delete': {
      const v = version(words[1]);
      return needPath() ?? (Number.isNaN(v) ? paramError('delete: expected an integer version', p('clients.zkCliVersion', { cmd })) : { do: 'op', op: { op: 'delete', path, version: v } });
    }
    case 'set': {
      const v = version(words[2]);
      if (words[1] === undefined) return paramError('set: expected PATH DATA', p('clients.zkCliSetArgs'));
      return needPath() ?? (Number.isNaN(v) ? paramError('set: expected an integer version', p('clients.zkCliVersion', { cmd })) : { do: 'op', op: { op: 'setData', path, data: words[1], version: v } });
    }
    case 'get':
      return needPath() ?? { do: 'op', op: { op: 'getData', path, watch: flags.has('w') } };
    case 'exists':
      return needPath() ?? { do: 'op', op: { op: 'exists', path, watch: flags.has('w') } };
    case 'ls':
      return needPath() ?? { do: 'op', op: { op: 'getChildren', path, watch: flags.has('w') } };
    case 'addWatch':
      return needPath() ?? { do: 'op', op: { op: 'addWatch', path, mode: flags.has('r') ? 'recursive' : 'persistent' } };
    case 'sync':
      return needPath() ?? { do: 'op', op: { op: 'sync', path } };
    case 'sleep': {
      const ms = Number(words[0]);
      return Number.isFinite(ms) && ms >= 0 ? { do: 'sleep', ms } : paramError('sleep: expected a number of ms', p('clients.zkCliSleep'));
    }
    case 'close':
      return { do: 'close' };
    default:
      return paramError(`unknown command "${cmd}"; use ${USAGE}`, p('clients.zkCliUnknown', { cmd, usage: USAGE }));
  }
}
