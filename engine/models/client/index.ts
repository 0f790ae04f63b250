import { defineNode, type NodesSoFar } from '../kind';

/** A first program for a new client: talk to whatever server is already on the canvas. */
function firstProgram(nodes: NodesSoFar): Record<string, unknown> {
  const redis = nodes.find((n) => n.type === 'redis');
  const zk = nodes.find((n) => n.type === 'zookeeper');
  if (zk && !redis) {
    return { kind: 'zk-script', target: zk.id, ops: ['create /demo hello', 'get /demo', 'delete /demo'], intervalMs: 300 };
  }
  return { kind: 'redis-script', target: redis?.id ?? 'redis', commands: [['SET', 'key', 'value', 'PX', '3000'], ['GET', 'key']], intervalMs: 500 };
}

/** A client machine running one program (engine/patterns): what is known before its behaviour is fetched. */
export const clientKind = defineNode({
  type: 'client',
  title: 'Client',
  blurb: 'Runs a program: sends requests, waits for replies, retries.',
  linksTo: ['redis', 'sentinel', 'zookeeper', 'storage', 'payments', 'lb', 'app', 'attacker', 'limiter', 'db', 'mq', 'notifier'],
  // The model only hosts a program; the events are the program's (see each program's manifest).
  log: { group: 'client', namespaces: [] },
  newParams: (nodes) => ({ program: firstProgram(nodes) }),
  load: () => import('./behaviour').then((m) => m.clientBehaviour),
});
