import type { ScenarioText } from '../text';
import { lessons } from './lessons';
import { practice } from './practice';

/**
 * Every built-in's text in Simplified Chinese, by scenario id: `lessons` holds the basics,
 * watches, locks, sessions and idempotency; `practice` the transactions and rate limiting.
 */
export const LIBRARY_ZH: Readonly<Record<string, ScenarioText>> = { ...lessons, ...practice };
