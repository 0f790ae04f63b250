import type { Messages } from '../../i18n/format';
import type { BuiltinScenario } from './types';

/** What the gallery, the notes and the guide say about a built-in, in one language. */
export interface ScenarioText {
  title: string;
  description: string;
  watchFor: string;
  /** One per try-this item, in order. */
  tryThis: readonly string[];
  /** Guide captions by stop id. */
  guide?: Readonly<Record<string, string>>;
}

/** A built-in's English text, as its file states it. */
export function englishText(b: BuiltinScenario): ScenarioText {
  return {
    title: b.title,
    description: b.description,
    watchFor: b.watchFor,
    tryThis: b.tryThis.map((t) => t.text),
    ...(b.guide ? { guide: b.guide.text.en } : {}),
  };
}

/**
 * Scenario text is prose, not ICU: quote what ICU would read as syntax (`{`, `}`, and `<`, which
 * opens a tag, as in `EVAL <rrenew.lua>`). `#` is syntax only inside a plural, and quoting it
 * elsewhere would print the quotes.
 */
const literal = (s: string) => s.replace(/'/g, "''").replace(/[{}<]/g, "'$&'");

/**
 * The `library` namespace of a catalog: per scenario id, `title`, `description`, `watchFor`,
 * `try0`, `try1`, … and `guide-<stop id>`. Both languages are built the same way, so the
 * parity test compares them id by id.
 */
export function libraryMessages(texts: Readonly<Record<string, ScenarioText>>): Messages {
  const out: Record<string, Record<string, string>> = {};
  for (const [id, x] of Object.entries(texts)) {
    const m: Record<string, string> = { title: literal(x.title), description: literal(x.description), watchFor: literal(x.watchFor) };
    x.tryThis.forEach((t, i) => (m[`try${i}`] = literal(t)));
    for (const [stop, caption] of Object.entries(x.guide ?? {})) m[`guide-${stop}`] = literal(caption);
    out[id] = m;
  }
  return out;
}
