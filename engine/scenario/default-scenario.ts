import { redisBasics } from './library/redis-basics';
import type { BuiltinScenario } from './library/types';
import type { Scenario } from './schema';

/**
 * The scenario the playground opens with. Imported on its own, not through the library: the
 * library grows with every pattern, and only the gallery (loaded on demand) needs all of it.
 */
export const DEFAULT_ENTRY: BuiltinScenario = redisBasics;

/**
 * DEFAULT_ENTRY's scenario as parseScenario returns it (its defaults filled in), written out so
 * the first paint needs neither zod nor the schemas: default-scenario.test.ts checks that it is
 * exactly what parseScenario makes of the entry, so an edit to either shows up there (paste the
 * parser's output here).
 */
export const DEFAULT_SCENARIO: Scenario = {
  version: 1,
  id: 'redis-basics',
  title: 'Redis SET / GET with a TTL',
  seed: 42,
  nodes: [
    {
      id: 'c1',
      type: 'client',
      label: 'client',
      params: {
        program: {
          kind: 'redis-script',
          target: 'redis',
          commands: [
            ['SET', 'greeting', 'hello', 'PX', '2500'],
            ['GET', 'greeting'],
            ['PTTL', 'greeting'],
            ['GET', 'greeting'],
          ],
          intervalMs: 900,
          loop: false,
        },
      },
      position: { x: 0, y: 80 },
    },
    { id: 'redis', type: 'redis', label: 'redis', params: { hz: 10 }, position: { x: 420, y: 60 } },
  ],
  edges: [{ id: 'c1-redis', source: 'c1', target: 'redis', params: { latency: { kind: 'uniform', minMs: 40, maxMs: 60 } } }],
  monitors: [],
  interventions: [],
  playback: { startMs: 0, speed: 0.25, untilMs: 4000 },
};
