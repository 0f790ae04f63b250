'use client';

import { useEffect } from 'react';
import { usePlaybackStore } from '@/stores/playback-context';
import { COMMANDS } from './commands';

/** Typing in a field or pressing Space on a focused button must not also fire a shortcut. */
function ownsKeys(el: EventTarget | null): boolean {
  if (!(el instanceof HTMLElement)) return false;
  return el.isContentEditable || ['INPUT', 'SELECT', 'TEXTAREA', 'BUTTON', 'A'].includes(el.tagName);
}

/** Binds the command registry's keys on the page. */
export function useShortcuts(): void {
  const store = usePlaybackStore();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || ownsKeys(e.target)) return;
      const c = COMMANDS.find((x) => x.key === e.key);
      if (!c) return;
      e.preventDefault();
      c.perform(store.getState());
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store]);
}
