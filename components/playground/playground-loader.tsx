'use client';

import { startTransition, useEffect, useLayoutEffect, useState, type ComponentType } from 'react';
import { idleAfterPaint } from '@/stores/after-paint';
import { FIRST_FRAME_ID, QUEUE_KEY } from './first-frame-ids';

/** A click on the first frame (the button's test id) or a key pressed while it showed. */
type Queued = string | KeyboardEventInit;

/** What the visitor did on the first frame, in order (scripts/first-frame/chooser.ts). */
function queuedInput(): Queued[] {
  const q = (window as unknown as Record<string, unknown>)[QUEUE_KEY];
  delete (window as unknown as Record<string, unknown>)[QUEUE_KEY];
  const valid = (x: unknown): x is Queued => typeof x === 'string' || (typeof x === 'object' && x !== null && typeof (x as KeyboardEventInit).key === 'string');
  return Array.isArray(q) ? q.filter(valid) : [];
}

/** The playground, taking the static first frame away in the commit that puts it on screen. */
function Arrived({ App }: { App: ComponentType }) {
  // A layout effect runs before the browser paints that commit: never both copies, never neither.
  useLayoutEffect(() => document.getElementById(FIRST_FRAME_ID)?.remove(), []);
  // A button pressed on the frame before the code arrived is pressed now, on the real one, and a
  // key pressed then is pressed again where the focus now is (the shortcuts listen on window).
  // The playground's own effects, which bind them, have run: a child's effects run first.
  useEffect(() => {
    for (const q of queuedInput()) {
      if (typeof q === 'string') document.querySelector<HTMLElement>(`[data-testid="${CSS.escape(q)}"]`)?.click();
      else (document.activeElement ?? document.body).dispatchEvent(new KeyboardEvent('keydown', { ...q, bubbles: true, cancelable: true }));
    }
  }, []);
  return <App />;
}

/**
 * The `/` page's only code in the HTML. The first screen is already painted from markup the
 * build prepared (scripts/first-frame/); once it is, this fetches the playground (React Flow,
 * the engine, the stores, the panels) and renders it afresh on the client, not hydrating that
 * markup.
 */
export function PlaygroundLoader() {
  const [App, setApp] = useState<ComponentType | null>(null);
  const [failed, setFailed] = useState<unknown>(null);
  // After the paint, and once the page is idle: the parse of the page's own scripts and the
  // paint come first (a click on the frame meanwhile is queued, not lost).
  useEffect(
    () =>
      idleAfterPaint(() => {
        // The reader's language is readied beside the code, so the first render is already in it.
        const lang = import('../i18n/prepare-lang').then((m) => m.prepareLang());
        Promise.all([import('./playground'), lang]).then(
          ([m]) => startTransition(() => setApp(() => m.Playground)),
          (error: unknown) => {
            document.getElementById(FIRST_FRAME_ID)?.remove();
            setFailed(error ?? new Error('the playground could not be loaded'));
          },
        );
      }, 500),
    [],
  );
  // The frame only looks like the playground: if its code cannot load, take the frame away and
  // let the error reach Next's error page, rather than leave a screen that ignores every click.
  if (failed) throw failed;
  return App ? <Arrived App={App} /> : null;
}
