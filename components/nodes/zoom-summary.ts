import type { ClientState } from '@/engine/models/client/model';
import { clientView } from '@/engine/models/client/view';
import type { RedisState } from '@/engine/models/redis/model';
import type { ZookeeperState } from '@/engine/models/zookeeper/model';

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

/**
 * The one line a card keeps when the canvas is zoomed out too far to read its details: what
 * a glance should still tell (a client's program state, how much a server holds). States are
 * read defensively, as the cards do; a type without a summary shows its status only.
 */
export function zoomSummary(kind: string, state: unknown): string | null {
  if (state === null || typeof state !== 'object') return null;
  if (kind === 'client') return clientView(state as ClientState).status;
  if (kind === 'redis') {
    const r = state as Partial<RedisState>;
    const keys = plural(Object.keys(r.data?.keys ?? {}).length, 'key');
    return r.role === 'replica' ? `replica · ${keys}` : keys;
  }
  if (kind === 'zookeeper') {
    const core = (state as Partial<ZookeeperState>).core;
    if (!core) return null;
    const znodes = Object.keys(core.nodes).filter((p) => p !== '/' && p !== '/zookeeper' && !p.startsWith('/zookeeper/')).length;
    return `${plural(znodes, 'znode')} · ${plural(Object.keys(core.sessions).length, 'session')}`;
  }
  return null;
}
