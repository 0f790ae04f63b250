import type { RedisReply } from '../../clients/redis/protocol';
import { at } from './keyspace';
import type { CommandSpec } from './tx';

/** One frame per channel, as RESP2 sends them; a single frame when there is one channel. */
function frames(list: RedisReply[]): RedisReply {
  return list.length === 1 ? list[0] : list;
}

/** PUBLISH, SUBSCRIBE and UNSUBSCRIBE. */
export const PUBSUB_COMMANDS: Readonly<Record<string, CommandSpec>> = {
  publish: {
    arity: 3,
    write: false,
    run: (tx, argv) => {
      const to = [...(at(tx.subs, argv[1]) ?? [])];
      tx.published.push({ channel: argv[1], message: argv[2], to });
      return to.length;
    },
  },
  subscribe: {
    arity: -2,
    write: false,
    run: (tx, argv) => {
      const out: RedisReply[] = [];
      for (const ch of argv.slice(1)) {
        const list = at(tx.subs, ch) ?? [];
        if (!list.includes(tx.subscriber)) tx.setSubs(ch, [...list, tx.subscriber]);
        out.push(['subscribe', ch, tx.subscriptions]);
      }
      return frames(out);
    },
  },
  unsubscribe: {
    arity: -1,
    write: false,
    run: (tx, argv) => {
      const channels = argv.length > 1 ? argv.slice(1) : Object.keys(tx.subs).filter((ch) => tx.subs[ch].includes(tx.subscriber));
      if (channels.length === 0) return ['unsubscribe', null, 0];
      const out: RedisReply[] = [];
      for (const ch of channels) {
        const list = at(tx.subs, ch) ?? [];
        if (list.includes(tx.subscriber)) tx.setSubs(ch, list.filter((c) => c !== tx.subscriber));
        out.push(['unsubscribe', ch, tx.subscriptions]);
      }
      return frames(out);
    },
  },
};
