'use client';

import type { Say } from '@/engine/core/phrase';
import { createContext, use, useMemo, useState, type ReactNode } from 'react';
import { useI18n } from '../../i18n/use-i18n';
import { fieldExplain, fieldLabel, fieldUnit, type FieldTable } from './field-labels';
import { blankOf, discriminator, fieldKind, rangeText, variantsOf, type JsonSchema } from './json-schema';

/** One field's props. `onChange(v, now)`: a new value (undefined removes an optional field); `now` applies it at once. */
export interface FieldProps {
  formId: string;
  name: string;
  path: readonly (string | number)[];
  schema: JsonSchema;
  value: unknown;
  required: boolean;
  errors: Readonly<Record<string, string>>;
  onChange(value: unknown, now?: boolean): void;
}

/**
 * How the form being drawn labels its fields: the kind's own table, and one per variant of a
 * union below it, by its tag (a client's program kind), used inside that variant.
 */
export interface FieldTexts {
  table: FieldTable;
  variants: Readonly<Record<string, FieldTable>>;
  /** What a union switched to variant `tag` starts with, from its fresh values (a client's new program: its target, its example commands). */
  fill?: (tag: string, fresh: Record<string, unknown>) => Record<string, unknown>;
  /** A union's variant in words, by tag (a client's program: its title), shown on hover in the picker. */
  title?: (tag: string) => Say | undefined;
}

const NO_TEXTS: FieldTexts = { table: {}, variants: {} };

/** The field texts of the form being drawn (SchemaForm provides them). */
export const FieldTextContext = createContext<FieldTexts>(NO_TEXTS);

const keyOf = (path: readonly (string | number)[]) => path.join('.');
const control =
  'h-8 w-full min-w-0 rounded-md border border-slate-300 bg-white px-2 text-sm text-slate-900 focus-visible:outline-2 focus-visible:outline-indigo-500 aria-[invalid=true]:border-red-500 aria-[invalid=true]:bg-red-50 dark:border-slate-600 dark:bg-slate-950 dark:text-slate-100 dark:aria-[invalid=true]:bg-red-950/40';

/** Splits a command line into words; "double quotes" keep spaces in one word. */
export function splitWords(line: string): string[] {
  const out: string[] = [];
  const re = /"((?:[^"\\]|\\.)*)"|(\S+)/g;
  for (let m = re.exec(line); m; m = re.exec(line)) out.push(m[1] !== undefined ? m[1].replace(/\\(.)/g, '$1') : m[2]);
  return out;
}

