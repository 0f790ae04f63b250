import { registerDefaultBehaviour } from '@/stores/default-behaviour';
import { provideCard } from '../canvas/flow-registry';
import { ClientNode } from '../nodes/client-node';
import { RedisNode } from '../nodes/redis-node';

/**
 * Registers what the playground's default scenario is drawn and run with — its kinds'
 * behaviour (stores/default-behaviour.ts) and their cards — which this page ships with rather
 * than fetching on demand. Keep the cards in step with DEFAULT_BEHAVIOUR's models.
 */
export function shipDefaultKinds(): void {
  registerDefaultBehaviour();
  provideCard('client', ClientNode);
  provideCard('redis', RedisNode);
}
