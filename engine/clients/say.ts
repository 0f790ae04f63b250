import { p, type Arg, type Phrase } from '../core/phrase';
import type { en } from './messages.en';

/** A phrase of the client libraries' messages (`clients.<key>`). */
export const t = (key: keyof typeof en, args?: Readonly<Record<string, Arg>>): Phrase => p(`clients.${key}`, args);
