import { Fragment } from 'react';
import { withTerms } from '@/engine/scenario/vocabulary';

/**
 * Running text (About, gallery notes) with each parameter or metric it names by key shown by
 * its human name, the explanation and the key on hover: the same words the inspector and the
 * metrics tab use.
 */
export function TermText({ text }: { text: string }) {
  return (
    <>
      {withTerms(text).map((p, k) =>
        typeof p === 'string' ? (
          <Fragment key={k}>{p}</Fragment>
        ) : (
          <abbr key={k} data-testid="term" data-key={p.key} title={`${p.term.explain} (${p.key})`} className="cursor-help font-medium no-underline decoration-dotted underline-offset-2 [text-decoration-line:underline]">
            {p.term.name}
          </abbr>
        ),
      )}
    </>
  );
}
