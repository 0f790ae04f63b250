import type { StorageState } from './model';

// Kept apart from the model's behaviour, as every kind's view: the UI reads only this.

/** An access fencing turned away. */
export interface StorageRefusal {
  client: string;
  op: 'enter' | 'write' | 'leave';
  token: number | null;
}

/** What the canvas shows of a storage node. */
export interface StorageView {
  fencing: boolean;
  maxToken: number | null;
  value: string | null;
  lastWriter: string | null;
  open: { section: string; client: string; token: number | null }[];
  writes: number;
  rejects: number;
  /** The newest refused access still in the short log (the moment fencing saved the data), if any. */
  refused: StorageRefusal | null;
}

function lastRefused(s: StorageState): StorageRefusal | null {
  for (let k = s.log.length - 1; k >= 0; k--) {
    const e = s.log[k];
    if (!e.ok) return { client: e.client, op: e.op, token: e.token };
  }
  return null;
}

/** A plain summary of the storage state for views. */
export function storageView(s: StorageState): StorageView {
  const open = Object.keys(s.open).map((section) => ({ section, client: s.open[section].client, token: s.open[section].token }));
  return { fencing: s.fencing, maxToken: s.maxToken, value: s.value, lastWriter: s.lastWriter, open, writes: s.writes, rejects: s.rejects, refused: lastRefused(s) };
}
