import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import mysql from 'mysql2/promise';
import { sqlText, type DbResult, type DbRow, type DbStmt } from '../../engine/clients/sql/messages';
import { sleep } from '../net';
import { DATABASE, ModelDb } from './model-side';
import { parseMariadbScript, type Script } from './script';
import { LOCK_WAIT_TIMEOUT_S, startMariaDb, type MariaDbServer } from './server';

/**
 * The tables every script may use, as the server has them. Keys are binary-collated, so they
 * compare and sort bytewise, as the model's do. The model's tables are schema-free, so scripts
 * give every column when they insert.
 */
export const SCHEMA: Record<string, string> = {
  accounts: 'balance BIGINT NOT NULL DEFAULT 0, frozen BIGINT NOT NULL DEFAULT 0',
  inventory: 'stock BIGINT NOT NULL DEFAULT 0, frozen BIGINT NOT NULL DEFAULT 0',
  orders: "status VARCHAR(32) NOT NULL DEFAULT '', amount BIGINT NOT NULL DEFAULT 0",
  barrier: "gid VARCHAR(64) NOT NULL DEFAULT '', branch VARCHAR(64) NOT NULL DEFAULT '', op VARCHAR(16) NOT NULL DEFAULT ''",
};

/** How long a `send` is given to reach the server and start waiting before the script goes on. */
const SEND_SETTLE_MS = 150;
/** How long the server is given to notice a closed connection (and roll its work back). */
const CLOSE_SETTLE_MS = 250;

const isDml = (s: DbStmt) => s.op === 'insert' || s.op === 'update' || s.op === 'delete';

function rowText(r: DbRow): string {
  const keys = Object.keys(r).sort((a, b) => (a === 'id' ? -1 : b === 'id' ? 1 : a < b ? -1 : 1));
  return keys.map((k) => `${k}=${r[k]}`).join(' ');
}

/** A result as one comparable line. */
export function formatResult(stmt: DbStmt, r: DbResult | undefined): string {
  if (r === undefined) return '(no answer)';
  if (!r.ok) return `ERROR ${r.error.code} (${r.error.state}): ${r.error.message}`;
  if (r.rows) {
    const rows = r.rows.map(rowText);
    // XA RECOVER's order is the server's hash order: compared as a set.
    if (stmt.op === 'xa-recover') rows.sort();
    return `[${rows.join(' | ')}]`;
  }
  return isDml(stmt) ? `ok, ${r.affected ?? 0} affected` : 'ok';
}

/** The tables as the model starts with them: every schema table, with the script's rows. */
export function modelTables(s: Script): Record<string, DbRow[]> {
  const out: Record<string, DbRow[]> = {};
  for (const t of Object.keys(SCHEMA)) out[t] = s.rows[t] ?? [];
  return out;
}

type Conn = mysql.Connection;

/** Runs `sql` on a real session, as a DbResult. */
async function query(c: Conn, sql: string): Promise<DbResult> {
  try {
    const [res] = await c.query(sql);
    if (Array.isArray(res)) {
      const rows = (res as Record<string, unknown>[]).map((row) => {
        const out: Record<string, string | number> = {};
        for (const [k, v] of Object.entries(row)) out[k] = Buffer.isBuffer(v) ? v.toString('utf8') : (v as string | number);
        return out;
      });
      return { ok: true, rows };
    }
    return { ok: true, affected: (res as mysql.ResultSetHeader).affectedRows };
  } catch (e) {
    const err = e as { errno?: number; sqlState?: string; sqlMessage?: string };
    if (err.errno !== undefined && err.sqlState !== undefined) return { ok: false, error: { code: err.errno, state: err.sqlState, message: err.sqlMessage ?? '' } };
    throw e;
  }
}

const connect = (port: number, database?: string) => mysql.createConnection({ host: '127.0.0.1', port, user: 'root', ...(database ? { database } : {}) });

/** A fresh database with the script's rows; prepared branches an earlier script left are rolled back. */
async function setUp(port: number, s: Script): Promise<void> {
  const c = await connect(port);
  try {
    const left = await query(c, 'XA RECOVER');
    for (const r of left.ok ? (left.rows ?? []) : []) await query(c, `XA ROLLBACK '${String(r.data)}'`);
    await c.query(`DROP DATABASE IF EXISTS ${DATABASE}`);
    await c.query(`CREATE DATABASE ${DATABASE}`);
    await c.query(`USE ${DATABASE}`);
    for (const [t, cols] of Object.entries(SCHEMA)) {
      await c.query(`CREATE TABLE ${t} (id VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL PRIMARY KEY, ${cols}) ENGINE=InnoDB`);
    }
    for (const [t, rows] of Object.entries(s.rows)) for (const row of rows) await c.query(sqlText({ op: 'insert', table: t, row }));
  } finally {
    await c.end();
  }
}

interface Outcome {
  ok: boolean;
  lines: string[];
}

