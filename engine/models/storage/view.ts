import type { StorageState } from './model';

// Kept apart from the model's behaviour: the card imports this, and the behaviour is fetched
// only when a scenario runs the kind (importing model.ts here would copy it into the card's chunk).

/** What the canvas shows of a storage node. */
export interface StorageView {
  fencing: boolean;
  maxToken: number | null;
  value: string | null;
  lastWriter: string | null;
  open: { section: string; client: string; token: number | null }[];
  writes: number;
  rejects: number;
}

/** A plain summary of the storage state for views. */
export function storageView(s: StorageState): StorageView {
  const open = Object.keys(s.open).map((section) => ({ section, client: s.open[section].client, token: s.open[section].token }));
  return { fencing: s.fencing, maxToken: s.maxToken, value: s.value, lastWriter: s.lastWriter, open, writes: s.writes, rejects: s.rejects };
}
