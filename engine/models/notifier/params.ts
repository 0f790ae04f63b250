import { z } from 'zod';
import { notifierParams as programParams } from '../../patterns/notifier/params';

// A notification service's parameters, apart from its behaviour (model.ts): the catalog imports
// this eagerly to validate scenarios, while the model loads on demand.

export const notifierParams = z
  .object({
    /** How it notifies (engine/patterns/notifier): whom, on which retry schedule. */
    program: programParams.default({ kind: 'notifier', target: 'merchant', orders: 3, intervalMs: 1500, retryScheduleMs: [240_000, 600_000, 600_000, 3_600_000, 7_200_000, 21_600_000, 54_000_000], scheduleScale: 1, timeoutMs: 300 }),
  })
  .strict();
