import { zkHost } from '../../clients/zookeeper/host';
import { zkClientInit, type ZkClientState } from '../../clients/zookeeper/state';
import type { ZkOp, ZkResult } from '../../clients/zookeeper/types';
import { p, type Say } from '../../core/phrase';
import type { ProgramDef } from '../../core/program';
import { timerOwner } from '../../core/timer';
import type { Ctx } from '../../core/types';
import type { ConfigAdminParams } from './params';

/**
 * An operator (or a deploy script) that owns a configuration znode: it creates it with a first
 * value, then sets new values at fixed times. Each set is sent when its time comes, without
 * waiting for the previous one's answer, so two changes can land moments apart.
 */

declare module '../../core/trace-types' {
  interface TraceEventMap {
    /** The admin's change was applied: `version` is the znode's new data version. */
    'config.change': { path: string; value: string; version: number };
  }
}

export interface ConfigAdminState {
  p: ConfigAdminParams;
  zk: ZkClientState;
  /** Changes sent so far, and answered. */
  sent: number;
  applied: number;
  last: Say | null;
}

/** The time for change number `index` of the params' list. */
const TIMERS = timerOwner<{ change: { index: number } }>('config-admin');
type Tag = { ca: 'parent' | 'create' | 'set'; value: string };

/** The ZooKeeper client's glue: the admin acts on replies only. */
const zk = zkHost<ConfigAdminState, Tag | null>((s, o, ctx) => (o.kind === 'reply' ? onReply(s, o.tag, o.op, o.result, ctx) : s));

function onReply(s: ConfigAdminState, tag: Tag | null, op: ZkOp, r: ZkResult, ctx: Ctx): ConfigAdminState {
  if (!tag || op.op === 'ping') return s;
  // Already there (the admin restarted): leave the live value alone.
  if (tag.ca === 'create' && !r.ok && r.err === 'NodeExists') return { ...s, last: s.last ?? p('pattern.config-admin.existing') };
  if ((tag.ca === 'create' || tag.ca === 'set') && r.ok) {
    const version = tag.ca === 'create' ? 0 : (r.stat?.version ?? 0);
    ctx.trace('config.change', { path: s.p.path, value: tag.value, version });
    return { ...s, applied: tag.ca === 'set' ? s.applied + 1 : s.applied, last: tag.value };
  }
  return s;
}

const parentsOf = (path: string) => {
  const parts = path.split('/').filter(Boolean);
  return parts.slice(0, -1).map((_, i) => `/${parts.slice(0, i + 1).join('/')}`);
};

/** Sets a configuration znode at fixed times: the admin side of a distributed watch. */
export const configAdmin: ProgramDef<ConfigAdminParams, ConfigAdminState> = {
  kind: 'config-admin',
  init: (p) => ({ p, zk: zkClientInit({ server: p.target, sessionTimeoutMs: p.sessionTimeoutMs }), sent: 0, applied: 0, last: null }),
  start(s0, ctx) {
    let s = zk.start({ ...s0, sent: 0, applied: 0, last: null }, ctx);
    // Queued until connected, then sent in order: parents, then the znode itself.
    for (const parent of parentsOf(s.p.path)) s = zk.submit(s, { op: 'create', path: parent, data: '', kind: 'persistent' }, { ca: 'parent', value: '' }, ctx);
    s = zk.submit(s, { op: 'create', path: s.p.path, data: s.p.initial, kind: 'persistent' }, { ca: 'create', value: s.p.initial }, ctx);
    s.p.changes.forEach((c, index) => {
      if (c.atMs >= ctx.now) ctx.setTimer(c.atMs - ctx.now, TIMERS.make('change', { index }));
    });
    return s;
  },
  onMessage: zk.onMessage,
  onTimer(s, payload, ctx) {
    const own = TIMERS.match(payload);
    if (own) {
      const c = s.p.changes[own.index];
      if (!c) return s;
      return zk.submit({ ...s, sent: s.sent + 1 }, { op: 'setData', path: s.p.path, data: c.value, version: -1 }, { ca: 'set', value: c.value }, ctx);
    }
    return zk.onTimer(s, payload, ctx);
  },
  onClockChange: zk.onClockChange,
  view(s) {
    const total = s.p.changes.length;
    const detail = p('pattern.config-admin.detail', { last: s.last ? p('pattern.config-admin.set', { value: s.last }) : p('pattern.config-admin.creating'), applied: s.applied, total });
    if (s.applied >= total && s.last !== null) return { status: 'done', detail };
    return { status: s.zk.phase === 'connected' ? 'working' : 'waiting', detail };
  },
  describeTimer: (payload) => (TIMERS.match(payload) ? p('pattern.config-admin.timerChange') : (zk.describeTimer(payload) ?? p('core.timerFires'))),
  narrate(ev, name) {
    if (ev.type === 'config.change') return p('pattern.config-admin.change', { node: name(ev.node), path: ev.path, value: ev.value, version: ev.version });
    return zk.narrate(ev, name);
  },
};
