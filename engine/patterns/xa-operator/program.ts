import type { DbResult } from '../../clients/sql/messages';
import { resultText } from '../../clients/sql/messages';
import { p, type Say } from '../../core/phrase';
import type { ProgramDef } from '../../core/program';
import { timerOwner, type NoFields } from '../../core/timer';
import type { Ctx } from '../../core/types';
import { freshChan, sendSql, sqlAnswer, type SqlChan } from '../sql-chan';
import type { XaOperatorParams } from './params';

/**
 * A database operator at a participant whose XA branch is stuck in doubt (prepared, its
 * coordinator gone, rows locked): at `atMs` they run XA RECOVER and, if the branch is listed,
 * XA COMMIT or XA ROLLBACK it by hand, which MariaDB allows from any session for a branch no
 * session holds. That is a heuristic decision: the participant decides without the
 * coordinator, which may decide the other way (X/Open XA's heuristic commit / rollback; the
 * result, some branches committed and others rolled back, is "heuristic mixed"). Real TMs
 * (Narayana, Atomikos) report such outcomes as HeuristicMixedException and leave them to a person.
 */

declare module '../../core/trace-types' {
  interface TraceEventMap {
    /** XA RECOVER answered: the branches in doubt. */
    'dba.recover': { db: string; inDoubt: string[] };
    /** The operator committed or rolled back an in-doubt branch by hand. */
    'dba.heuristic': { db: string; xid: string; decision: 'commit' | 'rollback'; result: string; ok: boolean };
  }
}

type Step = 'recover' | 'resolve';

export interface XaOperatorState {
  p: XaOperatorParams;
  chan: SqlChan<Step>;
  done: Say | null;
}

const TIMERS = timerOwner<{ act: NoFields }>('xa-operator');

function onAnswer(s0: XaOperatorState, tag: Step, r: DbResult, ctx: Ctx): XaOperatorState {
  const s = { ...s0, chan: { ...s0.chan, pending: null } };
  if (tag === 'recover') {
    const inDoubt = r.ok ? (r.rows ?? []).map((row) => String(row.data)) : [];
    ctx.trace('dba.recover', { db: s.p.target, inDoubt });
    if (!inDoubt.includes(s.p.xid)) return { ...s, done: p('pattern.xa-operator.notInDoubt', { xid: s.p.xid }) };
    const stmt = s.p.decision === 'commit' ? { op: 'xa-commit' as const, xid: s.p.xid } : { op: 'xa-rollback' as const, xid: s.p.xid };
    return { ...s, chan: sendSql(s.chan, ctx, s.p.target, stmt, 'resolve') };
  }
  ctx.trace('dba.heuristic', { db: s.p.target, xid: s.p.xid, decision: s.p.decision, result: resultText(r), ok: r.ok });
  return { ...s, done: p('pattern.xa-operator.byHand', { decision: s.p.decision, xid: s.p.xid }) };
}

export const xaOperator: ProgramDef<XaOperatorParams, XaOperatorState> = {
  kind: 'xa-operator',
  init: (p) => ({ p, chan: freshChan(), done: null }),
  start(s, ctx) {
    if (s.done === null) ctx.setTimer(s.p.atMs, TIMERS.make('act'));
    return s;
  },
  onMessage(s, msg, from, ctx) {
    if (from !== s.p.target) return s;
    const a = sqlAnswer(s.chan, msg);
    return a ? onAnswer(s, a.tag, a.result, ctx) : s;
  },
  onTimer(s, payload, ctx) {
    if (!TIMERS.match(payload) || s.chan.pending || s.done !== null) return s;
    return { ...s, chan: sendSql(s.chan, ctx, s.p.target, { op: 'xa-recover' }, 'recover') };
  },
  // What they did is done; a restarted terminal does not do it again.
  crash: (s) => s,
  view(s) {
    if (s.done !== null) return { status: 'done', detail: s.done };
    return { status: s.chan.pending ? 'working' : 'idle', detail: p('pattern.xa-operator.will', { decision: s.p.decision, xid: s.p.xid }) };
  },
  describeTimer: () => p('pattern.xa-operator.timer'),
  narrate(ev, name) {
    switch (ev.type) {
      case 'dba.recover':
        return p('pattern.xa-operator.recover', { node: name(ev.node), db: name(ev.db), found: ev.inDoubt.length ? p('pattern.xa-operator.inDoubt', { xids: ev.inDoubt.map((x) => `'${x}'`).join(', ') }) : p('pattern.xa-operator.nothing') });
      case 'dba.heuristic':
        return ev.ok
          ? p('pattern.xa-operator.heuristic', { node: name(ev.node), cmd: ev.decision.toUpperCase(), xid: ev.xid, db: name(ev.db), decision: ev.decision })
          : p('pattern.xa-operator.heuristicFails', { node: name(ev.node), cmd: ev.decision.toUpperCase(), xid: ev.xid, db: name(ev.db), result: ev.result });
      default:
        return undefined;
    }
  },
};
