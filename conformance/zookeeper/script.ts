/**
 * The ZooKeeper conformance script format (`*.zk`), one command a line:
 *
 *   # comment                          blank lines and comments are skipped
 *   sleep 2500                         wait (virtual ms for the model, real ms for the server)
 *   s1 connect 4000                    open session s1, asking for a 4000 ms timeout
 *   s1 create [-e] [-s] [-c] [-t ttl] /path [data]
 *                                      -e ephemeral, -s sequential, -c container, -t TTL node
 *   s1 delete /path [version]          version -1 (the default) means any
 *   s1 set /path data [version]
 *   s1 get /path [watch]               getData; `watch` sets a one-shot data watch
 *   s1 exists /path [watch]            exists; `watch` sets a data watch, even on a missing node
 *   s1 ls /path [watch]                getChildren; `watch` sets a one-shot child watch
 *   s1 multi create /a x ; set /b y 0 ; delete /c ; check /d 2
 *                                      one transaction: all of it or none (sub-ops split by ;)
 *   s1 sync /path                      sync: the server catches up with the leader (alone: a round trip)
 *   s1 addWatch /path persistent|recursive
 *   s1 removeWatches /path data|children|any
 *   s1 events                          the watch and state events s1 got since the last `events`
 *   s1 close                           closeSession: its ephemerals go at once
 *   s1 crash                           the client dies without closing: the session times out
 *   s1 partition / s1 heal             cut s1 off from the server (both ways) / let it back in
 *   server pause 5000                  freeze the server process (SIGSTOP) for 5000 ms, then SIGCONT
 *
 * Data `""` is the empty string. A line may end in `=> text`: both the model's and the real
 * server's normalised answer must then start with `text`, which documents what the line shows.
 * `=> unordered` instead compares a list answer's items in any order, where the real client's
 * order is not fixed. A malformed path is passed on: the client library must refuse it.
 */

export interface ZkStep {
  line: number;
  text: string;
  /** `sleep` or a session name. */
  session: string | null;
  cmd: string;
  args: string[];
  expect: string | null;
}

const COMMANDS: Record<string, [number, number]> = {
  connect: [1, 1],
  create: [1, 6],
  delete: [1, 2],
  set: [2, 3],
  get: [1, 2],
  exists: [1, 2],
  ls: [1, 2],
  sync: [1, 1],
  multi: [2, 200],
  addWatch: [2, 2],
  removeWatches: [2, 2],
  events: [0, 0],
  close: [0, 0],
  crash: [0, 0],
  partition: [0, 0],
  heal: [0, 0],
};

/**
 * The command lines of a ZooKeeper script (`.zk` or `.zke`), blank lines and `#` comments left
 * out: the command's text, what follows ` => ` (null without one), and `file:line` for messages.
 */
export function scriptLines(src: string, name: string): { line: number; text: string; expect: string | null; where: string }[] {
  const out: { line: number; text: string; expect: string | null; where: string }[] = [];
  src.split('\n').forEach((raw, i) => {
    const arrow = raw.indexOf(' => ');
    const text = (arrow >= 0 ? raw.slice(0, arrow) : raw).trim();
    if (text === '' || text.startsWith('#')) return;
    out.push({ line: i + 1, text, expect: arrow >= 0 ? raw.slice(arrow + 4).trim() : null, where: `${name}:${i + 1}` });
  });
  return out;
}

/** Parses a script; throws naming the line on a malformed command. */
export function parseZkScript(src: string, name: string): ZkStep[] {
  const steps: ZkStep[] = [];
  scriptLines(src, name).forEach(({ line, text, expect, where }) => {
    const t = text.split(/\s+/);
    if (t[0] === 'sleep') {
      if (t.length !== 2 || !/^\d+$/.test(t[1])) throw new Error(`${where}: expected "sleep <ms>"`);
      steps.push({ line, text, session: null, cmd: 'sleep', args: [t[1]], expect });
      return;
    }
    if (t[0] === 'server') {
      if (t.length !== 3 || t[1] !== 'pause' || !/^\d+$/.test(t[2])) throw new Error(`${where}: expected "server pause <ms>"`);
      steps.push({ line, text, session: null, cmd: 'pause', args: [t[2]], expect });
      return;
    }
    if (!/^[a-z][a-z0-9]*$/.test(t[0])) throw new Error(`${where}: expected a session name or "sleep", got "${t[0]}"`);
    const cmd = t[1];
    const arity = cmd === undefined ? undefined : COMMANDS[cmd];
    if (!arity) throw new Error(`${where}: unknown command "${cmd ?? ''}" (known: ${Object.keys(COMMANDS).join(', ')})`);
    const args = t.slice(2);
    if (args.length < arity[0] || args.length > arity[1]) throw new Error(`${where}: ${cmd} takes ${arity[0]}–${arity[1]} arguments`);
    if (cmd === 'multi' && !['create', 'set', 'delete', 'check'].includes(args[0])) throw new Error(`${where}: multi starts with create, set, delete or check`);
    if (cmd === 'create' || cmd === 'delete' || cmd === 'set' || cmd === 'get' || cmd === 'exists' || cmd === 'ls' || cmd === 'sync' || cmd === 'addWatch' || cmd === 'removeWatches') {
      // A malformed path is allowed on purpose: the client library must refuse it as the real one does.
      const path = cmd === 'create' ? parseCreate(args).path : args[0];
      if (!path) throw new Error(`${where}: ${cmd} needs a path`);
    }
    steps.push({ line, text, session: t[0], cmd, args, expect });
  });
  return steps;
}

/** Parsed `create` flags. */
export interface CreateArgs {
  ephemeral: boolean;
  sequential: boolean;
  container: boolean;
  ttl: number | null;
  path: string;
  data: string;
}

/** Reads `create`'s flags the way the Java driver does. */
export function parseCreate(args: readonly string[]): CreateArgs {
  const out: CreateArgs = { ephemeral: false, sequential: false, container: false, ttl: null, path: '', data: '' };
  let i = 0;
  while (i < args.length && args[i].startsWith('-')) {
    const f = args[i++];
    for (const c of f.slice(1)) {
      if (c === 'e') out.ephemeral = true;
      else if (c === 's') out.sequential = true;
      else if (c === 'c') out.container = true;
      else if (c === 't') out.ttl = Number(args[i++]);
      else throw new Error(`unknown create flag -${c}`);
    }
  }
  out.path = args[i++];
  out.data = i < args.length ? dataArg(args[i]) : '';
  return out;
}

/** `""` stands for empty data, `x*N` for N bytes of x (sizes near jute.maxbuffer). */
export function dataArg(s: string): string {
  if (s === '""') return '';
  const n = /^x\*(\d+)$/.exec(s);
  return n ? 'x'.repeat(Number(n[1])) : s;
}
