'use client';

import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { MAX_ENCODED_CHARS, shareHash } from '@/engine/scenario/share';
import { CONTROLS, DEFAULT_EMBED_OPTIONS, embedHash, embedPath, MODES, parseEmbedRequest, THEMES, type EmbedOptions, type EmbedSource } from '@/stores/embed-options';
import { clampSize, iframeSnippet, MIN_EMBED_HEIGHT, MIN_EMBED_WIDTH } from '@/stores/embed-snippet';
import { usePlaybackStore, useUi } from '@/stores/playback-context';
import { SPEEDS } from '@/stores/playback-store';
import { selectUiActions } from '@/stores/ui-selectors';
import { useI18n } from '../i18n/use-i18n';
import { CodeIcon } from '../ui/icons';
import { formatSpeed } from '../panels/format';
import { copyText } from '../ui/copy-text';
import { Modal } from '../ui/modal';
import { documentTitle, libraryText } from '../panels/library-text';
import { LangChoice } from './lang-choice';
import { primaryButton } from '../ui/styles';

/** The choices that have a name of their own (`ui.playground.embed-opt-<value>`). */
const LABELS = new Set(['full', 'minimal', 'none', 'auto', 'light', 'dark', 'readonly', 'editable']);

/** An origin, as the allowlist field's example (verbatim in every language). */
const ORIGIN_EXAMPLE = 'https://docs.example.com';

const legend = 'mb-1 text-[11px] font-semibold tracking-wider text-slate-500 uppercase dark:text-slate-400';
const field = 'h-8 rounded-md border border-slate-300 bg-white px-2 text-sm dark:border-slate-700 dark:bg-slate-900';

