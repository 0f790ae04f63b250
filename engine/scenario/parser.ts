import { lazyModule } from '../core/lazy-module';
import type * as Parse from './parse';

// The scenario parser (zod and every kind's schema) is a chunk of its own: the playground's
// first paint shows a scenario validated ahead of time (./default-scenario.ts) and fetches the
// parser after it. Whatever validates input — a link, a file, an edit, the autosave — gets it
// here first.

type ParseModule = typeof Parse;

const parser = lazyModule<ParseModule>(() => import('./parse'));

/** The parser, fetching it on first use; a failed fetch is forgotten, so a later call tries again. */
export const loadParser = parser.load;

/** The parser if it has arrived, for code that must answer synchronously (an edit). */
export const parserNow = parser.now;
