'use client';

import { useI18n } from '@/components/i18n/use-i18n';
import { memo } from 'react';
import { liveSessions, type AppView } from '@/engine/models/app-service/view';
import { usePlayback } from '@/stores/playback-context';
import { selectLabels } from '@/stores/selectors';
import type { CardProps } from '../kind-ui';
import { NodeCard } from '../node-card';
import { TtlBar } from '../ttl-bar';
import { useNodeClock, useNodeView } from '../use-node-live';

/** How many sessions a card lists before summarising the rest. */
const SHOWN = 4;

const pill = 'rounded-full px-2 py-0.5 text-[10px] font-semibold';
const TONE = {
  memory: 'bg-amber-100 text-amber-900 dark:bg-amber-900/50 dark:text-amber-100',
  redis: 'bg-red-100 text-red-800 dark:bg-red-900/50 dark:text-red-200',
  jwt: 'bg-sky-100 text-sky-800 dark:bg-sky-900/50 dark:text-sky-200',
  extra: 'bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-300',
};

const secs = (ms: number) => (ms >= 1000 ? `${Math.round(ms / 100) / 10} s` : `${Math.round(ms)} ms`);

/** Where this app keeps logins, in a pill or two. */
function Mode({ v, name }: { v: AppView; name: (id: string) => string }) {
  const { t } = useI18n();
  if (v.auth === 'memory') return <span className={`${pill} ${TONE.memory}`}>{t('ui.node.app-service.sessionsInMemory')}</span>;
  if (v.auth === 'redis') return <span className={`${pill} ${TONE.redis}`}>{t('ui.node.app-service.sessionsIn', { where: v.redis ? name(v.redis) : t('ui.node.app-service.redisNotLinked') })}</span>;
  return (
    <>
      <span className={`${pill} ${TONE.jwt}`}>{t('ui.node.app-service.jwt', { exp: secs(v.tokenTtlMs) })}</span>
      {v.refresh && <span className={`${pill} ${TONE.extra}`}>{t('ui.node.app-service.refresh')}</span>}
      {v.denylist && <span className={`${pill} ${TONE.extra}`}>{t('ui.node.app-service.denylist')}</span>}
    </>
  );
}

/** The sessions an app holds in its heap, each with a bar draining toward maxInactiveInterval. */
function Sessions({ v, sessions }: { v: AppView; sessions: ReturnType<typeof liveSessions> }) {
  const { t } = useI18n();
  if (sessions.length === 0) {
    return (
      <p className="text-[11px] text-slate-500 italic dark:text-slate-400" data-testid="app-no-sessions">
        {t('ui.node.app-service.noSessions')}
      </p>
    );
  }
  return (
    <ul className="space-y-1.5" aria-label={t('ui.node.app-service.sessionsInMemory')}>
      {sessions.slice(0, SHOWN).map((s) => (
        <li key={s.sid} data-testid="app-session" data-user={s.user}>
          <div className="flex min-w-0 items-baseline gap-1.5 font-mono text-[11px]">
            <span className="shrink-0 font-semibold text-slate-800 dark:text-slate-100">{s.user}</span>
            <span className="min-w-0 truncate text-slate-500 dark:text-slate-400" title={s.sid}>
              {s.sid}
            </span>
          </div>
          <TtlBar remaining={v.maxInactiveMs - s.idleMs} span={v.maxInactiveMs} />
        </li>
      ))}
      {sessions.length > SHOWN && <li className="text-[11px] text-slate-500 dark:text-slate-400">{t('ui.nodes.more', { n: sessions.length - SHOWN })}</li>}
    </ul>
  );
}

/**
 * An app service: where it keeps logins (its memory, Redis, or nowhere with JWTs), the
 * sessions in its memory with their idle time, and how many requests it served, refused
 * (401) and failed (5xx).
 */
function AppCardImpl({ id, data, selected }: CardProps<'app'>) {
  const { t } = useI18n();
  const live = useNodeView<'app'>(id);
  const labels = usePlayback(selectLabels);
  const v = live?.view ?? null;
  // Only sessions in memory need the clock (their idle time): otherwise the card stays still while time moves.
  const now = useNodeClock(id, (v?.sessions.length ?? 0) > 0);
  const sessions = v ? liveSessions(v, now) : [];
  const name = (n: string) => labels[n] ?? n;
  return (
    <NodeCard id={id} label={data.label} kind="app" status={live?.status ?? 'up'} clockOffset={live?.clockOffset ?? 0} selected={selected} vertical={data.vertical}>
      {v ? (
        <div className="space-y-2" data-testid="app-state" data-sessions={sessions.length} data-served={v.served} data-refused={v.refused}>
          <div className="flex flex-wrap items-center gap-1">
            <Mode v={v} name={name} />
          </div>
          {v.auth === 'memory' ? (
            <Sessions v={v} sessions={sessions} />
          ) : (
            <p className="text-[11px] leading-snug text-slate-600 dark:text-slate-300">
              {t(v.auth === 'redis' ? 'ui.node.app-service.noSessionRedis' : 'ui.node.app-service.noSessionJwt')}
            </p>
          )}
          <p className="key-field text-[11px] text-slate-600 tabular-nums dark:text-slate-300" data-testid="app-stats">
            <span className="font-semibold text-slate-800 dark:text-slate-100">{v.served}</span>{t('ui.node.app-service.served')}
            {v.refused > 0 && (
              <>
                {' · '}
                <span className="font-semibold text-amber-700 dark:text-amber-300">{v.refused}</span>{t('ui.node.app-service.refused')}
              </>
            )}
            {v.failed > 0 && (
              <>
                {' · '}
                <span className="font-semibold text-red-700 dark:text-red-300">{v.failed}</span>{t('ui.node.app-service.failed')}
              </>
            )}
            {v.inFlight > 0 && <span className="text-slate-500 dark:text-slate-400">{t('ui.node.app-service.waitingRedis', { n: v.inFlight })}</span>}
          </p>
        </div>
      ) : (
        <p className="key-field text-slate-500 italic dark:text-slate-400">{t('ui.nodes.notRunning')}</p>
      )}
    </NodeCard>
  );
}

export const AppCard = memo(AppCardImpl);