/** Plays one script on the model and on the server, and compares every answer. */
async function runScript(file: string, server: MariaDbServer, verbose: boolean): Promise<Outcome> {
  const name = path.relative(process.cwd(), file);
  const lines: string[] = [];
  let script: Script;
  try {
    script = parseMariadbScript(fs.readFileSync(file, 'utf8'), name);
  } catch (e) {
    return { ok: false, lines: [`FAIL ${name}: ${(e as Error).message}`] };
  }
  await setUp(server.port, script);
  const model = new ModelDb(modelTables(script), LOCK_WAIT_TIMEOUT_S * 1000);
  const sessions = new Map<string, Conn>();
  const sent = new Map<string, { stmt: DbStmt; model: DbResult | undefined; real: Promise<DbResult> }>();
  const session = async (s: string) => {
    let c = sessions.get(s);
    if (!c) {
      c = await connect(server.port, DATABASE);
      // A connection broken by a restart must not crash the run: its pending query fails instead.
      c.on('error', () => {});
      sessions.set(s, c);
    }
    return c;
  };
  let ok = true;
  const compare = (step: Script['steps'][number], stmt: DbStmt, m: DbResult | undefined, r: DbResult) => {
    const ms = formatResult(stmt, m);
    const rs = formatResult(stmt, r);
    let why: string | null = null;
    if (ms !== rs) why = 'model and server differ';
    else if (step.expect !== null && !ms.startsWith(step.expect)) why = `both answer other than the expected "${step.expect}"`;
    if (verbose || why) {
      lines.push(`${why ? 'x' : ' '} ${name}:${step.line}: ${step.text}   (${sqlText(stmt)})`);
      lines.push(`    model: ${ms}`);
      lines.push(`    real:  ${rs}${why ? `   <- ${why}` : ''}`);
    }
    if (why) ok = false;
  };
  try {
    for (const step of script.steps) {
      switch (step.kind) {
        case 'sleep':
          model.advance(step.ms);
          await sleep(step.ms);
          break;
        case 'close': {
          model.close(step.session);
          sessions.get(step.session)?.destroy();
          sessions.delete(step.session);
          await sleep(CLOSE_SETTLE_MS);
          break;
        }
        case 'restart':
          model.restart();
          for (const c of sessions.values()) c.destroy();
          sessions.clear();
          await server.restart();
          break;
        case 'reply': {
          const p = sent.get(step.session);
          if (!p) throw new Error(`${name}:${step.line}: ${step.session} sent nothing to take a reply of`);
          sent.delete(step.session);
          const m = p.model ?? model.runUntilResult(step.session);
          compare(step, p.stmt, m, await p.real);
          break;
        }
        case 'stmt': {
          const c = await session(step.session);
          const m = model.call(step.session, step.stmt);
          if (step.send) {
            const real = query(c, sqlText(step.stmt));
            real.catch(() => {});
            sent.set(step.session, { stmt: step.stmt, model: m, real });
            await sleep(SEND_SETTLE_MS);
          } else compare(step, step.stmt, m ?? model.runUntilResult(step.session), await query(c, sqlText(step.stmt)));
          break;
        }
      }
    }
  } finally {
    for (const c of sessions.values()) c.destroy();
  }
  const n = script.steps.filter((s) => s.kind === 'stmt').length;
  lines.push(ok ? `ok   ${name} (${n} statements)` : `FAIL ${name}`);
  return { ok, lines };
}

export interface MariadbSuiteOptions {
  log?: (line: string) => void;
  verbose?: boolean;
}

/**
 * Runs MariaDB conformance scripts against the db model and a real MariaDB (one server for the
 * suite, a fresh database per script). Throws when the server cannot be set up; never skips.
 */
export async function runMariadbSuite(paths: string[], opts: MariadbSuiteOptions = {}): Promise<{ passed: number; failed: number }> {
  const log = opts.log ?? ((s: string) => console.log(s));
  if (paths.length === 0) throw new Error('no MariaDB conformance scripts given');
  const server = await startMariaDb();
  let passed = 0;
  let failed = 0;
  try {
    log(`mariadb conformance: ${paths.length} scripts on MariaDB (innodb_lock_wait_timeout=${LOCK_WAIT_TIMEOUT_S} s, the model's lockWaitTimeoutMs ${LOCK_WAIT_TIMEOUT_S * 1000})`);
    for (const p of paths) {
      let o: Outcome;
      try {
        o = await runScript(p, server, opts.verbose ?? false);
      } catch (e) {
        o = { ok: false, lines: [`FAIL ${path.relative(process.cwd(), p)}: ${(e as Error).message}`] };
      }
      for (const l of o.lines) log(l);
      if (o.ok) passed++;
      else failed++;
    }
  } finally {
    await server.stop();
  }
  log(`mariadb conformance: ${passed} passed, ${failed} failed`);
  return { passed, failed };
}

/** Every `*.mariadb` script in this folder, sorted. */
export function mariadbScripts(dir = path.dirname(fileURLToPath(import.meta.url))): string[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.mariadb'))
    .sort()
    .map((f) => path.join(dir, f));
}
