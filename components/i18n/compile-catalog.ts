import compile from 'icu-minify/compile';
import type { CompiledMessages } from '@/engine/i18n/compiled-format';
import type { Messages } from '@/engine/i18n/formatter';

/** `messages` with each ICU message compiled by icu-minify, for `makeCompiledFormatter`. */
export function compileCatalog(messages: Messages): CompiledMessages {
  const out: Record<string, CompiledMessages[string]> = {};
  for (const [k, v] of Object.entries(messages)) out[k] = typeof v === 'string' ? compile(v) : compileCatalog(v);
  return out;
}
