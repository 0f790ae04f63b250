'use client';

import { useEffect, useMemo, useState } from 'react';
import { z } from 'zod';
import { issueMessage, issueSay } from '@/engine/scenario/errors';
import type { EditResult } from '@/stores/playback-store';
import { useI18n } from '../../i18n/use-i18n';
import type { FieldTable } from './field-labels';
import { FieldTextContext, ObjectFields, type FieldTexts } from './schema-fields';
import type { JsonSchema } from './json-schema';
import { problemSay } from '@/engine/scenario/problems';

/** A JSON Schema per zod schema: the parameter schemas are module constants, so this never grows. */
const cache = new WeakMap<z.ZodType, JsonSchema>();
function jsonOf(schema: z.ZodType): JsonSchema {
  let j = cache.get(schema);
  if (!j) cache.set(schema, (j = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema));
  return j;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * A form generated from a zod schema: fields, units and ranges come from the schema, and every
 * keystroke is checked against it, the problem shown under the field in the schema's own words.
 * A value reaches the simulation only when the whole form is valid, on Enter or on leaving a
 * field (selects and checkboxes at once); a bad one is never applied.
 */
export function SchemaForm({
  id,
  schema,
  value,
  fields,
  variantFields,
  fillVariant,
  variantTitle,
  onDraft,
  onApply,
}: {
  id: string;
  schema: z.ZodType;
  value: unknown;
  /** Labels and units of this form's own fields (the kind's). */
  fields?: FieldTable;
  /** Labels of a union's variants, by tag (a client's programs), used inside the chosen one. */
  variantFields?: Readonly<Record<string, FieldTable>>;
  /** What a union switched to another variant starts with (see FieldTexts.fill). */
  fillVariant?: FieldTexts['fill'];
  /** A union's variant in words (see FieldTexts.title). */
  variantTitle?: FieldTexts['title'];
  /** The values being typed while they differ from the applied ones (null once applied, reverted or closed). */
  onDraft?: (draft: unknown) => void;
  onApply(v: unknown): EditResult | Promise<EditResult>;
}) {
  const json = jsonOf(schema);
  const texts = useMemo((): FieldTexts => ({ table: fields ?? {}, variants: variantFields ?? {}, fill: fillVariant, title: variantTitle }), [fields, variantFields, fillVariant, variantTitle]);
  const [draft, setDraft] = useState(value);
  const { t, say } = useI18n();
  const [seen, setSeen] = useState(value);
  const [refused, setRefused] = useState<string[] | null>(null);
  // An apply waiting for code it needs (a client switched to a program not loaded yet).
  const [pending, setPending] = useState(false);
  // A new value from outside (an edit applied, undo): start from it.
  if (!same(seen, value)) {
    setSeen(value);
    setDraft(value);
    setRefused(null);
  }
  // With the input reported, each problem can be told in the reader's language (issueSay).
  const check = useMemo(() => schema.safeParse(draft, { error: issueMessage, reportInput: true }), [schema, draft]);
  const errors = useMemo(() => {
    const out: Record<string, string> = {};
    if (!check.success) for (const iss of check.error.issues) out[iss.path.join('.')] ??= say(issueSay(iss));
    return out;
  }, [check, say]);
  const dirty = !same(draft, value);
  useEffect(() => {
    onDraft?.(dirty ? draft : null);
  }, [onDraft, dirty, draft]);
  useEffect(() => () => onDraft?.(null), [onDraft]);

  const commit = (v: unknown) => {
    if (pending || same(v, value) || !schema.safeParse(v).success) return;
    const r = onApply(v);
    if (!(r instanceof Promise)) {
      setRefused(r.ok ? null : r.errors);
      return;
    }
    setPending(true);
    void r.then((done) => {
      setPending(false);
      setRefused(done.ok ? null : done.errors);
    });
  };

  return (
    <form
      noValidate
      data-testid={`${id}-form`}
      onSubmit={(e) => {
        e.preventDefault();
        commit(draft);
      }}
      onBlur={(e) => {
        // Leaving a field applies it, unless the visitor is reaching for Revert.
        const to = e.relatedTarget as HTMLElement | null;
        if ((e.target instanceof HTMLInputElement || e.target instanceof HTMLTextAreaElement) && !to?.dataset.revert) commit(draft);
      }}
      className="space-y-3"
    >
      <FieldTextContext value={texts}>
        <ObjectFields
        formId={id}
        name=""
        path={[]}
        schema={json}
        value={draft}
        required
        errors={errors}
        onChange={(v, now) => {
          setDraft(v);
          if (now) commit(v);
        }}
        />
      </FieldTextContext>
      {errors[''] && <p className="text-xs text-red-700 dark:text-red-400">{errors['']}</p>}
      {refused && (
        <ul role="alert" className="list-disc rounded-md bg-red-50 py-1.5 pr-2 pl-6 text-xs text-red-800 dark:bg-red-950/50 dark:text-red-200">
          {refused.map((r) => (
            <li key={r}>{say(problemSay(r))}</li>
          ))}
        </ul>
      )}
      {dirty && (
        <div className="flex items-center gap-2 text-xs" data-testid={`${id}-status`}>
          <p role={pending ? 'status' : undefined} className={check.success ? 'text-slate-600 dark:text-slate-400' : 'text-red-700 dark:text-red-400'}>
            {pending ? t('ui.ui.loading') : check.success ? t('ui.panels-inspector.pressEnter') : t('ui.panels-inspector.notApplied')}
          </p>
          <button type="button" data-revert="true" onClick={() => setDraft(value)} className="ml-auto rounded-md px-2 py-1 font-medium text-indigo-700 hover:bg-indigo-50 dark:text-indigo-300 dark:hover:bg-indigo-950">
            {t('ui.panels-inspector.revert')}
          </button>
          {check.success && (
            <button type="submit" className="rounded-md bg-indigo-600 px-2.5 py-1 font-semibold text-white hover:bg-indigo-500">
              {t('ui.panels-inspector.apply')}
            </button>
          )}
        </div>
      )}
    </form>
  );
}
