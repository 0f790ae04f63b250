import { parseZkScript, scriptLines, type ZkStep } from '../script';

/**
 * The ZooKeeper ensemble conformance script format (`*.zke`): the single-server format's session
 * commands (see ../script.ts; `partition`, `heal` and `server pause` excepted), and:
 *
 *   check <name>                       starts a named check: its lines pass or fail together
 *   start z3 z2 z1                     starts servers in this order, each once the one before
 *                                      answers on its client port
 *   kill z3                            kills a server's whole process (SIGKILL) / crashes the model's
 *   roles                              each server's mode: leader, follower, not-serving, down
 *   await leader <ms>                  waits until one server leads and every live one serves;
 *                                      answers the roles then (or when the wait ran out)
 *   await noleader <ms>                waits until no server serves
 *   s1 connect <ms> z3,z1,z2           opens s1 on the ensemble, trying the servers in this order
 *   s1 where                           the server s1 is connected to (`-` when it is not)
 *   s1 await connected <ms>            waits until s1 is connected (to any server): answers its session
 *   s1 await gone /path <ms>           exists /path every 100 ms until it is gone: answers the last exists
 *
 * Servers are z1, z2, z3 (server ids 1, 2, 3). `=> text` works as in `*.zk` scripts.
 */

/** Ensemble servers, by name; server id = index + 1. */
export const SERVERS = ['z1', 'z2', 'z3'] as const;
export type ServerName = (typeof SERVERS)[number];

export type EnsStep =
  | (ZkStep & { kind: 'session' })
  | { kind: 'check'; line: number; text: string; name: string }
  | { kind: 'start'; line: number; text: string; servers: ServerName[]; expect: string | null }
  | { kind: 'kill'; line: number; text: string; server: ServerName; expect: string | null }
  | { kind: 'roles'; line: number; text: string; expect: string | null }
  | { kind: 'await'; line: number; text: string; what: 'leader' | 'noleader'; ms: number; expect: string | null }
  | { kind: 'sleep'; line: number; text: string; ms: number; expect: string | null }
  | { kind: 'connect'; line: number; text: string; session: string; timeoutMs: number; hosts: ServerName[]; expect: string | null }
  | { kind: 'where'; line: number; text: string; session: string; expect: string | null }
  | { kind: 'awaitConnected'; line: number; text: string; session: string; ms: number; expect: string | null }
  | { kind: 'awaitGone'; line: number; text: string; session: string; path: string; ms: number; expect: string | null };

const isServer = (s: string): s is ServerName => (SERVERS as readonly string[]).includes(s);
const ms = (s: string | undefined, where: string): number => {
  if (s === undefined || !/^\d+$/.test(s)) throw new Error(`${where}: expected a time in ms, got "${s ?? ''}"`);
  return Number(s);
};

/** Parses an ensemble script; throws naming the line on a malformed command. */
export function parseEnsembleScript(src: string, name: string): EnsStep[] {
  const steps: EnsStep[] = [];
  scriptLines(src, name).forEach(({ line, text, expect, where }) => {
    const t = text.split(/\s+/);
    const servers = (xs: string[]): ServerName[] => {
      if (xs.length === 0) throw new Error(`${where}: expected servers (${SERVERS.join(', ')})`);
      for (const x of xs) if (!isServer(x)) throw new Error(`${where}: not a server: "${x}" (known: ${SERVERS.join(', ')})`);
      return xs as ServerName[];
    };
    switch (t[0]) {
      case 'check':
        if (t.length < 2) throw new Error(`${where}: expected "check <name>"`);
        steps.push({ kind: 'check', line, text, name: t.slice(1).join(' ') });
        return;
      case 'start':
        steps.push({ kind: 'start', line, text, servers: servers(t.slice(1)), expect });
        return;
      case 'kill':
        if (t.length !== 2) throw new Error(`${where}: expected "kill <server>"`);
        steps.push({ kind: 'kill', line, text, server: servers(t.slice(1))[0], expect });
        return;
      case 'roles':
        steps.push({ kind: 'roles', line, text, expect });
        return;
      case 'await':
        if (t[1] !== 'leader' && t[1] !== 'noleader') throw new Error(`${where}: expected "await leader|noleader <ms>"`);
        steps.push({ kind: 'await', line, text, what: t[1], ms: ms(t[2], where), expect });
        return;
      case 'sleep':
        steps.push({ kind: 'sleep', line, text, ms: ms(t[1], where), expect });
        return;
      default:
        break;
    }
    const session = t[0];
    if (!/^[a-z][a-z0-9]*$/.test(session) || isServer(session)) throw new Error(`${where}: expected a session name or a command, got "${session}"`);
    if (t[1] === 'connect' && t.length === 4) {
      steps.push({ kind: 'connect', line, text, session, timeoutMs: ms(t[2], where), hosts: servers(t[3].split(',')), expect });
      return;
    }
    if (t[1] === 'connect') throw new Error(`${where}: expected "${session} connect <ms> <servers, comma-separated>"`);
    if (t[1] === 'where') {
      steps.push({ kind: 'where', line, text, session, expect });
      return;
    }
    if (t[1] === 'await' && t[2] === 'connected') {
      steps.push({ kind: 'awaitConnected', line, text, session, ms: ms(t[3], where), expect });
      return;
    }
    if (t[1] === 'await' && t[2] === 'gone') {
      if (!t[3]?.startsWith('/')) throw new Error(`${where}: expected "${session} await gone /path <ms>"`);
      steps.push({ kind: 'awaitGone', line, text, session, path: t[3], ms: ms(t[4], where), expect });
      return;
    }
    if (t[1] === 'partition' || t[1] === 'heal') throw new Error(`${where}: ${t[1]} is not supported in an ensemble script`);
    // Any other session command is the single-server format's: parse it with that grammar.
    const [step] = parseZkScript(expect === null ? text : `${text} => ${expect}`, where);
    steps.push({ ...step, line, kind: 'session' });
  });
  return steps;
}
