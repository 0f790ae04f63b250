import type { RedisReply } from '../../clients/redis/protocol';
import { err, wrongArgs } from './keyspace';
import type { RedisState } from './state';

// The commands that read or change a server's place in replication rather than its keyspace:
// REPLICAOF (SLAVEOF), ROLE and INFO. What Sentinel sends to watch and reconfigure servers.
// The keyspace commands (commands.ts) never see the replication state; these read only it.

/**
 * The port every simulated server answers on: a node is addressed by its id, so the port
 * only has to be a valid one (REPLICAOF checks it, as Redis does).
 */
export const REDIS_PORT = 6379;

/** What a REPLICAOF asks for: follow `primary`, or (null) stop following and become a primary. */
export type ReplicaOfChange = { primary: string | null };

/** A role command's outcome: the reply, and for an accepted REPLICAOF the change to make. */
export interface RoleResult {
  reply: RedisReply;
  change?: ReplicaOfChange;
  /** CLIENT KILL TYPE normal: close every client connection but the sender's. */
  killClients?: boolean;
}

/** Names of the commands this module answers (upper case). */
export const ROLE_COMMANDS: readonly string[] = ['REPLICAOF', 'SLAVEOF', 'ROLE', 'INFO', 'CLIENT'];

/** The replication link as Redis's ROLE names it: connect, connecting, sync, connected. */
function linkState(s: RedisState): string {
  return s.repl.link === 'up' ? 'connected' : 'connecting';
}

/** A primary's replicas with the offset each has been sent (the model's replicas ack what they are sent). */
const replicaRows = (s: RedisState) => s.repl.replicas.map((r) => ({ host: r, offset: s.repl.sent }));

/** `INFO [section ...]`: the server section's run_id and the replication section, in Redis 7.0's field names. */
function info(s: RedisState, self: string, now: number, argv: readonly string[]): RedisReply {
  const sections = argv.slice(1).map((a) => a.toLowerCase());
  const all = sections.length === 0 || sections.some((x) => x === 'default' || x === 'all' || x === 'everything');
  const lines: string[] = [];
  if (all || sections.includes('server')) lines.push('# Server', `run_id:${self}`, `tcp_port:${REDIS_PORT}`, '');
  if (all || sections.includes('replication')) {
    lines.push('# Replication');
    if (s.role === 'primary') {
      const rows = replicaRows(s);
      lines.push('role:master', `connected_slaves:${rows.length}`);
      rows.forEach((r, i) => lines.push(`slave${i}:ip=${r.host},port=${REDIS_PORT},state=online,offset=${r.offset},lag=0`));
      lines.push(`master_repl_offset:${s.repl.offset}`);
    } else {
      const silentS = Math.max(0, Math.floor((now - s.repl.lastHeard) / 1000));
      lines.push(
        'role:slave',
        `master_host:${s.primary}`,
        `master_port:${REDIS_PORT}`,
        `master_link_status:${s.repl.link === 'up' ? 'up' : 'down'}`,
        `master_last_io_seconds_ago:${s.repl.link === 'up' ? silentS : -1}`,
        `master_sync_in_progress:${s.repl.link === 'up' ? 0 : 1}`,
        `slave_repl_offset:${s.repl.offset}`,
        `slave_priority:${s.repl.priority ?? 100}`,
        'slave_read_only:1',
        'connected_slaves:0',
        `master_repl_offset:${s.repl.offset}`,
      );
    }
    lines.push('');
  }
  return lines.join('\r\n');
}

/**
 * Answers REPLICAOF / SLAVEOF, ROLE and INFO from the server's replication state, with Redis
 * 7.0's replies (replication.c's replicaofCommand and roleCommand, server.c's INFO); null for
 * any other command.
 */
export function roleCommand(s: RedisState, self: string, now: number, argv: readonly string[]): RoleResult | null {
  const name = argv[0]?.toUpperCase();
  if (name === undefined || !ROLE_COMMANDS.includes(name)) return null;
  switch (name) {
    case 'REPLICAOF':
    case 'SLAVEOF': {
      if (argv.length !== 3) return { reply: wrongArgs(name.toLowerCase()) };
      if (argv[1].toLowerCase() === 'no' && argv[2].toLowerCase() === 'one') {
        return s.role === 'replica' ? { reply: 'OK', change: { primary: null } } : { reply: 'OK' };
      }
      const port = /^-?\d+$/.test(argv[2]) ? Number(argv[2]) : NaN;
      if (!(port >= 0 && port <= 65535)) return { reply: err('ERR Invalid master port') };
      if (s.role === 'replica' && s.primary !== null && s.primary.toLowerCase() === argv[1].toLowerCase()) return { reply: 'OK Already connected to specified master' };
      return { reply: 'OK', change: { primary: argv[1] } };
    }
    case 'CLIENT': {
      // Only the form Sentinel sends after SLAVEOF (sentinelSendSlaveOf); other CLIENT subcommands are not modelled.
      if (argv.length === 4 && argv[1].toUpperCase() === 'KILL' && argv[2].toUpperCase() === 'TYPE' && ['normal', 'pubsub'].includes(argv[3].toLowerCase())) return { reply: 0, killClients: true };
      return { reply: err(`ERR unknown subcommand or wrong number of arguments for '${argv[1] ?? ''}'. Try CLIENT HELP.`) };
    }
    case 'ROLE': {
      if (argv.length !== 1) return { reply: wrongArgs('role') };
      if (s.role === 'primary') return { reply: ['master', s.repl.offset, replicaRows(s).map((r) => [r.host, String(REDIS_PORT), String(r.offset)])] };
      return { reply: ['slave', s.primary ?? '?', REDIS_PORT, linkState(s), s.repl.offset] };
    }
    default:
      return { reply: info(s, self, now, argv) };
  }
}