const joinWords = (words: readonly string[]) => words.map((w) => (w === '' || /[\s"]/.test(w) ? `"${w.replace(/(["\\])/g, '\\$1')}"` : w)).join(' ');

/** Label, control, unit and the inline problem under it. */
function Row({ id, label, explain, unit, hint, error, children }: { id: string; label: string; explain?: string; unit?: string; hint?: string; error?: string; children: ReactNode }) {
  return (
    <div className="grid grid-cols-[7.5rem_1fr] items-start gap-x-2 gap-y-0.5">
      <label
        htmlFor={id}
        title={explain}
        data-explain={explain}
        className={`pt-1.5 text-xs font-medium text-slate-700 dark:text-slate-300 ${explain ? 'cursor-help underline decoration-slate-400 decoration-dotted underline-offset-2' : ''}`}
      >
        {label}
      </label>
      <div className="min-w-0">
        <div className="flex items-center gap-1.5">
          {children}
          {unit && <span className="w-10 shrink-0 text-[11px] text-slate-500 dark:text-slate-400">{unit}</span>}
        </div>
        {error ? (
          <p id={`${id}-error`} data-testid="field-error" className="mt-0.5 text-[11px] leading-snug text-red-700 dark:text-red-400">
            {error}
          </p>
        ) : (
          hint && <p className="mt-0.5 text-[11px] text-slate-500 dark:text-slate-400">{hint}</p>
        )}
      </div>
    </div>
  );
}

/** A number typed as text, so a bad entry can be shown and explained instead of silently dropped. */
function NumberField(p: FieldProps & { id: string; error?: string }) {
  const { t } = useI18n();
  const shown = p.value === undefined ? '' : String(p.value);
  const [text, setText] = useState(shown);
  const [seen, setSeen] = useState(p.value);
  if (seen !== p.value) {
    setSeen(p.value);
    setText(shown);
  }
  return (
    <input
      id={p.id}
      data-testid={`field-${keyOf(p.path)}`}
      inputMode="decimal"
      value={text}
      placeholder={p.schema.default !== undefined ? t('ui.panels-inspector.placeholder-default', { value: String(p.schema.default) }) : p.required ? '' : t('ui.panels-inspector.placeholder-unset')}
      aria-invalid={!!p.error}
      aria-describedby={p.error ? `${p.id}-error` : undefined}
      onChange={(e) => {
        setText(e.target.value);
        const t = e.target.value.trim();
        // Left as text when it is not a number: the schema then explains what it expected.
        p.onChange(t === '' ? undefined : Number.isFinite(Number(t)) ? Number(t) : t);
      }}
      className={`${control} font-mono`}
    />
  );
}

const toText = (value: unknown, words: boolean) =>
  (Array.isArray(value) ? value : []).map((x) => (words ? joinWords(Array.isArray(x) ? x.map(String) : [String(x)]) : String(x))).join('\n');

const fromText = (text: string, words: boolean) => {
  const lines = text.split('\n').filter((l, i, all) => l.trim() !== '' || i < all.length - 1);
  return words ? lines.map(splitWords) : lines;
};

/** A list edited as lines of text (znode commands), or lines of words (Redis commands). */
function LinesField(p: FieldProps & { id: string; error?: string; words: boolean }) {
  const [text, setText] = useState(() => toText(p.value, p.words));
  const [seen, setSeen] = useState(p.value);
  // Only a change from elsewhere (undo, another scenario) replaces what is being typed.
  if (seen !== p.value) {
    setSeen(p.value);
    if (JSON.stringify(fromText(text, p.words)) !== JSON.stringify(p.value)) setText(toText(p.value, p.words));
  }
  const lines = text.split('\n').length;
  return (
    <textarea
      id={p.id}
      data-testid={`field-${keyOf(p.path)}`}
      value={text}
      rows={Math.min(8, Math.max(3, lines))}
      spellCheck={false}
      aria-invalid={!!p.error}
      onChange={(e) => {
        setText(e.target.value);
        p.onChange(fromText(e.target.value, p.words));
      }}
      className={`${control} h-auto py-1.5 font-mono text-xs leading-5`}
    />
  );
}

/** One field of any kind the parameter schemas use, recursing into objects and unions. */
export function Field(p: FieldProps) {
  const id = `${p.formId}-${keyOf(p.path)}`;
  const error = p.errors[keyOf(p.path)];
  const { table } = use(FieldTextContext);
  // The reader's formatter: a language switch re-renders the labels.
  const i18n = useI18n();
  const label = fieldLabel(p.name, table, i18n);
  const explain = fieldExplain(p.name, i18n);
  const kind = fieldKind(p.schema);
  switch (kind) {
    case 'number':
      return (
        <Row id={id} label={label} explain={explain} unit={fieldUnit(p.name, table, i18n)} hint={rangeText(p.schema)} error={error}>
          <NumberField {...p} id={id} error={error} />
        </Row>
      );
    case 'boolean':
      return (
        <Row id={id} label={label} explain={explain} error={error}>
          <input
            id={id}
            type="checkbox"
            data-testid={`field-${keyOf(p.path)}`}
            checked={p.value === undefined ? p.schema.default === true : p.value === true}
            onChange={(e) => p.onChange(e.target.checked, true)}
            className="mt-1.5 h-4 w-4 accent-indigo-600 dark:rounded-sm dark:accent-indigo-400 dark:ring-1 dark:ring-slate-400"
          />
        </Row>
      );
    case 'enum':
      return (
        <Row id={id} label={label} explain={explain} error={error}>
          <select id={id} value={String(p.value ?? '')} onChange={(e) => p.onChange(e.target.value, true)} className={control}>
            {p.schema.enum!.map((v) => (
              <option key={String(v)}>{String(v)}</option>
            ))}
          </select>
        </Row>
      );
    case 'string':
      return (
        <Row id={id} label={label} explain={explain} error={error}>
          <input
            id={id}
            data-testid={`field-${keyOf(p.path)}`}
            value={typeof p.value === 'string' ? p.value : ''}
            placeholder={p.required ? '' : i18n.t('ui.panels-inspector.placeholder-unset')}
            aria-invalid={!!error}
            aria-describedby={error ? `${id}-error` : undefined}
            onChange={(e) => p.onChange(e.target.value === '' && !p.required ? undefined : e.target.value)}
            className={control}
          />
        </Row>
      );
    case 'lines':
    case 'commands':
      return (
        <Row id={id} label={label} explain={explain} hint={i18n.t('ui.panels-inspector.onePerLine')} error={error ?? Object.entries(p.errors).find(([k]) => k.startsWith(`${keyOf(p.path)}.`))?.[1]}>
          <LinesField {...p} id={id} error={error} words={kind === 'commands'} />
        </Row>
      );
    case 'object':
      return <ObjectFields {...p} />;
    case 'union':
      return <UnionField {...p} id={id} error={error} />;
    default:
      return (
        <Row id={id} label={label} explain={explain} error={error}>
          <code className="truncate text-xs text-slate-600 dark:text-slate-400">{JSON.stringify(p.value)}</code>
        </Row>
      );
  }
}

/** An object's fields, in a fieldset titled with its name (none at the top level, or when `flat`). */
export function ObjectFields(p: FieldProps & { flat?: boolean }) {
  const { table } = use(FieldTextContext);
  const i18n = useI18n();
  const value = (p.value ?? {}) as Record<string, unknown>;
  const required = new Set(p.schema.required ?? []);
  const fields = Object.entries(p.schema.properties ?? {}).map(([k, s]) => (
    <Field
      key={k}
      formId={p.formId}
      name={k}
      path={[...p.path, k]}
      schema={s}
      value={value[k]}
      required={required.has(k)}
      errors={p.errors}
      onChange={(v, now) => {
        const next = { ...value };
        if (v === undefined) delete next[k];
        else next[k] = v;
        p.onChange(next, now);
      }}
    />
  ));
  if (p.path.length === 0 || p.flat) return <div className="space-y-2.5">{fields}</div>;
  return (
    <fieldset className="space-y-2.5 rounded-lg border border-slate-200 p-2.5 dark:border-slate-700">
      <legend className="px-1 text-xs font-semibold text-slate-700 dark:text-slate-300">{fieldLabel(p.name, table, i18n)}</legend>
      {fields}
    </fieldset>
  );
}

/** Variant `tag`'s words in the reader's language, if the form has them. */
function variantTitle(texts: FieldTexts, tag: string, say: (x: Say) => string): string | undefined {
  const words = texts.title?.(tag);
  return words === undefined ? undefined : say(words);
}

/**
 * A discriminated union (a client's program, a link's latency): a select for its kind, then
 * the chosen variant's fields. Switching kind keeps the fields both variants share.
 */
function UnionField(p: FieldProps & { id: string; error?: string }) {
  const i18n = useI18n();
  const { t, say } = i18n;
  const texts = use(FieldTextContext);
  const variants = variantsOf(p.schema)!;
  const tag = discriminator(variants);
  const value = p.value as Record<string, unknown> | undefined;
  const chosen = tag ? String(value?.[tag] ?? '') : '';
  // Inside the chosen variant, its own labels first (a program's, under a client).
  const inner = useMemo(
    (): FieldTexts => (Object.hasOwn(texts.variants, chosen) ? { table: { ...texts.table, ...texts.variants[chosen] }, variants: texts.variants } : texts),
    [texts, chosen],
  );
  if (!tag) return <ObjectFields {...p} />;
  const current = variants.find((v) => v.properties![tag].const === value?.[tag]);
  const pick = (kind: string) => {
    if (kind === '') return p.onChange(undefined, true);
    const v = variants.find((x) => String(x.properties![tag].const) === kind)!;
    const fresh = blankOf(v) as Record<string, unknown>;
    for (const k of Object.keys(v.properties!)) if (value && k !== tag && value[k] !== undefined) fresh[k] = value[k];
    const next = { ...fresh, [tag]: v.properties![tag].const };
    p.onChange(texts.fill ? texts.fill(kind, next) : next, true);
  };
  return (
    <fieldset className="space-y-2.5 rounded-lg border border-slate-200 p-2.5 dark:border-slate-700">
      <legend className="px-1 text-xs font-semibold text-slate-700 dark:text-slate-300">{fieldLabel(p.name, texts.table, i18n)}</legend>
      <Row id={p.id} label={fieldLabel(tag, texts.table, i18n)} error={p.error}>
        <select id={p.id} data-testid={`field-${keyOf([...p.path, tag])}`} value={String(value?.[tag] ?? '')} onChange={(e) => pick(e.target.value)} className={control}>
          {!p.required && <option value="">{t('ui.panels-inspector.default')}</option>}
          {variants.map((v) => (
            <option key={String(v.properties![tag].const)} value={String(v.properties![tag].const)} title={variantTitle(texts, String(v.properties![tag].const), say)}>
              {String(v.properties![tag].const)}
            </option>
          ))}
        </select>
      </Row>
      {current && (
        <FieldTextContext value={inner}>
          <ObjectFields
            {...p}
            flat
            schema={{ ...current, properties: Object.fromEntries(Object.entries(current.properties!).filter(([k]) => k !== tag)) }}
            value={value}
            onChange={(v, now) => p.onChange({ ...(v as object), [tag]: value?.[tag] }, now)}
          />
        </FieldTextContext>
      )}
    </fieldset>
  );
}
