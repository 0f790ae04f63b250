import { redisBasics } from './redis-basics';
import { redisFailover } from './redis-failover';
import { zkBasics } from './zk-basics';
import type { BuiltinScenario } from './types';

export type { BuiltinScenario, Topic } from './types';
export { TOPICS } from './types';

/** Every built-in scenario; the gallery and `npm run sim -- --list` read this. */
export const LIBRARY: readonly BuiltinScenario[] = [redisBasics, redisFailover, zkBasics];

/** A built-in scenario by id. */
export function builtin(id: string): BuiltinScenario | undefined {
  return LIBRARY.find((s) => s.id === id);
}
