'use client';

import { Suspense, use, type ReactNode } from 'react';
import type { Scenario } from '@/engine/scenario/schema';
import { whenShowable } from '@/stores/kind-loading';
import { useI18n } from '../i18n/use-i18n';
// A kind's messages are part of what showing a scenario waits for (registered there).
import '../i18n/kind-messages';

interface Props {
  scenario: Scenario;
  /** What to show instead when the scenario's code could not be fetched. */
  failed(error: string): ReactNode;
  children: ReactNode;
}

/**
 * Renders `children` (a player for `scenario`) once the code the scenario runs has arrived —
 * its kinds' behaviour and cards, fetched on demand — and suspends until then, with no
 * fallback of its own. That suits a page's first document: the prerender waits for the code
 * before writing the HTML, so the page arrives whole, and hydration keeps that HTML on screen
 * until the code is here. (A Suspense boundary here would make React stream the player apart
 * from the page and reveal it later, behind a "Loading…".)
 */
export function ShowableGate({ scenario, failed, children }: Props) {
  const error = use(whenShowable(scenario));
  return error === null ? children : failed(error);
}

/** ShowableGate with a short "Loading…" meanwhile: for a player mounted after the page is up. */
export function WhenShowable(props: Props) {
  const { t } = useI18n();
  return (
    <Suspense
      fallback={
        <p role="status" data-testid="scenario-loading" className="m-auto p-6 text-sm text-slate-600 dark:text-slate-400">
          {t('ui.ui.loading')}
        </p>
      }
    >
      <ShowableGate {...props} />
    </Suspense>
  );
}
