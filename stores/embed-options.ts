import { z } from 'zod';
import { LANGS, type Lang } from '@/engine/i18n/langs';
import { parseTime } from '@/engine/scenario/share-link';
import { MAX_SPEED, MIN_SPEED } from './playback-store';
import { VIEWS, type SeqViewName } from './sequence-link';

/** How much of the playback controls an embed shows. */
export const CONTROLS = ['full', 'minimal', 'none'] as const;
export type ControlsMode = (typeof CONTROLS)[number];

export const THEMES = ['auto', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

/** What the stage shows: the canvas, the sequence diagram, or both (the diagram under the canvas). */
export const EMBED_VIEWS = VIEWS;
export type EmbedView = SeqViewName;

/** `readonly`: watch and scrub only. `editable`: viewers may inject faults too. */
export const MODES = ['readonly', 'editable'] as const;
export type EmbedMode = (typeof MODES)[number];

/** Everything the `/embed` address can set, besides which scenario it shows. */
export interface EmbedOptions {
  /** Start playing as soon as the player is ready (after the click, with `click`). */
  autoplay: boolean;
  /** Where the cursor starts (virtual ms); null: the scenario's own start. */
  t: number | null;
  /** Playback speed; null: the scenario's own. */
  speed: number | null;
  /** Start over when the run ends. */
  loop: boolean;
  controls: ControlsMode;
  theme: Theme;
  mode: EmbedMode;
  view: EmbedView;
  /** Click-to-load: a light poster first; the engine starts on click. */
  click: boolean;
  /** Host origins allowed to drive the player by postMessage (empty: the parent that says hello first). */
  allow: readonly string[];
  /** The language the player speaks; null: the viewer's own (remembered, else the browser's). */
  lang: Lang | null;
}

export const DEFAULT_EMBED_OPTIONS: EmbedOptions = {
  autoplay: false,
  t: null,
  speed: null,
  loop: false,
  controls: 'full',
  theme: 'auto',
  mode: 'readonly',
  view: 'canvas',
  click: false,
  allow: [],
  lang: null,
};

/** Which scenario the address names: a share payload (`s=`), a built-in (`scenario=`), or neither. */
export type EmbedSource = { kind: 'share'; hash: string } | { kind: 'builtin'; id: string } | { kind: 'default' };

/** What an `/embed` address asks for, and what was wrong with it (one line per bad option, naming it). */
export interface EmbedRequest {
  source: EmbedSource;
  options: EmbedOptions;
  problems: string[];
}

/** More origins than this is a misconfiguration, not an allowlist. */
const MAX_ORIGINS = 8;
const BUILTIN_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;

const quote = (raw: string) => `"${raw.length > 24 ? `${raw.slice(0, 24)}…` : raw}"`;

const flag = z.enum(['', '1', '0', 'true', 'false', 'yes', 'no', 'on', 'off']).transform((v) => ['', '1', 'true', 'yes', 'on'].includes(v));

/**
 * An exact web origin (`https://docs.example.com`, `http://localhost:8080`): scheme, host and
 * port only, as `event.origin` reports it, so an allowlist entry compares by plain equality.
 */
export function normaliseOrigin(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  if (url.username || url.password || url.search || url.hash || (url.pathname !== '/' && url.pathname !== '')) return null;
  // `new URL` adds a slash and lowercases; anything else it changed (a default port, an IDN) is refused as ambiguous.
  return raw.replace(/\/$/, '').toLowerCase() === url.origin ? url.origin : null;
}

/** Each option's parser: the value, or what was wrong (without the name; the caller adds it). */
const PARSERS: { [K in keyof EmbedOptions]: (raw: string) => { ok: true; value: EmbedOptions[K] } | { ok: false; error: string } } = {
  autoplay: (raw) => parseFlag(raw),
  loop: (raw) => parseFlag(raw),
  click: (raw) => parseFlag(raw),
  t: (raw) => {
    const r = parseTime(raw);
    return r.ok ? { ok: true, value: r.t } : { ok: false, error: `expected a time in ms (a number >= 0), got ${quote(raw)}` };
  },
  speed: (raw) => {
    const n = /^\d{1,4}(\.\d{1,4})?$/.test(raw) ? Number(raw) : NaN;
    return n >= MIN_SPEED && n <= MAX_SPEED ? { ok: true, value: n } : { ok: false, error: `expected a number from ${MIN_SPEED} to ${MAX_SPEED}, got ${quote(raw)}` };
  },
  controls: (raw) => oneOf(CONTROLS, raw),
  theme: (raw) => oneOf(THEMES, raw),
  mode: (raw) => oneOf(MODES, raw),
  view: (raw) => oneOf(EMBED_VIEWS, raw),
  allow: (raw) => {
    const parts = raw
      .split(/[\s,]+/)
      .map((p) => p.trim())
      .filter(Boolean);
    if (parts.length === 0) return { ok: false, error: 'expected one or more origins such as https://docs.example.com' };
    if (parts.length > MAX_ORIGINS) return { ok: false, error: `expected at most ${MAX_ORIGINS} origins, got ${parts.length}` };
    const out: string[] = [];
    for (const p of parts) {
      const o = normaliseOrigin(p);
      if (!o) return { ok: false, error: `expected origins such as https://docs.example.com (scheme, host and port only), got ${quote(p)}` };
      if (!out.includes(o)) out.push(o);
    }
    return { ok: true, value: out };
  },
  lang: (raw) => oneOf(LANGS, raw),
};

function parseFlag(raw: string): { ok: true; value: boolean } | { ok: false; error: string } {
  const r = flag.safeParse(raw.toLowerCase());
  return r.success ? { ok: true, value: r.data } : { ok: false, error: `expected 1 or 0, got ${quote(raw)}` };
}

function oneOf<T extends string>(values: readonly T[], raw: string): { ok: true; value: T } | { ok: false; error: string } {
  const r = z.enum(values as [T, ...T[]]).safeParse(raw);
  return r.success ? { ok: true, value: r.data } : { ok: false, error: `expected ${values.join(', ')}, got ${quote(raw)}` };
}

/** Option names in the order the address and the docs list them. */
export const OPTION_NAMES = Object.keys(PARSERS) as (keyof EmbedOptions)[];
/** Parameters that pick the scenario rather than set an option. */
const SOURCE_NAMES = ['s', 'scenario'];

/**
 * Reads an `/embed` address: query and hash parameters together (the hash wins, since it never
 * reaches a server). Every option is checked on its own, so one bad value is reported by name
 * and the rest still apply; a bad or unknown option never stops the player.
 */
export function parseEmbedRequest(search: string, hash: string): EmbedRequest {
  const params = new Map<string, string>();
  for (const part of [search.replace(/^\?/, ''), hash.replace(/^#/, '')]) {
    for (const [k, v] of new URLSearchParams(part)) params.set(k, v);
  }
  const options: EmbedOptions = { ...DEFAULT_EMBED_OPTIONS };
  const problems: string[] = [];
  const unknown: string[] = [];
  for (const [name, raw] of params) {
    if (SOURCE_NAMES.includes(name)) continue;
    if (!Object.hasOwn(PARSERS, name)) {
      unknown.push(name);
      continue;
    }
    const key = name as keyof EmbedOptions;
    const r = PARSERS[key](raw);
    if (r.ok) (options as unknown as Record<string, unknown>)[key] = r.value;
    else problems.push(`${name}: ${r.error}; using the default`);
  }
  if (unknown.length > 0) {
    const names = unknown.slice(0, 5).map((n) => quote(n));
    problems.push(`unknown option${unknown.length > 1 ? 's' : ''} ${names.join(', ')} ignored (known: ${[...SOURCE_NAMES, ...OPTION_NAMES].join(', ')})`);
  }
  return { source: sourceOf(params, problems), options, problems };
}

function sourceOf(params: Map<string, string>, problems: string[]): EmbedSource {
  const s = params.get('s');
  // The start time is the `t` option for every source, so the share hash keeps only `s`.
  if (s !== undefined) return { kind: 'share', hash: `s=${s}` };
  const id = params.get('scenario');
  if (id === undefined) return { kind: 'default' };
  if (BUILTIN_ID.test(id)) return { kind: 'builtin', id };
  problems.push(`scenario: expected the id of a built-in scenario (such as zk-lock), got ${quote(id)}; showing the default`);
  return { kind: 'default' };
}

/**
 * The hash of an `/embed` address (without `#`) for a scenario source and options: only the
 * options that differ from the defaults, in a fixed order, so equal choices give equal links.
 */
export function embedHash(source: Exclude<EmbedSource, { kind: 'default' }>, options: Partial<EmbedOptions>): string {
  const o = { ...DEFAULT_EMBED_OPTIONS, ...options };
  const parts: string[] = [];
  // The start time travels as the `t` option, whatever a share hash said.
  if (source.kind === 'share') parts.push(source.hash.replace(/^#/, '').replace(/&t=[^&]*/, ''));
  else parts.push(`scenario=${encodeURIComponent(source.id)}`);
  for (const name of OPTION_NAMES) {
    const v = o[name];
    const d = DEFAULT_EMBED_OPTIONS[name];
    if (name === 'allow') {
      // Origins hold no `&`, `#` or `=`: written as they are, the address stays readable.
      if (o.allow.length > 0) parts.push(`allow=${o.allow.join(',')}`);
    } else if (v !== d && v !== null) {
      parts.push(`${name}=${typeof v === 'boolean' ? (v ? '1' : '0') : encodeURIComponent(String(v))}`);
    }
  }
  return parts.join('&');
}

/** The playground's path next to an embed's (`/embed` -> `/`, `/docs/embed` -> `/docs/`), so a site under a sub-path works. */
export function playgroundPath(embedPathname: string): string {
  const root = embedPathname.replace(/\/embed(\.html)?\/?$/, '/');
  return root === embedPathname ? '/' : root;
}

/** The embed's path next to the playground's (`/` -> `/embed`, `/docs/index.html` -> `/docs/embed`). */
export function embedPath(playgroundPathname: string): string {
  return `${playgroundPathname.replace(/[^/]*$/, '')}embed`;
}
