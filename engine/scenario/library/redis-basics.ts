import type { BuiltinScenario } from './types';

export const redisBasics: BuiltinScenario = {
  id: 'redis-basics',
  topic: 'basics',
  title: 'Redis SET / GET with a TTL',
  description: 'A client writes a key with a 2.5 s TTL, reads it back, and reads again after it expired.',
  watchFor: 'The key appears on the Redis node with a TTL bar that drains; the last GET returns (nil).',
  tryThis: [
    { text: "Skew Redis's clock forward by 1500 ms before the second GET: the key expires early." },
    { text: 'Add 400 ms of latency to the link and watch each command take longer.' },
  ],
  scenario: {
    version: 1,
    id: 'redis-basics',
    title: 'Redis SET / GET with a TTL',
    seed: 42,
    nodes: [
      {
        id: 'c1',
        type: 'client',
        label: 'client',
        position: { x: 0, y: 80 },
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
          },
        },
      },
      { id: 'redis', type: 'redis', label: 'redis', position: { x: 420, y: 60 }, params: {} },
    ],
    edges: [{ id: 'c1-redis', source: 'c1', target: 'redis', params: { latency: { kind: 'uniform', minMs: 40, maxMs: 60 } } }],
    playback: { startMs: 0, speed: 0.25, untilMs: 4000 },
  },
};
