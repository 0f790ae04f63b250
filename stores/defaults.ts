import { NODE_KINDS } from '@/engine/models/catalog';
import type { Scenario } from '@/engine/scenario/schema';

/** A link's parameters when the visitor draws one: a LAN-ish latency slow enough to watch. */
export const NEW_LINK_PARAMS = { latency: { kind: 'uniform', minMs: 20, maxMs: 40 } } as const;

/** A first program for a new client: talk to whatever server is already on the canvas. */
function clientProgram(s: Scenario): Record<string, unknown> {
  const redis = s.nodes.find((n) => n.type === 'redis');
  const zk = s.nodes.find((n) => n.type === 'zookeeper');
  if (zk && !redis) {
    return { kind: 'zk-script', target: zk.id, ops: ['create /demo hello', 'get /demo', 'delete /demo'], intervalMs: 300 };
  }
  return { kind: 'redis-script', target: redis?.id ?? 'redis', commands: [['SET', 'key', 'value', 'PX', '3000'], ['GET', 'key']], intervalMs: 500 };
}

/**
 * Parameters for a node the visitor drops on the canvas: the type's own defaults where its
 * schema has them, otherwise (a client needs a program) a small program for what is there.
 */
export function defaultParams(type: string, s: Scenario): Record<string, unknown> {
  if (type === 'client') return { program: clientProgram(s) };
  const parsed = NODE_KINDS[type]?.params.safeParse({});
  return parsed?.success ? (parsed.data as Record<string, unknown>) : {};
}

/** An id not yet used in the scenario: `redis`, then `redis2`, `redis3`… */
export function freshId(s: Scenario, base: string): string {
  const taken = new Set([...s.nodes.map((n) => n.id), ...s.edges.map((e) => e.id)]);
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}${n}`)) return `${base}${n}`;
}
