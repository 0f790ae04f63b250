'use client';

import { startTransition, useEffect, useLayoutEffect, useState, type ComponentType } from 'react';
import { idleAfterPaint } from '@/stores/after-paint';
import { FIRST_FRAME_ID, QUEUE_KEY } from './first-frame-ids';

/** The test ids of the buttons clicked on the first frame, in order (scripts/first-frame/chooser.ts). */
function queuedClicks(): string[] {
  const q = (window as unknown as Record<string, unknown>)[QUEUE_KEY];
  delete (window as unknown as Record<string, unknown>)[QUEUE_KEY];
  return Array.isArray(q) ? q.filter((x): x is string => typeof x === 'string') : [];
}

/** The playground, taking the static first frame away in the commit that puts it on screen. */
function Arrived({ App }: { App: ComponentType }) {
  // A layout effect runs before the browser paints that commit: never both copies, never neither.
  useLayoutEffect(() => document.getElementById(FIRST_FRAME_ID)?.remove(), []);
  // A button pressed on the frame before the code arrived is pressed now, on the real one.
  useEffect(() => {
    for (const id of queuedClicks()) document.querySelector<HTMLElement>(`[data-testid="${CSS.escape(id)}"]`)?.click();
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
        import('./playground').then(
          (m) => startTransition(() => setApp(() => m.Playground)),
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