/** A row of radio buttons that looks like a segmented switch. */
function Choice<T extends string>({ name, title, values, value, onChange }: { name: string; title: string; values: readonly T[]; value: T; onChange(v: T): void }) {
  const { t } = useI18n();
  return (
    <fieldset>
      <legend className={legend}>{title}</legend>
      <div className="inline-flex overflow-hidden rounded-lg border border-slate-300 dark:border-slate-700">
        {values.map((v) => (
          <label
            key={v}
            className="cursor-pointer border-l border-slate-300 px-2.5 py-1 text-sm first:border-l-0 has-[:checked]:bg-indigo-600 has-[:checked]:text-white has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-indigo-500 dark:border-slate-700"
          >
            <input type="radio" name={name} value={v} checked={value === v} onChange={() => onChange(v)} data-testid={`embed-${name}-${v}`} className="sr-only" />
            {LABELS.has(v) ? t(`ui.playground.embed-opt-${v}`) : v}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

function Check({ checked, onChange, testId, children }: { checked: boolean; onChange(v: boolean): void; testId: string; children: ReactNode }) {
  return (
    <label className="flex items-start gap-2 text-sm">
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} data-testid={testId} className="mt-0.5 h-4 w-4 shrink-0 accent-indigo-600 dark:rounded-sm dark:accent-indigo-400 dark:ring-1 dark:ring-slate-400" />
      <span>{children}</span>
    </label>
  );
}

/** The player at the chosen size, scaled down to the dialog's width; reloaded when the address changes. */
function Preview({ src, width, height, title }: { src: string; width: number; height: number; title: string }) {
  const { t } = useI18n();
  const box = useRef<HTMLDivElement>(null);
  const [room, setRoom] = useState(width);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const ro = new ResizeObserver(([e]) => setRoom(e.contentRect.width));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  const scale = Math.min(1, room / width);
  return (
    <div ref={box} className="w-full overflow-hidden rounded-lg border border-dashed border-slate-300 dark:border-slate-700" style={{ height: Math.ceil(height * scale) + 2 }}>
      <iframe
        key={src}
        src={src}
        title={t('ui.playground.embed-previewOf', { title })}
        data-testid="embed-preview"
        width={width}
        height={height}
        style={{ border: 0, transform: `scale(${scale})`, transformOrigin: '0 0' }}
      />
    </div>
  );
}

/**
 * The Embed dialog: options for `/embed`, the `<iframe>` snippet they make (with a copy button)
 * and a live preview. A gallery scenario nobody changed embeds by its id; anything else travels
 * in the address like a share link, faults and all.
 */
export default function EmbedDialog() {
  const { openDialog } = useUi(useShallow(selectUiActions));
  const i18n = useI18n();
  const { t } = i18n;
  // The run as it was when the dialog opened: the preview must not reload on every frame of playback.
  const store = usePlaybackStore();
  const [at] = useState(() => {
    const s = store.getState();
    return { scenario: s.scenario, entry: s.entry, edited: s.edited, time: s.time, title: s.entry?.title ?? s.scenario.title };
  });
  const [options, setOptions] = useState<EmbedOptions>(DEFAULT_EMBED_OPTIONS);
  const [atCursor, setAtCursor] = useState(false);
  const [size, setSize] = useState({ width: '720', height: '420' });
  const [allowText, setAllowText] = useState('');
  const [status, setStatus] = useState('');
  const snippetField = useRef<HTMLTextAreaElement>(null);
  const set = <K extends keyof EmbedOptions>(k: K, v: EmbedOptions[K]) => setOptions((o) => ({ ...o, [k]: v }));

  const allow = useMemo(() => (allowText.trim() === '' ? { origins: [], problem: null } : checkAllow(allowText)), [allowText]);
  const source: Exclude<EmbedSource, { kind: 'default' }> = useMemo(
    () => (at.entry && !at.edited ? { kind: 'builtin', id: at.entry.id } : { kind: 'share', hash: shareHash(at.scenario, null) }),
    [at],
  );
  const tooBig = source.kind === 'share' && source.hash.length - 2 > MAX_ENCODED_CHARS;
  const hash = embedHash(source, { ...options, t: atCursor && at.time > 0 ? Math.round(at.time) : null, allow: allow.origins });
  const path = embedPath(location.pathname);
  const width = clampSize(Number(size.width), MIN_EMBED_WIDTH);
  const height = clampSize(Number(size.height), MIN_EMBED_HEIGHT);
  // An unchanged built-in is named in the reader's language; the snippet's title too.
  const shownTitle = source.kind === 'builtin' && at.entry ? libraryText(i18n, at.entry.id, 'title', at.title) : documentTitle(i18n, at.title);
  const snippet = iframeSnippet({ src: `${location.origin}${path}#${hash}`, width, height, title: shownTitle });
  const copy = async () => setStatus((await copyText(snippet, snippetField.current)) === 'copied' ? t('ui.playground.embed-copied') : t('ui.playground.embed-pressCopy'));

  return (
    <Modal title={t('ui.playground.embed-title')} testId="embed-dialog" onClose={() => openDialog(null)} size="xl">
      <div className="grid gap-5 px-5 py-4 text-sm md:grid-cols-[17rem_minmax(0,1fr)]">
        <form className="space-y-3.5" onSubmit={(e) => e.preventDefault()} aria-label={t('ui.playground.embed-options')}>
          <p className="text-slate-600 dark:text-slate-400">
            {source.kind === 'builtin' ? (
              <>
                {t('ui.playground.embed-builtinBefore')}
                <strong className="text-slate-800 dark:text-slate-200">{shownTitle}</strong>
                {t('ui.playground.embed-builtinAfter')}
              </>
            ) : (
              <>{t('ui.playground.embed-yours')}</>
            )}
          </p>
          <Choice name="controls" title={t('ui.playground.embed-controls')} values={CONTROLS} value={options.controls} onChange={(v) => set('controls', v)} />
          <Choice name="theme" title={t('ui.playground.embed-theme')} values={THEMES} value={options.theme} onChange={(v) => set('theme', v)} />
          <Choice name="mode" title={t('ui.playground.embed-mode')} values={MODES} value={options.mode} onChange={(v) => set('mode', v)} />
          <fieldset className="space-y-1.5">
            <legend className={legend}>{t('ui.playground.embed-playback')}</legend>
            <Check checked={options.autoplay} onChange={(v) => set('autoplay', v)} testId="embed-autoplay">
              {t('ui.playground.embed-autoplay')}
            </Check>
            <Check checked={options.loop} onChange={(v) => set('loop', v)} testId="embed-loop">
              {t('ui.playground.embed-loop')}
            </Check>
            <Check checked={options.click} onChange={(v) => set('click', v)} testId="embed-click">
              {t('ui.playground.embed-click')} <span className="text-slate-500 dark:text-slate-400">{t('ui.playground.embed-clickHint')}</span>
            </Check>
            <Check checked={atCursor} onChange={setAtCursor} testId="embed-at-cursor">
              {t('ui.playground.embed-atTime', { s: (at.time / 1000).toFixed(3) })}
            </Check>
            <label className="flex items-center gap-2">
              {t('ui.playground.embed-speed')}
              <select
                value={options.speed ?? ''}
                onChange={(e) => set('speed', e.target.value === '' ? null : Number(e.target.value))}
                data-testid="embed-speed"
                className={field}
              >
                <option value="">{t('ui.playground.embed-speedDefault', { speed: formatSpeed(at.scenario.playback.speed) })}</option>
                {SPEEDS.map((x) => (
                  <option key={x} value={x}>
                    {formatSpeed(x)}
                  </option>
                ))}
              </select>
            </label>
          </fieldset>
          <LangChoice value={options.lang ?? ''} onChange={(v) => set('lang', v === '' ? null : v)} testId="embed-lang" />
          <fieldset>
            <legend className={legend}>{t('ui.playground.embed-size')}</legend>
            <div className="flex items-center gap-1.5">
              <input aria-label={t('ui.playground.embed-width')} inputMode="numeric" value={size.width} onChange={(e) => setSize((s) => ({ ...s, width: e.target.value }))} data-testid="embed-width" className={`${field} w-20`} />
              ×
              <input aria-label={t('ui.playground.embed-height')} inputMode="numeric" value={size.height} onChange={(e) => setSize((s) => ({ ...s, height: e.target.value }))} data-testid="embed-height" className={`${field} w-20`} />
              <span className="text-xs text-slate-500 dark:text-slate-400">
                {t('ui.playground.embed-atLeast', { w: MIN_EMBED_WIDTH, h: MIN_EMBED_HEIGHT })}
              </span>
            </div>
          </fieldset>
          <label className="block">
            <span className={legend}>{t('ui.playground.embed-allow')}</span>
            <input
              value={allowText}
              onChange={(e) => setAllowText(e.target.value)}
              placeholder={ORIGIN_EXAMPLE}
              aria-invalid={allow.problem !== null}
              aria-describedby="embed-allow-help"
              data-testid="embed-allow"
              className={`${field} mt-1 w-full font-mono text-xs aria-[invalid=true]:border-red-500`}
            />
            <span id="embed-allow-help" className={`mt-1 block text-xs ${allow.problem ? 'text-red-700 dark:text-red-400' : 'text-slate-500 dark:text-slate-400'}`}>
              {allow.problem ?? t('ui.playground.embed-allowHelp')}
            </span>
          </label>
        </form>
        <div className="min-w-0 space-y-3">
          {tooBig ? (
            <p role="alert" data-testid="embed-too-big" className="rounded-lg border border-amber-300 bg-amber-50 px-3 py-2 text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100">
              {t('ui.playground.embed-tooBig', { max: MAX_ENCODED_CHARS.toLocaleString() })}
            </p>
          ) : (
            <>
              <textarea
                ref={snippetField}
                readOnly
                value={snippet}
                rows={9}
                aria-label={t('ui.playground.embed-code')}
                data-testid="embed-snippet"
                onFocus={(e) => e.currentTarget.select()}
                className="field-sizing-content max-h-64 w-full resize-none rounded-lg border border-slate-300 bg-slate-50 p-2 font-mono text-xs leading-relaxed break-all dark:border-slate-700 dark:bg-slate-800"
              />
              <div className="flex items-center gap-3">
                <p aria-live="polite" data-testid="embed-status" className="min-h-5 flex-1 text-xs text-slate-600 dark:text-slate-400">
                  {status || t('ui.playground.embed-paste')}
                </p>
                <button type="button" onClick={() => void copy()} data-testid="embed-copy" className={primaryButton}>
                  <CodeIcon />
                  {t('ui.playground.embed-copy')}
                </button>
              </div>
              <h3 className={legend}>{t('ui.playground.embed-preview')}</h3>
              <Preview src={`${path}#${hash}`} width={width} height={height} title={shownTitle} />
            </>
          )}
        </div>
      </div>
    </Modal>
  );
}

/** The allowlist field: its origins, or the problem with it (the same check the player makes). */
function checkAllow(text: string): { origins: readonly string[]; problem: string | null } {
  const r = parseEmbedRequest('', `allow=${encodeURIComponent(text)}`);
  return r.problems.length > 0 ? { origins: [], problem: r.problems[0].replace(/; using the default$/, '') } : { origins: r.options.allow, problem: null };
}
