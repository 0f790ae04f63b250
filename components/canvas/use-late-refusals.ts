import { useEffect } from 'react';
import { p } from '@/engine/core/phrase';
import { problemSay } from '@/engine/scenario/problems';
import { usePlaybackStore, useUiStore } from '@/stores/playback-context';

/**
 * Turns an edit refused after it had answered ok (made before the parser arrived, see the
 * store's `lateRefusal`) into a notice: otherwise the edit would just be missing.
 */
export function useLateRefusals(): void {
  const playback = usePlaybackStore();
  const ui = useUiStore();
  useEffect(
    () =>
      playback.subscribe((s, prev) => {
        const late = s.lateRefusal;
        if (!late || late === prev.lateRefusal) return;
        ui.getState().notify(p('ui.canvas.editRefusedLater', { error: problemSay(late.errors[0] ?? '') }), 'warn');
      }),
    [playback, ui],
  );
}
