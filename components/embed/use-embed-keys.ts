'use client';

import { useEffect } from 'react';
import { elementAt } from '../canvas/use-canvas-menus';
import { usePlaybackStore, useUiStore } from '@/stores/playback-context';
import { COMMANDS, matches, type Command } from '../panels/commands';

/** Commands an embed binds: playback always; with faults, the fault menu and undo / redo of a fault. */
const WITH_FAULTS = new Set(['faultMenu', 'undo', 'redo']);
const bound = (faults: boolean): Command[] => COMMANDS.filter((c) => c.group === 'Playback' || (faults && WITH_FAULTS.has(c.name)));

/** Keys a focused field, button, link or dialog needs for itself. */
function ownsKey(el: EventTarget | null, key: string): boolean {
  if (!(el instanceof HTMLElement)) return false;
  if (el.isContentEditable || ['INPUT', 'SELECT', 'TEXTAREA'].includes(el.tagName)) return true;
  if (el.closest('[role="dialog"],dialog') !== null) return true;
  return ['BUTTON', 'A', 'SUMMARY'].includes(el.tagName) && (key === ' ' || key === 'Enter');
}

/**
 * The registry's keys, inside the frame only (a focused embed; the host page keeps its own
 * keys). Read-only binds no command that edits: Delete, auto-layout and the dialogs of the
 * playground have no place in an embed.
 */
export function useEmbedKeys(faults: boolean): void {
  const playback = usePlaybackStore();
  const ui = useUiStore();
  useEffect(() => {
    const commands = bound(faults);
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || ownsKey(e.target, e.key) || ui.getState().menu !== null) return;
      const c = commands.find((x) => x.keys.some((k) => matches(k, e)));
      if (!c) return;
      const ctx = { playback: playback.getState(), ui: ui.getState(), target: elementAt(e.target) };
      e.preventDefault();
      e.stopPropagation();
      if (!c.enabled || c.enabled(ctx)) c.perform(ctx);
    };
    window.addEventListener('keydown', onKey, { capture: true });
    return () => window.removeEventListener('keydown', onKey, { capture: true });
  }, [playback, ui, faults]);
}
