import { z } from 'zod';
import { tokenReplayParams } from '../../patterns/token-replay/params';

// An attacker's parameters, apart from its behaviour (model.ts): the catalog imports this
// eagerly to validate scenarios, while the model loads on demand.

export const attackerParams = z
  .object({
    /** What the attacker does with what it steals (engine/patterns/token-replay). */
    program: tokenReplayParams.default({ kind: 'token-replay', target: 'lb', intervalMs: 500, tries: 40, timeoutMs: 3000 }),
  })
  .strict();
