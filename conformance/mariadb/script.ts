import type { DbRow, DbStmt, DbValue } from '../../engine/clients/sql/messages';

/**
 * The MariaDB conformance script format, one step per line (`# comment` lines are skipped):
 *
 *   row accounts id=a balance=100 frozen=0     a committed row before the script starts
 *   s1 begin | commit | rollback               a statement on session s1 (a connection of its own)
 *   s1 select accounts a [for update]          SELECT * FROM accounts WHERE id = 'a' [FOR UPDATE]
 *   s1 scan accounts [frozen=0]                SELECT * FROM accounts [WHERE frozen = 0] ORDER BY id
 *   s1 insert [ignore] accounts id=c balance=5 frozen=0
 *   s1 update accounts a balance-=30 frozen+=30 status=paid [if balance>=30]
 *   s1 delete accounts a
 *   s1 xa start|end|prepare|rollback g1 · s1 xa commit g1 [one phase] · s1 xa recover
 *   s1 send <statement>                        send without waiting (it may wait for a lock)...
 *   s1 reply                                   ...and take its result here
 *   s1 close                                   the client drops its connection
 *   sleep 200                                  wait (virtual time in the model, real time on the server)
 *   restart                                    the server is killed (SIGKILL) and started again
 *
 * Statements are the model's typed commands; the server gets their SQL text (`sqlText`). The
 * runner compares the two results; a line may end with `=> <text>`, the start of what both must
 * answer (`=> ERROR 1205`), to pin the lesson as well.
 */
export type Step =
  | { line: number; text: string; expect: string | null; kind: 'stmt'; session: string; stmt: DbStmt; send: boolean }
  | { line: number; text: string; expect: string | null; kind: 'reply'; session: string }
  | { line: number; text: string; expect: string | null; kind: 'close'; session: string }
  | { line: number; text: string; expect: string | null; kind: 'sleep'; ms: number }
  | { line: number; text: string; expect: string | null; kind: 'restart' };

export interface Script {
  /** Committed rows by table at the start. */
  rows: Record<string, DbRow[]>;
  steps: Step[];
}

const value = (v: string): DbValue => (/^-?\d+$/.test(v) ? Number(v) : v);

function assignments(words: string[], where: string): Record<string, DbValue> {
  const out: Record<string, DbValue> = {};
  for (const w of words) {
    const m = /^([a-z_][a-z0-9_]*)=(.*)$/i.exec(w);
    if (!m) throw new Error(`${where}: expected column=value, got "${w}"`);
    out[m[1]] = value(m[2]);
  }
  return out;
}

function statement(w: string[], where: string): DbStmt {
  const [op, ...rest] = w;
  switch (op) {
    case 'begin':
    case 'commit':
    case 'rollback':
      return { op };
    case 'select':
      if (rest.length === 2) return { op, table: rest[0], id: rest[1] };
      if (rest.length === 4 && rest[2] === 'for' && rest[3] === 'update') return { op, table: rest[0], id: rest[1], forUpdate: true };
      break;
    case 'scan': {
      const where_ = assignments(rest.slice(1), where);
      return Object.keys(where_).length ? { op, table: rest[0], where: where_ } : { op, table: rest[0] };
    }
    case 'insert': {
      const ignore = rest[0] === 'ignore';
      const [table, ...cols] = ignore ? rest.slice(1) : rest;
      const row = assignments(cols, where);
      if (typeof row.id !== 'string') throw new Error(`${where}: an insert needs id=<text>`);
      return ignore ? { op, table, row: row as DbRow, ignore } : { op, table, row: row as DbRow };
    }
    case 'update': {
      const [table, id, ...more] = rest;
      const cut = more.indexOf('if');
      const changes = cut < 0 ? more : more.slice(0, cut);
      const set: Record<string, DbValue> = {};
      const add: Record<string, number> = {};
      for (const c of changes) {
        const m = /^([a-z_][a-z0-9_]*)([+-])=(\d+)$/i.exec(c);
        if (m) add[m[1]] = (m[2] === '-' ? -1 : 1) * Number(m[3]);
        else Object.assign(set, assignments([c], where));
      }
      const atLeast: Record<string, number> = {};
      for (const c of cut < 0 ? [] : more.slice(cut + 1)) {
        const m = /^([a-z_][a-z0-9_]*)>=(-?\d+)$/i.exec(c);
        if (!m) throw new Error(`${where}: expected column>=number after if, got "${c}"`);
        atLeast[m[1]] = Number(m[2]);
      }
      return {
        op,
        table,
        id,
        ...(Object.keys(set).length ? { set } : {}),
        ...(Object.keys(add).length ? { add } : {}),
        ...(Object.keys(atLeast).length ? { atLeast } : {}),
      };
    }
    case 'delete':
      if (rest.length === 2) return { op, table: rest[0], id: rest[1] };
      break;
    case 'xa': {
      const [verb, xid, ...tail] = rest;
      if (verb === 'recover' && rest.length === 1) return { op: 'xa-recover' };
      if (verb === 'commit' && tail.join(' ') === 'one phase') return { op: 'xa-commit', xid, onePhase: true };
      if (['start', 'end', 'prepare', 'commit', 'rollback'].includes(verb) && xid && tail.length === 0) return { op: `xa-${verb}` as 'xa-start', xid };
      break;
    }
  }
  throw new Error(`${where}: not a statement: ${w.join(' ')}`);
}

/** Parses a script; throws naming the line when one cannot be read. */
export function parseMariadbScript(src: string, name: string): Script {
  const rows: Record<string, DbRow[]> = {};
  const steps: Step[] = [];
  src.split('\n').forEach((raw, i) => {
    const line = i + 1;
    const where = `${name}:${line}`;
    const text = raw.trim();
    if (text === '' || text.startsWith('#')) return;
    const arrow = text.indexOf(' => ');
    const expect = arrow < 0 ? null : text.slice(arrow + 4).trim();
    const w = (arrow < 0 ? text : text.slice(0, arrow)).split(/\s+/);
    const base = { line, text, expect };
    if (w[0] === 'row') {
      if (steps.length) throw new Error(`${where}: rows come before the first step`);
      const row = assignments(w.slice(2), where);
      if (typeof row.id !== 'string') throw new Error(`${where}: a row needs id=<text>`);
      (rows[w[1]] ??= []).push(row as DbRow);
    } else if (w[0] === 'sleep' && w.length === 2 && /^\d+$/.test(w[1])) steps.push({ ...base, kind: 'sleep', ms: Number(w[1]) });
    else if (w[0] === 'restart' && w.length === 1) steps.push({ ...base, kind: 'restart' });
    else if (w.length === 2 && w[1] === 'reply') steps.push({ ...base, kind: 'reply', session: w[0] });
    else if (w.length === 2 && w[1] === 'close') steps.push({ ...base, kind: 'close', session: w[0] });
    else if (w[1] === 'send') steps.push({ ...base, kind: 'stmt', session: w[0], stmt: statement(w.slice(2), where), send: true });
    else steps.push({ ...base, kind: 'stmt', session: w[0], stmt: statement(w.slice(1), where), send: false });
  });
  return { rows, steps };
}
