import { z } from 'zod';

// The parameters of a storage node, apart from its behaviour (model.ts): the catalog imports them
// eagerly to validate scenarios and build the inspector's form, while the model is fetched the
// first time a scenario has such a node.

export const storageParams = z
  .object({
    /** Refuse any enter or write whose fencing token is smaller than the largest seen. */
    fencing: z.boolean().default(false),
  })
  .strict();
export type StorageParams = z.input<typeof storageParams>;
