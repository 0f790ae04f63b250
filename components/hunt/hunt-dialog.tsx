'use client';

import { useI18n } from '@/components/i18n/use-i18n';
import { useEffect, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { HuntStatus } from '@/engine/hunt/coordinator';
import type { HuntResult } from '@/engine/hunt/hunt';
import { shrunkRun } from '@/engine/hunt/report';
import { DEFAULT_DISTRIBUTION, FAULT_KINDS, describeDistribution, describeFault, type FaultKind } from '@/engine/hunt/schedule';
import { openDocument } from '@/stores/persistence/documents';
import { usePlayback, usePlaybackStore, useUi, useUiStore } from '@/stores/playback-context';
import type { PlaybackState } from '@/stores/playback-store';
import { selectUiActions } from '@/stores/ui-selectors';
import { reportOpen } from '../playground/use-document-source';
import { Modal } from '../ui/modal';
import { button, primaryButton, sectionTitle } from '../ui/styles';
import { startHunt, workerCount } from './pool';

const selectDoc = (s: PlaybackState) => ({ scenario: s.scenario, entry: s.entry });

type Phase =
  | { kind: 'idle' }
  | { kind: 'running'; status: HuntStatus | null; workers: number }
  | { kind: 'done'; result: HuntResult; ms: number; workers: number }
  | { kind: 'cancelled'; status: HuntStatus | null }
  | { kind: 'error'; message: string };

const field = 'h-8 w-24 rounded-lg border border-slate-300 bg-white px-2 text-sm tabular-nums dark:border-slate-700 dark:bg-slate-800';

/**
 * Break it for me: runs the open scenario under many random fault schedules on Web Workers,
 * stops at the first invariant violation, shrinks it, and opens the smallest failing run paused
 * on the violation; or says how much was tried without one. Loaded only when opened.
 */
export default function HuntDialog() {
  const { t, say } = useI18n();
  const { openDialog } = useUi(useShallow(selectUiActions));
  const { scenario, entry } = usePlayback(useShallow(selectDoc));
  const playbackStore = usePlaybackStore();
  const uiStore = useUiStore();
  const [runs, setRuns] = useState(1000);
  const [seed, setSeed] = useState(1);
  const [kinds, setKinds] = useState<FaultKind[]>([...DEFAULT_DISTRIBUTION.kinds]);
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const stopRef = useRef<(() => void) | null>(null);
  const cancelRef = useRef<() => void>(() => undefined);
  const config = { runs, seed, distribution: { kinds, maxFaults: DEFAULT_DISTRIBUTION.maxFaults } };

  // Closing the dialog stops the workers.
  useEffect(() => () => stopRef.current?.(), []);

  const start = () => {
    let last: HuntStatus | null = null;
    const hunt = startHunt(scenario, config, {
      progress: (status, workers) => {
        last = status;
        setPhase({ kind: 'running', status, workers });
      },
      done: (result, ms, workers) => setPhase({ kind: 'done', result, ms, workers }),
      failed: (message) => setPhase({ kind: 'error', message }),
    });
    stopRef.current = hunt.stop;
    setPhase({ kind: 'running', status: null, workers: workerCount() });
    // Cancel stops the workers and keeps what the last progress report counted.
    cancelRef.current = () => {
      hunt.stop();
      setPhase({ kind: 'cancelled', status: last });
    };
  };

  const open = async (result: HuntResult) => {
    const run = shrunkRun(scenario, result);
    if (!run) return;
    const r = await openDocument(playbackStore, run.scenario, { entry, t: run.t, now: Date.now() });
    reportOpen(uiStore, t('ui.hunt.failingRun'), r);
    if (r.ok) openDialog(null);
  };

  const toggle = (k: FaultKind) => setKinds((ks) => (ks.includes(k) ? ks.filter((x) => x !== k) : FAULT_KINDS.filter((x) => x === k || ks.includes(x))));
  const running = phase.kind === 'running';

  return (
    <Modal title={t('ui.hunt.title')} testId="hunt" size="lg" onClose={() => openDialog(null)}>
      <div className="space-y-4 px-5 py-4 text-sm">
        <p className="text-slate-600 dark:text-slate-400">
          {t('ui.hunt.intro')}
        </p>
        <fieldset disabled={running} className="flex flex-wrap items-end gap-x-5 gap-y-3">
          <label className="flex flex-col gap-1">
            <span className={sectionTitle}>{t('ui.hunt.runs')}</span>
            <input type="number" min={1} max={1_000_000} value={runs} onChange={(e) => setRuns(Math.max(1, Math.min(1_000_000, Math.floor(Number(e.target.value) || 1))))} data-testid="hunt-runs" className={field} />
          </label>
          <label className="flex flex-col gap-1">
            <span className={sectionTitle}>{t('ui.hunt.seed')}</span>
            <input type="number" min={0} max={4294967295} value={seed} onChange={(e) => setSeed(Math.max(0, Math.min(4294967295, Math.floor(Number(e.target.value) || 0))))} data-testid="hunt-seed" className={field} />
          </label>
          <div className="flex flex-col gap-1">
            <span className={sectionTitle}>{t('ui.hunt.faults')}</span>
            <div className="flex flex-wrap gap-x-3 gap-y-1">
              {FAULT_KINDS.map((k) => (
                <label key={k} className="flex items-center gap-1.5">
                  <input type="checkbox" checked={kinds.includes(k)} onChange={() => toggle(k)} data-testid={`hunt-kind-${k}`} className="h-4 w-4 accent-indigo-600 dark:accent-indigo-400" />
                  {t('ui.hunt.kind', { k })}
                </label>
              ))}
            </div>
          </div>
        </fieldset>
        <details className="rounded-lg border border-slate-200 px-3 py-2 dark:border-slate-800" data-testid="hunt-distribution">
          <summary className="cursor-pointer text-slate-700 dark:text-slate-300">{t('ui.hunt.howDrawn')}</summary>
          <ul className="mt-2 list-disc space-y-1 pl-5 text-xs text-slate-600 dark:text-slate-400">
            {describeDistribution(config.distribution, scenario.playback.untilMs).map((l) => (
              <li key={l.id}>{say(l)}</li>
            ))}
          </ul>
        </details>
        <Outcome phase={phase} runs={runs} onOpen={(r) => void open(r)} />
        <div className="flex justify-end gap-2">
          {running ? (
            <button type="button" onClick={() => cancelRef.current()} data-testid="hunt-cancel" className={button}>
              {t('ui.hunt.cancel')}
            </button>
          ) : (
            <button type="button" onClick={start} disabled={kinds.length === 0} data-testid="hunt-start" className={primaryButton}>
              {t(phase.kind === 'idle' ? 'ui.hunt.hunt' : 'ui.hunt.huntAgain')}
            </button>
          )}
        </div>
      </div>
    </Modal>
  );
}

/** Progress while it runs, then what it found or how much it tried. */
function Outcome({ phase, runs, onOpen }: { phase: Phase; runs: number; onOpen(r: HuntResult): void }) {
  const { say, t } = useI18n();
  if (phase.kind === 'idle') return null;
  if (phase.kind === 'error') {
    return (
      <p role="alert" className="text-red-700 dark:text-red-300">
        {t('ui.hunt.stopped', { message: phase.message })}
      </p>
    );
  }
  if (phase.kind === 'running') {
    const done = phase.status?.coverage.runs ?? 0;
    const shrinking = phase.status?.complete && phase.status.failure;
    return (
      <div className="space-y-1" data-testid="hunt-progress">
        <progress max={runs} value={shrinking ? runs : done} className="h-2 w-full accent-indigo-600" aria-label={t('ui.hunt.runsDone')} />
        <p className="text-xs text-slate-600 tabular-nums dark:text-slate-400" aria-live="polite">
          {shrinking ? t('ui.hunt.shrinking', { run: phase.status!.failure!.index + 1 }) : t('ui.hunt.progress', { done: done.toLocaleString(), runs: runs.toLocaleString(), workers: phase.workers })}
        </p>
      </div>
    );
  }
  if (phase.kind === 'cancelled') {
    return (
      <p data-testid="hunt-summary" className="text-slate-700 dark:text-slate-300">
        {t('ui.hunt.cancelled', { runs: (phase.status?.coverage.runs ?? 0).toLocaleString() })}
      </p>
    );
  }
  const { result, ms, workers } = phase;
  const cov = result.coverage;
  const rate = t('ui.hunt.rate', { workers, s: (ms / 1000).toFixed(1) });
  if (result.shrunk && result.failure) {
    const faults = result.shrunk.schedule.faults;
    return (
      <div className="space-y-2 rounded-lg border border-red-300 bg-red-50 px-3 py-2 dark:border-red-800 dark:bg-red-950/50" data-testid="hunt-summary">
        <p className="font-semibold text-red-900 dark:text-red-100">
          {t('ui.hunt.broke', { monitor: result.shrunk.violation.monitor, run: (result.failure.index + 1).toLocaleString(), faults: cov.faults.toLocaleString(), rate })}
        </p>
        <p className="text-slate-700 dark:text-slate-300">
          {t('ui.hunt.shrunk', { tries: result.shrunk.tries, n: faults.length })}
        </p>
        {faults.length > 0 && (
          <ul className="list-disc pl-5 font-mono text-xs" data-testid="hunt-shrunk">
            {faults.map((f) => {
              const text = say(describeFault(f));
              return <li key={text}>{text}</li>;
            })}
          </ul>
        )}
        <p className="text-xs text-slate-600 dark:text-slate-400">{say(result.shrunk.violation.message)}</p>
        <button type="button" onClick={() => onOpen(result)} data-testid="hunt-open" className={primaryButton}>
          {t('ui.hunt.openFailing')}
        </button>
      </div>
    );
  }
  const kinds = Object.entries(cov.byKind)
    .map(([k, n]) => `${k} ${n.toLocaleString()}`)
    .join(', ');
  const byFaults = cov.runsWithFaults.flatMap((n, i) => (n > 0 ? [`${i}: ${n.toLocaleString()}`] : [])).join(', ');
  return (
    <div className="space-y-1 rounded-lg border border-emerald-300 bg-emerald-50 px-3 py-2 dark:border-emerald-800 dark:bg-emerald-950/50" data-testid="hunt-summary">
      <p className="font-semibold text-emerald-900 dark:text-emerald-100">
        {t('ui.hunt.noViolation', { runs: cov.runs.toLocaleString(), faults: cov.faults.toLocaleString(), rate })}
      </p>
      <p className="text-xs text-slate-600 dark:text-slate-400">{kinds ? t('ui.hunt.byKind', { kinds }) : t('ui.hunt.byKindNone')}</p>
      <p className="text-xs text-slate-600 dark:text-slate-400">{t('ui.hunt.byFaults', { list: byFaults })}</p>
    </div>
  );
}
