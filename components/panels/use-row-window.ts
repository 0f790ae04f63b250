'use client';

import { useCallback, useLayoutEffect, useMemo, useState, type UIEvent } from 'react';
import { afterPaint } from '@/stores/after-paint';

/** Below the shortest row a list of these has (px): rows that fit are counted with it, so the first render never falls short of the view. */
const MIN_ROW_PX = 22;
/**
 * The reach is rounded up to a multiple of this many rows: rows past the bottom of the view for
 * a scroll that starts before the rest arrives, and a scroll re-renders the list (all of it, once
 * complete) only every few hundred pixels.
 */
const STEP = 8;
/** Rows rendered before the list has been measured. */
const UNMEASURED = 40;

/** How many rows reach the bottom of the view of `el`, scrolled as it is. */
const reachOf = (el: HTMLElement) => (Math.floor((el.scrollTop + el.clientHeight) / MIN_ROW_PX / STEP) + 1) * STEP;

/**
 * How many rows of a list reach the bottom of its view (a screenful, and a few more), kept up
 * to date as it is resized and scrolled. Give `ref` and `onScroll` to the scrolling element.
 */
export function useReach(): { reach: number; ref: (el: HTMLElement | null) => (() => void) | undefined; onScroll: (e: UIEvent<HTMLElement>) => void } {
  const [reach, setReach] = useState(UNMEASURED);
  const ref = useCallback((el: HTMLElement | null) => {
    if (el === null || typeof ResizeObserver === 'undefined') return undefined;
    const seen = new ResizeObserver(() => setReach(reachOf(el)));
    seen.observe(el);
    return () => seen.disconnect();
  }, []);
  const onScroll = useCallback((e: UIEvent<HTMLElement>) => setReach(reachOf(e.currentTarget)), []);
  return { reach, ref, onScroll };
}

/**
 * The rows of a long list to render now: when `rows` changes (a seek replaces them all), only
 * the `reach` first (those that reach the bottom of the view, see useReach), the rest after the
 * next paint. The seek's frame then formats and lays out a screenful rather than every row,
 * and the whole list is still in the page a frame later (for find-in-page, screen readers and
 * keyboard focus). With `windowed` false (while playing, when the rows change every frame and
 * are few) the rows are rendered whole at once, never twice.
 */
export function useRowWindow<T>(rows: readonly T[], reach: number, windowed = true): readonly T[] {
  /** The rows already rendered in full (set after a paint), or null. */
  const [full, setFull] = useState<readonly T[] | null>(null);
  const n = full === rows || !windowed ? rows.length : Math.min(rows.length, reach);
  useLayoutEffect(() => {
    if (n < rows.length) return afterPaint(() => setFull(rows));
  }, [rows, n]);
  return useMemo(() => (n === rows.length ? rows : rows.slice(0, n)), [rows, n]);
}
