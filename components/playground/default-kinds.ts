import { registerDefaultBehaviour } from '@/stores/default-behaviour';
import { provideCard } from '../canvas/flow-registry';
import { ClientCard } from '../nodes/client/card';
import { RedisCard } from '../nodes/redis/card';

/**
 * Registers what the playground's default scenario is drawn and run with — its kinds'
 * behaviour (stores/default-behaviour.ts) and their cards — which this page ships with rather
 * than fetching on demand. Keep the cards in step with DEFAULT_BEHAVIOUR's models.
 */
export function shipDefaultKinds(): void {
  registerDefaultBehaviour();
  provideCard('client', ClientCard);
  provideCard('redis', RedisCard);
}
