import type { RedisReply } from '../../clients/redis/protocol';
import { scriptBySource } from '../../clients/redis/scripts';
import { HASH_COMMANDS } from './cmd-hashes';
import { KEY_COMMANDS } from './cmd-keys';
import { LIST_COMMANDS } from './cmd-lists';
import { PUBSUB_COMMANDS } from './cmd-pubsub';
import { STRING_COMMANDS } from './cmd-strings';
import { intArg } from './int64';
import { at, err, errFormat, READONLY, ReplyError, utf8Length, utf8Prefix, wrongArgs, type RedisData } from './keyspace';
import { subscriberOf } from './messages';
import { runScript, SCRIPTS } from './scripts';
import { Tx, type CommandSpec, type ExecResult } from './tx';

export type { Published, RedisData, RedisEntry, RedisHashEntry, RedisListEntry, RedisStringEntry } from './keyspace';
export type { BlockRequest, ExecResult } from './tx';

export interface ExecOptions {
  /** The client node issuing the command: Pub/Sub subscriptions are per client. Default "client". */
  client?: string;
  /** The client's connection it came on (see `RedisCmd.conn`); absent for the client's pool. */
  conn?: string;
  /**
   * Run as a read-only replica: writes get READONLY, and a key past its TTL reads as missing but
   * is not deleted (a replica waits for its primary's DEL).
   */
  replica?: boolean;
}

const ARG_LUA_MSG = 'ERR Unknown Redis command called from script';

/** What a connection in subscribed mode may still run (the others Redis allows are not modelled). */
const SUBSCRIBED_MODE = new Set(['subscribe', 'unsubscribe', 'ping']);

const SERVER_COMMANDS: Readonly<Record<string, CommandSpec>> = {
  ping: {
    arity: -1,
    write: false,
    run: (tx, argv) => {
      if (argv.length > 2) return wrongArgs('ping');
      // RESP2 in subscribed mode: PING answers as a Pub/Sub frame, ["pong", message or ""].
      if (tx.onConnection && tx.subscriptions > 0) return ['pong', argv[1] ?? ''];
      return argv.length === 2 ? argv[1] : 'PONG';
    },
  },
  time: {
    arity: 1,
    write: false,
    run: (tx) => {
      const sec = Math.floor(tx.rawNow / 1000);
      const us = Math.floor(tx.rawNow * 1000) - sec * 1_000_000;
      return [String(sec), String(us)];
    },
  },
  fcall: {
    arity: -3,
    write: true,
    run: (tx, argv) => {
      const script = at(SCRIPTS, argv[1]);
      return script === undefined ? err('ERR Function not found') : callScript(tx, argv[1], argv);
    },
  },
  eval: {
    arity: -3,
    write: true,
    run: (tx, argv) => {
      const name = scriptBySource(argv[1]);
      // The model runs its known scripts (by their exact source), not arbitrary Lua.
      if (name === undefined) return err(`ERR this model runs only its known scripts (${Object.keys(SCRIPTS).join(', ')}), sent with their exact source`);
      return callScript(tx, name, argv);
    },
  },
};

/** FCALL or EVAL of script `name`: `argv` is `<cmd> <name|lua> <numkeys> key… arg…`. */
function callScript(tx: Tx, name: string, argv: readonly string[]): RedisReply {
  const numkeys = intArg(argv[2]);
  if (numkeys > argv.length - 3) return err("ERR Number of keys can't be greater than number of args");
  if (numkeys < 0) return err("ERR Number of keys can't be negative");
  const n = Number(numkeys);
  tx.inScript = true;
  try {
    return runScript(name, SCRIPTS[name], argv.slice(3, 3 + n), argv.slice(3 + n), (a) => dispatch(tx, a, true));
  } finally {
    tx.inScript = false;
  }
}

const COMMANDS: Readonly<Record<string, CommandSpec>> = { ...STRING_COMMANDS, ...KEY_COMMANDS, ...HASH_COMMANDS, ...LIST_COMMANDS, ...PUBSUB_COMMANDS, ...SERVER_COMMANDS };

/** Names of the commands the model knows, lower case. */
export const COMMAND_NAMES: readonly string[] = Object.keys(COMMANDS);

/** Whether `name` is a command that writes (a replica refuses it with READONLY). */
export function isWriteCommand(name: string): boolean {
  return at(COMMANDS, name.toLowerCase())?.write ?? false;
}

/**
 * Redis 7.0's text for an unknown command: the name cut at 128 bytes (`%.128s`), then quoted
 * arguments, each followed by a space, while the list is under 128 bytes, each cut to what is
 * left of them; CR and LF replaced by spaces.
 */
function unknownCommand(argv: readonly string[]): RedisReply {
  let args = '';
  let bytes = 0;
  for (let i = 1; i < argv.length && bytes < 128; i++) {
    const a = `'${utf8Prefix(argv[i], 128 - bytes)}' `;
    args += a;
    bytes += utf8Length(a);
  }
  return errFormat(`ERR unknown command '${utf8Prefix(argv[0], 128)}', with args beginning with: ${args}`);
}

function dispatch(tx: Tx, argv: readonly string[], fromScript = false): RedisReply {
  if (argv.length === 0) return err('ERR empty command');
  const name = argv[0].toLowerCase();
  const spec = at(COMMANDS, name);
  if (spec === undefined || (fromScript && (name === 'fcall' || name === 'eval' || name === 'subscribe' || name === 'unsubscribe'))) {
    return fromScript ? err(ARG_LUA_MSG) : unknownCommand(argv);
  }
  if ((spec.arity > 0 && argv.length !== spec.arity) || (spec.arity < 0 && argv.length < -spec.arity)) return wrongArgs(name);
  if (tx.replica && spec.write) return READONLY;
  // processCommand's RESP2 Pub/Sub check, after arity and READONLY, names the command in lower case.
  if (tx.onConnection && !fromScript && !SUBSCRIBED_MODE.has(name) && tx.subscriptions > 0) {
    return err(`ERR Can't execute '${name}': only (P|S)SUBSCRIBE / (P|S)UNSUBSCRIBE / PING / QUIT / RESET are allowed in this context`);
  }
  try {
    return spec.run(tx, argv);
  } catch (e) {
    if (e instanceof ReplyError) return e.reply;
    throw e;
  }
}

/**
 * Runs one command against the data at server time `now` (the server's own clock, ms): a pure
 * function, used by the node handler and the conformance runner alike. Returns the next data,
 * the reply, the keys it expired on access and the messages it published.
 */
export function exec(data: RedisData, now: number, argv: readonly string[], opts: ExecOptions = {}): ExecResult {
  const tx = new Tx(data, Math.floor(now), now, subscriberOf(opts.client ?? 'client', opts.conn), opts.conn !== undefined, opts.replica ?? false);
  return tx.result(dispatch(tx, argv));
}
