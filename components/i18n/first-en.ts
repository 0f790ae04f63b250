import { en as clients } from '@/engine/clients/messages.en';
import { en as core } from '@/engine/core/messages.en';
import type { Messages } from '@/engine/i18n/formatter';
import { en as modelCommon } from '@/engine/models/messages.en';
import { en as modelClient } from '@/engine/models/client/messages.en';
import { en as modelRedis } from '@/engine/models/redis/messages.en';
import { en as patternCommon } from '@/engine/patterns/messages.en';
import { en as patternRedisScript } from '@/engine/patterns/redis-script/messages.en';
import { en as trace } from '@/engine/trace/messages.en';
import { uiFirstEn } from './ui-first-en';

/**
 * The English that ships with the page: the UI's first screen (ui-first-en.ts), and the narration of the default scenario's
 * kinds (stores/default-behaviour.ts; a test checks that it covers that run). The rest of the
 * engine's English — other kinds, the invariants, the vocabulary of parameters and metrics,
 * the hunt, the UI's dialogs and other kinds' cards — is fetched after the first paint (loadMessages).
 */
export const firstEnMessages: Messages = {
  core,
  trace,
  clients,
  model: { common: modelCommon, client: modelClient, redis: modelRedis },
  pattern: { common: patternCommon, 'redis-script': patternRedisScript },
  ui: uiFirstEn,
};
