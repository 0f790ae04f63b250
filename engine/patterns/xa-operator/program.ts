import type { DbResult } from '../../clients/sql/messages';
import { resultText } from '../../clients/sql/messages';
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
  done: string | null;
}

const TIMERS = timerOwner<{ act: NoFields }>('xa-operator');

function onAnswer(s0: XaOperatorState, tag: Step, r: DbResult, ctx: Ctx): XaOperatorState {
  const s = { ...s0, chan: { ...s0.chan, pending: null } };
  if (tag === 'recover') {
    const inDoubt = r.ok ? (r.rows ?? []).map((row) => String(row.data)) : [];
    ctx.trace('dba.recover', { db: s.p.target, inDoubt });
    if (!inDoubt.includes(s.p.xid)) return { ...s, done: `${s.p.xid} not in doubt` };
    const stmt = s.p.decision === 'commit' ? { op: 'xa-commit' as const, xid: s.p.xid } : { op: 'xa-rollback' as const, xid: s.p.xid };
    return { ...s, chan: sendSql(s.chan, ctx, s.p.target, stmt, 'resolve') };
  }
  ctx.trace('dba.heuristic', { db: s.p.target, xid: s.p.xid, decision: s.p.decision, result: resultText(r), ok: r.ok });
  return { ...s, done: `${s.p.decision === 'commit' ? 'committed' : 'rolled back'} ${s.p.xid} by hand` };
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
    return { status: s.chan.pending ? 'working' : 'idle', detail: `will ${s.p.decision} ${s.p.xid} by hand if it is in doubt` };
  },
  describeTimer: () => 'the operator looks for in-doubt branches',
  narrate(ev, name) {
    switch (ev.type) {
      case 'dba.recover':
        return `${name(ev.node)} runs XA RECOVER on ${name(ev.db)}: ${ev.inDoubt.length ? `${ev.inDoubt.map((x) => `'${x}'`).join(', ')} in doubt, rows locked` : 'nothing in doubt'}`;
      case 'dba.heuristic':
        return ev.ok
          ? `${name(ev.node)} runs XA ${ev.decision.toUpperCase()} '${ev.xid}' on ${name(ev.db)} by hand, without the coordinator: a heuristic ${ev.decision} (the coordinator may decide otherwise)`
          : `${name(ev.node)}'s XA ${ev.decision.toUpperCase()} '${ev.xid}' on ${name(ev.db)} fails: ${ev.result}`;
      default:
        return undefined;
    }
  },
};
