import type { SimSpec } from '../core/simulation';
import type { ModelDef } from '../core/types';
import { dbQuery, type DbResult, type DbResultMsg, type DbStmt } from '../clients/sql/messages';
import { dbModel } from '../models/db/model';
import type { Harness } from './harness';
import { scriptedPeer, type PeerState, type StepBase } from './peer';

/** A statement a database test peer sends at true time `at`. */
export interface SqlStep extends StepBase {
  stmt: DbStmt;
  /** The client's session it goes on (several sessions of one client node); absent: its only one. */
  session?: string;
}

/** A scripted SQL client (node type `sclient`): step `i` goes out as request id `i`. */
export const sqlPeer = scriptedPeer<SqlStep>('sclient', (st, i) => dbQuery(i, st.stmt, st.session));

/** The registry database model tests run with. */
export const DB_MODELS = { db: dbModel, sclient: sqlPeer } as unknown as Readonly<Record<string, ModelDef<never, unknown>>>;

/** A node running the scripted SQL client. */
export const sqlClient = (id: string, target: string, steps: SqlStep[]): SimSpec['nodes'][number] => ({ id, type: 'sclient', params: { target, steps } });

/** The results client `id` received, by step index, with the local time each arrived. */
export function resultsOf(h: Harness, id: string): Record<number, { at: number; result: DbResult }> {
  const out: Record<number, { at: number; result: DbResult }> = {};
  for (const g of (h.sim.node(id).state as PeerState<SqlStep>).got) {
    if (g.msg.type === 'db.result') out[(g.msg as DbResultMsg).id] = { at: g.at, result: (g.msg as DbResultMsg).result };
  }
  return out;
}
