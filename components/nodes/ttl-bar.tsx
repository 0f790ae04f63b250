'use client';

import { useI18n } from '@/components/i18n/use-i18n';
import { p, type Say } from '@/engine/core/phrase';

/** Remaining time as the TTL readout shows it. */
export function formatRemaining(ms: number): Say {
  if (ms <= 0) return p('ui.nodes.expired');
  if (ms < 1000) return `${Math.ceil(ms)} ms`;
  return `${(ms / 1000).toFixed(1)} s`;
}

/** A bar that drains as a key's TTL runs out on the server's clock. */
export function TtlBar({ remaining, span, label }: { remaining: number; span: number; label?: string }) {
  const { t, say } = useI18n();
  const left = Math.min(1, Math.max(0, remaining / span));
  const colour = left > 0.5 ? 'bg-emerald-500' : left > 0.2 ? 'bg-amber-500' : 'bg-red-500';
  return (
    <div className="mt-1 flex items-center gap-2">
      <div
        role="progressbar"
        aria-label={label ?? t('ui.nodes.ttlLeft')}
        aria-valuemin={0}
        aria-valuemax={Math.round(span)}
        aria-valuenow={Math.max(0, Math.round(remaining))}
        data-testid="ttl-bar"
        className="h-1.5 flex-1 overflow-hidden rounded-full bg-slate-200 dark:bg-slate-700"
      >
        <div className={`h-full rounded-full ${colour}`} style={{ width: `${left * 100}%` }} />
      </div>
      <span className={`w-14 shrink-0 text-right font-mono text-[10px] tabular-nums ${remaining <= 0 ? 'text-red-600 dark:text-red-400' : 'text-slate-500 dark:text-slate-400'}`}>
        {say(formatRemaining(remaining))}
      </span>
    </div>
  );
}
