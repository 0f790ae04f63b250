'use client';

import { useMemo, useState } from 'react';
import type { AppNode } from './flow-types';
import { separate, type Placed } from './separate';

/**
 * The nodes as the canvas draws them: where the scenario puts them, except that a card which
 * would overlap another once measured is moved down clear of it (separate.ts). Cards keep the
 * room of the largest they have been in this document, so a card that grows (a ZooKeeper card
 * gaining znodes, a violation badge) pushes the cards under it away for good instead of making
 * them jump back and forth while the run is scrubbed. A node in `pinned` (placed by the
 * visitor) or being dragged stays exactly where it is. The scenario itself is not changed:
 * this is how it is drawn, so a share link or a saved file keeps the authored positions.
 * Unmoved nodes are the same objects, moved ones keep their identity while their place holds,
 * so React Flow re-renders only what moved.
 */
export function useSeparated(nodes: AppNode[], pinned: ReadonlySet<string>): AppNode[] {
  // Memos kept for the canvas's life (it remounts for another document), not state to render from.
  const [largest] = useState(() => new Map<string, { width: number; height: number }>());
  const [copies] = useState(() => new WeakMap<AppNode, AppNode>());
  return useMemo(() => {
    const cards: Placed[] = [];
    for (const n of nodes) {
      const w = n.measured?.width ?? 0;
      const h = n.measured?.height ?? 0;
      // Until every card is measured there is nothing to go by: draw the authored layout.
      if (!w || !h) return nodes;
      const was = largest.get(n.id);
      const size = was && was.width >= w && was.height >= h ? was : { width: Math.max(w, was?.width ?? 0), height: Math.max(h, was?.height ?? 0) };
      largest.set(n.id, size);
      cards.push({ id: n.id, x: n.position.x, y: n.position.y, ...size, pinned: pinned.has(n.id) || n.dragging === true });
    }
    const moved = separate(cards);
    if (moved.size === 0) return nodes;
    return nodes.map((n) => {
      const y = moved.get(n.id);
      if (y === undefined) return n;
      const copy = copies.get(n);
      if (copy && copy.position.y === y) return copy;
      const next = { ...n, position: { x: n.position.x, y } };
      copies.set(n, next);
      return next;
    });
  }, [nodes, pinned, largest, copies]);
}
