import { p, type Say } from '@/engine/core/phrase';

/**
 * Problems joined the reader's way ("a; b" / "a；b"), as a phrase: a notice holding it is
 * rendered when shown, so it follows a switch of language.
 */
export function joined(xs: readonly Say[]): Say {
  return xs.reduce<Say | undefined>((a, b) => (a === undefined ? b : p('ui.i18n.semicolons', { a, b })), undefined) ?? '';
}
