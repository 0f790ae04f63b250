import { expect } from 'vitest';
import { builtin, LIBRARY, type BuiltinScenario, type Topic } from './index';

/**
 * Checks what the gallery needs of a built-in entry: its topic, notes filled in (one to three
 * things to try), a unique id, and, when `box` is given, every node inside that part of the
 * canvas. Returns the entry for the caller's own checks (its monitors).
 */
export function expectGalleryEntry(id: string, topic: Topic, box?: { maxX: number; maxY: number }): BuiltinScenario {
  const b = builtin(id)!;
  expect(b.topic).toBe(topic);
  expect(b.description.length).toBeGreaterThan(20);
  expect(b.watchFor.length).toBeGreaterThan(20);
  expect(b.tryThis.length).toBeGreaterThanOrEqual(1);
  expect(b.tryThis.length).toBeLessThanOrEqual(3);
  if (box) {
    for (const n of b.scenario.nodes) {
      expect(n.position!.x).toBeGreaterThanOrEqual(0);
      expect(n.position!.x).toBeLessThanOrEqual(box.maxX);
      expect(n.position!.y).toBeGreaterThanOrEqual(0);
      expect(n.position!.y).toBeLessThanOrEqual(box.maxY);
    }
  }
  expect(LIBRARY.filter((s) => s.id === id)).toHaveLength(1);
  return b;
}
