import type { PlaybackState } from '@/stores/playback-store';

/** A player command: one definition shared by its button, its tooltip and its shortcut. */
export interface Command {
  name: 'togglePlay' | 'step' | 'restart';
  label: string;
  /** `KeyboardEvent.key` that performs it. */
  key: string;
  /** How the key is written in tooltips. */
  keyLabel: string;
  perform(s: PlaybackState): void;
}

/** Every player command. */
export const COMMANDS: readonly Command[] = [
  { name: 'togglePlay', label: 'Play / Pause', key: ' ', keyLabel: 'Space', perform: (s) => s.togglePlay() },
  { name: 'step', label: 'Step one event', key: 'ArrowRight', keyLabel: '→', perform: (s) => s.stepForward() },
  { name: 'restart', label: 'Restart', key: 'r', keyLabel: 'R', perform: (s) => s.restart() },
];

/** The command named `name`. */
export function command(name: Command['name']): Command {
  return COMMANDS.find((c) => c.name === name)!;
}
