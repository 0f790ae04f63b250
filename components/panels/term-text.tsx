import { Fragment } from 'react';
import { useI18n } from '@/components/i18n/use-i18n';
import { termText, withTerms } from '@/engine/scenario/vocabulary';

/**
 * Running text (About, gallery notes) with each parameter or metric it names — by key, or in
 * Chinese text by its Chinese name — shown by its human name in the reader's language, the
 * explanation and the key on hover: the same words the inspector and the metrics tab use.
 */
export function TermText({ text }: { text: string }) {
  const f = useI18n();
  return (
    <>
      {withTerms(text, f).map((p, k) => {
        if (typeof p === 'string') return <Fragment key={k}>{p}</Fragment>;
        const { name, hover } = termText(p, f);
        return (
          <abbr key={k} data-testid="term" data-key={p.key} title={hover} className="cursor-help font-medium no-underline decoration-dotted underline-offset-2 [text-decoration-line:underline]">
            {name}
          </abbr>
        );
      })}
    </>
  );
}
