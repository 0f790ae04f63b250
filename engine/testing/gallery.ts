import { builtin, LIBRARY, type BuiltinScenario, type Topic } from '../scenario/library';

/**
 * What the gallery needs of a built-in entry: its topic, notes filled in (one to three things
 * to try), a unique id, and, when `box` is given, every node inside that part of the canvas.
 * Returns the entry for the caller's own checks; throws listing every problem otherwise.
 */
export function galleryEntry(id: string, topic: Topic, box?: { maxX: number; maxY: number }): BuiltinScenario {
  const b = builtin(id);
  if (!b) throw new Error(`no built-in scenario ${id}`);
  const problems: string[] = [];
  if (b.topic !== topic) problems.push(`topic is ${b.topic}, not ${topic}`);
  if (b.description.length <= 20) problems.push('description is 20 characters or less');
  if (b.watchFor.length <= 20) problems.push('"watch for" is 20 characters or less');
  if (b.tryThis.length < 1 || b.tryThis.length > 3) problems.push(`${b.tryThis.length} "try this" items, not 1 to 3`);
  if (box) {
    for (const n of b.scenario.nodes) {
      const { x, y } = n.position ?? { x: NaN, y: NaN };
      if (!(x >= 0 && x <= box.maxX && y >= 0 && y <= box.maxY)) problems.push(`node ${n.id} at (${x}, ${y}) is outside 0..${box.maxX} × 0..${box.maxY}`);
    }
  }
  const same = LIBRARY.filter((s) => s.id === id).length;
  if (same !== 1) problems.push(`${same} entries have this id`);
  if (problems.length) throw new Error(`built-in ${id}: ${problems.join('; ')}`);
  return b;
}
