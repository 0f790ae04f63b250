'use client';

import { useEffect } from 'react';
import { elementAt } from '../canvas/use-canvas-menus';
import { usePlaybackStore, useUiStore } from '@/stores/playback-context';
import { COMMANDS, matches } from './commands';

/**
 * Keys the focused element needs for itself: a field takes every key, a button or link takes
 * Space and Enter (arrows still step), tabs take the arrows, and a dialog keeps every key.
 */
function ownsKey(el: EventTarget | null, key: string): boolean {
  if (!(el instanceof HTMLElement)) return false;
  if (el.isContentEditable || ['INPUT', 'SELECT', 'TEXTAREA'].includes(el.tagName)) return true;
  if (el.closest('[role="dialog"],dialog') !== null) return true;
  if (el.closest('[role="tablist"]') !== null && key.startsWith('Arrow')) return true;
  return ['BUTTON', 'A', 'SUMMARY'].includes(el.tagName) && (key === ' ' || key === 'Enter');
}

/**
 * Binds the command registry's keys on the page. It listens in the capture phase so that a
 * key pressed on a focused canvas node means the same as anywhere else: React Flow would
 * otherwise take Space and the arrows for selecting and nudging the node.
 */
export function useShortcuts(): void {
  const playback = usePlaybackStore();
  const ui = useUiStore();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || ownsKey(e.target, e.key) || ui.getState().dialog !== null) return;
      const c = COMMANDS.find((x) => x.keys.some((k) => matches(k, e)));
      if (!c) return;
      const ctx = { playback: playback.getState(), ui: ui.getState(), target: elementAt(e.target) };
      e.preventDefault();
      e.stopPropagation();
      if (c.enabled && !c.enabled(ctx)) return;
      c.perform(ctx);
    };
    window.addEventListener('keydown', onKey, { capture: true });
    return () => window.removeEventListener('keydown', onKey, { capture: true });
  }, [playback, ui]);
}
