import type { RedisReply } from './protocol';

// On its own so that a client program can word replies without loading the server's code.

/** Renders a reply the way redis-cli does, for narration. */
export function formatReply(r: RedisReply): string {
  if (r === null) return '(nil)';
  if (typeof r === 'number') return `(integer) ${r}`;
  if (typeof r === 'string') return r === 'OK' || r === 'PONG' ? r : JSON.stringify(r);
  if (Array.isArray(r)) return `[${r.map(formatReply).join(', ')}]`;
  if ('int' in r) return `(integer) ${r.int}`;
  return `(error) ${r.error}`;
}
