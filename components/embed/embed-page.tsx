'use client';

import { useCallback, useEffect, useMemo, useState } from 'react';
import { parseEmbedRequest, type EmbedOptions } from '@/stores/embed-options';
import { docTitle, loadRequestOf, posterInfo, resolveScenario, startTime, type EmbedDoc } from '@/stores/embed-source';
import { PlaybackProvider } from '@/stores/playback-context';
import { WhenShowable } from '../ui/when-showable';
import { DEFER, EmbedChannel } from './embed-channel';
import { EmbedPlayer } from './embed-player';
import { Poster } from './poster';
import { Problems } from './problems';
import { useEmbedAddress } from './use-embed-address';
import { useLangSetup } from '../i18n/use-lang-setup';
import { useEmbedTheme } from './use-embed-theme';

/** The document to show and what went wrong getting it (a bad link falls back to the default scenario). */
interface Opened {
  doc: EmbedDoc;
  /** Bumped when a host loads another scenario into the poster. */
  n: number;
  errors: string[];
}

/** Resolves the address's scenario; a source that fails is reported and the default scenario shown instead. */
function useOpened(request: ReturnType<typeof parseEmbedRequest>): [Opened | null, (doc: EmbedDoc) => void] {
  const [opened, setOpened] = useState<Opened | null>(null);
  useEffect(() => {
    let live = true;
    void (async () => {
      const r = await resolveScenario(request.source);
      if (r.ok) {
        if (live) setOpened({ doc: r.doc, n: 0, errors: [] });
        return;
      }
      const fallback = await resolveScenario({ kind: 'default' });
      if (!live) return;
      if (!fallback.ok) {
        setOpened(null);
        return;
      }
      const why = r.errors.slice(0, 3).join('; ');
      setOpened({ doc: fallback.doc, n: 0, errors: [`The scenario in this address could not be opened (${why}); showing “${docTitle(fallback.doc)}” instead.`] });
    })();
    return () => {
      live = false;
    };
  }, [request.source]);
  const replace = useCallback((doc: EmbedDoc) => setOpened((o) => ({ doc, n: (o?.n ?? 0) + 1, errors: o?.errors ?? [] })), []);
  return [opened, replace];
}

/** While the click-to-load poster shows, it answers the host: a load replaces the poster's scenario, a play or seek starts the engine. */
function usePosterHandler(channel: EmbedChannel, opened: Opened | null, armed: boolean, options: EmbedOptions, replace: (doc: EmbedDoc) => void, arm: () => void) {
  useEffect(() => {
    if (armed || !opened) return;
    // The reply to a load is built right after it, before React re-renders: it reads this.
    let current = opened.doc;
    channel.setHandler({
      info: () => posterInfo(current, options),
      perform: async (msg) => {
        if (msg.type === 'dp:pause') return null;
        if (msg.type !== 'dp:load') {
          arm();
          return DEFER;
        }
        const r = await resolveScenario(loadRequestOf(msg));
        if (!r.ok) return r.errors.join('; ');
        const next = { ...r.doc, t: msg.t ?? r.doc.t ?? r.doc.scenario.playback.startMs };
        current = next;
        replace(next);
        return null;
      },
    });
    return () => channel.setHandler(null);
  }, [channel, opened, armed, options, replace, arm]);
}

function EmbedRoot({ search, hash }: { search: string; hash: string }) {
  const request = useMemo(() => parseEmbedRequest(search, hash), [search, hash]);
  const { options } = request;
  const dark = useEmbedTheme(options.theme);
  const [channel] = useState(() => new EmbedChannel(options.allow));
  useEffect(() => channel.start(), [channel]);
  const [opened, replace] = useOpened(request);
  const [armed, setArmed] = useState(!options.click);
  const [clicked, setClicked] = useState(false);
  const arm = useCallback(() => setArmed(true), []);
  usePosterHandler(channel, opened, armed, options, replace, arm);

  const problems = [...request.problems, ...(opened?.errors ?? [])];
  let body = <div className="flex-1" />;
  if (opened && !armed) {
    body = (
      <Poster
        doc={opened.doc}
        t={startTime(opened.doc, options.t)}
        onStart={() => {
          setClicked(true);
          setArmed(true);
        }}
      />
    );
  } else if (opened) {
    // The scenario's kinds are fetched only now: a click-to-load poster costs none of their code.
    body = (
      <WhenShowable key={opened.n} scenario={opened.doc.scenario} failed={(error) => <Problems problems={[`“${docTitle(opened.doc)}” could not be shown: ${error}.`]} />}>
        <PlaybackProvider scenario={opened.doc.scenario} entry={opened.doc.entry}>
          <EmbedPlayer options={options} dark={dark} start={startTime(opened.doc, options.t)} autoplay={options.autoplay || clicked} channel={channel} />
        </PlaybackProvider>
      </WhenShowable>
    );
  }
  return (
    <>
      <Problems problems={problems} />
      {body}
    </>
  );
}

/**
 * `/embed`: the chromeless player for iframes. Its options and scenario come from the address,
 * which only the browser has (the page is static), so nothing renders until after hydration.
 */
export function EmbedPage() {
  const address = useEmbedAddress();
  // `lang=` is an embed option: a bad value is listed with the others.
  useLangSetup();
  return (
    <div data-testid="embed" className="flex h-dvh w-full flex-col overflow-hidden">
      {address && <EmbedRoot key={`${address.search}#${address.hash}`} search={address.search} hash={address.hash} />}
    </div>
  );
}
