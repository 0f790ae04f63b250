import { isPhrase, type Say } from '../core/phrase';
import { engineEn } from './en';
import { makeFormatter } from './format';

/** Messages the English catalog lacks or cannot parse, as they were met (tests assert none). */
export const englishProblems: string[] = [];

/** The engine's English: what the CLI prints and what tests read. */
export const english = makeFormatter('en', engineEn, (problem) => englishProblems.push(problem));

/** `x` in English. */
export function inEnglish(x: Say): string {
  return english.say(x);
}

/** JSON of `value` with every phrase in it written out in English (the CLI's and the golden file's view). */
export function jsonInEnglish(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => (isPhrase(v) ? inEnglish(v) : v));
}
