'use client';

import { useStore, useStoreApi, ViewportPortal, type ReactFlowState } from '@xyflow/react';
import { Fragment, useCallback, useState } from 'react';
import { useI18n } from '@/components/i18n/use-i18n';
import { usePlayback, useUi } from '@/stores/playback-context';
import type { WireMessage } from '@/stores/narration';
import type { PlaybackState } from '@/stores/playback-store';
import { selectFocusSend } from '@/stores/ui-selectors';
import { RowSlots } from '../panels/row-slots';
import { usePrefersReducedMotion } from '../ui/use-media-query';
import { MessageDot, MessageTrail } from './message-dot';
import { LinkCurves, linksOf, type LinkEnds } from './message-canvas/link-curves';
import { placeWire } from './wire-place';

/** Labels longer than this are cut short on the wire; the log has the full text. */
const LABEL_MAX = 28;
const clip = (s: string) => (s.length > LABEL_MAX ? `${s.slice(0, LABEL_MAX - 1)}…` : s);

const selectWire = (s: PlaybackState) => s.inFlight;
/** The clock, while anything flies: an empty wire does not follow it. */
const selectWireTime = (s: PlaybackState) => (s.inFlight.length > 0 ? s.time : 0);

/** Where the cards at both ends of every busy link are, as one string: it changes when one of them moves or is resized. */
function boxesOf(rf: ReactFlowState, wire: readonly WireMessage[], ends: ReadonlyMap<string, LinkEnds>): string {
  let out = '';
  let last = '';
  for (const m of wire) {
    if (m.link === last) continue;
    last = m.link;
    const e = ends.get(m.link);
    if (!e) continue;
    for (const id of [e.source, e.target]) {
      const n = rf.nodeLookup.get(id);
      out += n ? `${n.internals.positionAbsolute.x},${n.internals.positionAbsolute.y},${n.measured.width},${n.measured.height};` : '-;';
    }
  }
  return out;
}

/**
 * Every message on the wire, drawn as a labelled dot with its trail where the clock has it
 * (wire-motion.ts), in React Flow's viewport portal above the cards. One layer for all the
 * links, not one per link: its elements are kept in slots (wire-place.ts), so a seek restyles
 * the dots in the page rather than unmounting every link's and mounting others. A crowded
 * wire is painted by MessageCanvas instead.
 */
export function WireDots() {
  const { say } = useI18n();
  const wire = usePlayback(selectWire);
  const now = usePlayback(selectWireTime);
  const ends = usePlayback(linksOf);
  const focusT = useUi(selectFocusSend);
  const still = usePrefersReducedMotion();
  const rf = useStoreApi();
  // Re-drawn when a card at the end of a busy link moves or changes size (its curve with it).
  useStore(useCallback((s: ReactFlowState) => boxesOf(s, wire, ends), [wire, ends]));
  const [curves] = useState(() => new LinkCurves());
  const [slots] = useState(() => new RowSlots());
  curves.prune(ends);
  const placed = placeWire(wire, (link) => {
    const e = ends.get(link);
    return e ? curves.get(rf.getState(), e) : null;
  }, now, still, slots);
  return (
    <ViewportPortal>
      {placed.map(({ slot, m, at, trail, outbound, fall }) => (
        <Fragment key={slot}>
          <MessageTrail at={at} points={trail} outbound={outbound} />
          <MessageDot
            at={at}
            text={clip(say(m.text))}
            outbound={outbound}
            lost={m.lost}
            revealed={still || fall > 0}
            fall={fall}
            labelBelow={!outbound}
            focused={focusT !== null && m.sentAt === focusT}
          />
        </Fragment>
      ))}
    </ViewportPortal>
  );
}
