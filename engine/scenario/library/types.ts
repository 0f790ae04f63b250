import type { TryThis } from '../change';
import type { Guide } from '../guide';
import type { ScenarioInput } from '../schema';

/** Gallery topics, in the order the gallery shows them. */
export const TOPICS = ['basics', 'watch', 'locks', 'transactions', 'sessions', 'idempotency', 'rate-limiting'] as const;
export type Topic = (typeof TOPICS)[number];

/** A built-in scenario with what the gallery shows about it. */
export interface BuiltinScenario {
  id: string;
  topic: Topic;
  title: string;
  /** One line. */
  description: string;
  /** What to look at while it plays. */
  watchFor: string;
  /** One to three experiments to try; one with a change applies it when clicked. */
  tryThis: TryThis[];
  /** Guided mode: the moments of the run to stop at, with their captions. */
  guide?: Guide;
  scenario: ScenarioInput;
}
