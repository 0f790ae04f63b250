import type { ScenarioText } from '../text';

/** Simplified Chinese text of built-ins (see ./index.ts for which). */
export const practice: Readonly<Record<string, ScenarioText>> = {
};
