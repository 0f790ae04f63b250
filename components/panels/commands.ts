import { p } from '@/engine/core/phrase';
import { nextViolation } from '@/stores/timeline';
import { MAX_SPEED, MIN_SPEED, SPEEDS, type InterventionRequest, type PlaybackState } from '@/stores/playback-store';
import { withAutoLayout } from '@/stores/auto-layout';
import { loadLayoutEngine } from '@/stores/layout-engine';
import { withoutElements, type LaterChoice } from '@/stores/scenario-edits';
import { selectLinkCut, selectNodeStatus } from '@/stores/selectors';
import type { ElementRef, UiState } from '@/stores/ui-store';
import type { Formatter } from '@/engine/i18n/format';
import { currentFormatter } from '../i18n/use-i18n';
import { formatMs } from './format';
import { joined } from '../i18n/joined';
import { interventionSay } from './intervention-text';

/** What a command acts on: the two stores (current state), and for menu items their element and value. */
export interface CommandCtx {
  playback: PlaybackState;
  ui: UiState;
  /** The node or edge a menu item or key is for. */
  target?: ElementRef | null;
  /** The number typed beside a menu item (pause length, skew, latency, loss). */
  value?: number;
  /** When a fault lands (virtual ms; default: the cursor's time, see faultMoment). */
  at?: number;
  /** What becomes of the interventions after it (default: they stay). */
  later?: LaterChoice;
}

/** A key that performs a command. `mod` is Ctrl, or Cmd on a Mac. */
export interface KeySpec {
  key: string;
  mod?: boolean;
  shift?: boolean;
}

export type CommandGroup = 'Playback' | 'Editing' | 'View' | 'Node faults' | 'Link faults';

/** A command: one definition shared by its button, its menu item, its tooltip and its keys. */
export interface Command {
  name: string;
  label: string;
  group: CommandGroup;
  /** Keys that perform it; the first is the one tooltips show. */
  keys: readonly KeySpec[];
  /** Fault menus list the commands of their kind. */
  menu?: 'node' | 'edge';
  /** A menu item that needs a number: what it is, its unit and a first value. */
  input?: { label: string; unit: string; initial: number; min: number; max: number; step: number };
  /** Greyed out when false. */
  enabled?(ctx: CommandCtx): boolean;
  perform(ctx: CommandCtx): void;
}

const nextSpeed = (x: number, dir: 1 | -1) => {
  const i = SPEEDS.findIndex((s) => s >= x);
  const at = i < 0 ? SPEEDS.length - 1 : SPEEDS[i] === x ? i + dir : dir > 0 ? i : i - 1;
  return SPEEDS[Math.max(0, Math.min(SPEEDS.length - 1, at))] ?? (dir > 0 ? MAX_SPEED : MIN_SPEED);
};

/**
 * Records a fault (at the menu's time, or the cursor's) and tells the visitor what it set aside,
 * by name, or why it failed. Later interventions stay unless the visitor chose to drop them.
 */
function inject(ctx: CommandCtx, req: InterventionRequest): void {
  const { result, dropped } = ctx.playback.intervene(req, { at: ctx.at, later: ctx.later });
  if (!result.ok) {
    ctx.ui.notify(p('ui.panels.faultRefused', { error: result.errors[0] }), 'warn');
    return;
  }
  if (dropped.length > 0) {
    const s = ctx.playback.scenario;
    const names = joined(dropped.map((iv) => p('ui.panels.faultDroppedItem', { fault: interventionSay(iv, s, ctx.playback.labels), time: formatMs(iv.at) })));
    ctx.ui.notify(p('ui.panels.faultDropped', { names }), 'warn');
  }
}

const nodeOf = (ctx: CommandCtx) => (ctx.target?.kind === 'node' ? ctx.target.id : null);
const edgeOf = (ctx: CommandCtx) => (ctx.target?.kind === 'edge' ? ctx.target.id : null);
const statusOf = (ctx: CommandCtx) => {
  const id = nodeOf(ctx);
  return id ? selectNodeStatus(ctx.playback, id) : null;
};
const cutNow = (ctx: CommandCtx) => {
  const id = edgeOf(ctx);
  return id !== null && selectLinkCut(ctx.playback, id);
};

/** A node fault request, for the node the menu is open on. */
const onNode = (make: (node: string, v: number) => InterventionRequest) => (ctx: CommandCtx) => {
  const id = nodeOf(ctx);
  if (id) inject(ctx, make(id, ctx.value ?? 0));
};
const onEdge = (make: (edge: string, v: number) => InterventionRequest) => (ctx: CommandCtx) => {
  const id = edgeOf(ctx);
  if (id) inject(ctx, make(id, ctx.value ?? 0));
};

/** Every command: the keyboard, the help dialog, the buttons and the fault menus read this list. */
export const COMMANDS: readonly Command[] = [
  { name: 'togglePlay', label: 'Play / Pause', group: 'Playback', keys: [{ key: ' ' }], perform: (c) => c.playback.togglePlay() },
  { name: 'stepBack', label: 'Step back one event', group: 'Playback', keys: [{ key: 'ArrowLeft' }], enabled: (c) => c.playback.steps > 0, perform: (c) => c.playback.stepBack() },
  { name: 'step', label: 'Step one event', group: 'Playback', keys: [{ key: 'ArrowRight' }], perform: (c) => c.playback.stepForward() },
  { name: 'restart', label: 'Back to the start', group: 'Playback', keys: [{ key: 'r' }, { key: 'Home' }], perform: (c) => c.playback.restart() },
  { name: 'toEnd', label: 'Jump to the end', group: 'Playback', keys: [{ key: 'End' }], perform: (c) => c.playback.seek(c.playback.untilMs) },
  { name: 'slower', label: 'Slower', group: 'Playback', keys: [{ key: '[' }, { key: '-' }], perform: (c) => c.playback.setSpeed(nextSpeed(c.playback.speed, -1)) },
  { name: 'faster', label: 'Faster', group: 'Playback', keys: [{ key: ']' }, { key: '+' }, { key: '=' }], perform: (c) => c.playback.setSpeed(nextSpeed(c.playback.speed, 1)) },
  {
    name: 'nextViolation',
    label: 'Jump to the next violation',
    group: 'Playback',
    keys: [{ key: 'v' }],
    enabled: (c) => nextViolation(c.playback.timeline, c.playback.steps) !== undefined,
    perform: (c) => {
      const v = nextViolation(c.playback.timeline, c.playback.steps);
      if (v) c.playback.seekStep(v.step + 1);
    },
  },
  {
    name: 'guide',
    label: 'Guided tour of this scenario (on / off)',
    group: 'Playback',
    keys: [{ key: 't' }],
    enabled: (c) => c.playback.guided || !!c.playback.entry?.guide,
    perform: (c) => c.playback.setGuided(!c.playback.guided),
  },
  {
    name: 'guideNext',
    label: 'Guided tour: on to the next moment',
    group: 'Playback',
    keys: [{ key: 'n' }],
    enabled: (c) => c.playback.guided && !c.playback.playing,
    perform: (c) => c.playback.play(),
  },
  {
    name: 'pauseOnViolation',
    label: 'Pause on violation (on / off)',
    group: 'Playback',
    keys: [{ key: 'p' }],
    perform: (c) => c.playback.setPauseOnViolation(!c.playback.pauseOnViolation),
  },

  { name: 'undo', label: 'Undo', group: 'Editing', keys: [{ key: 'z', mod: true, shift: false }], enabled: (c) => c.playback.past.length > 0, perform: (c) => c.playback.undo() },
  {
    name: 'redo',
    label: 'Redo',
    group: 'Editing',
    keys: [
      { key: 'z', mod: true, shift: true },
      { key: 'y', mod: true },
    ],
    enabled: (c) => c.playback.future.length > 0,
    perform: (c) => c.playback.redo(),
  },
  {
    name: 'delete',
    label: 'Delete the selection',
    group: 'Editing',
    keys: [{ key: 'Delete' }, { key: 'Backspace' }],
    enabled: (c) => c.ui.picked.nodes.length + c.ui.picked.edges.length > 0 || !!c.target,
    perform: (c) => {
      const nodes = [...c.ui.picked.nodes];
      const edges = [...c.ui.picked.edges];
      if (c.target?.kind === 'node' && !nodes.includes(c.target.id)) nodes.push(c.target.id);
      if (c.target?.kind === 'edge' && !edges.includes(c.target.id)) edges.push(c.target.id);
      if (nodes.length + edges.length === 0) return;
      const r = c.playback.apply(withoutElements(c.playback.scenario, nodes, edges));
      if (!r.ok) c.ui.notify(p('ui.panels.deleteRefused', { error: r.errors[0] }), 'warn');
    },
  },
  {
    name: 'autoLayout',
    label: 'Auto-layout: clients left, servers right',
    group: 'Editing',
    keys: [{ key: 'l' }],
    enabled: (c) => c.playback.scenario.nodes.length > 1,
    perform: (c) => {
      // An ordinary edit, so undo puts the nodes back; then fit the new arrangement to the screen.
      // The layout engine is fetched the first time (usually prefetched by then).
      void loadLayoutEngine().then(() => {
        const r = c.playback.apply(withAutoLayout(c.playback.scenario));
        if (r.ok) c.ui.requestFit();
      });
    },
  },
  {
    name: 'faultMenu',
    label: 'Fault menu of the focused node or link',
    group: 'Editing',
    keys: [{ key: 'm' }, { key: 'ContextMenu' }, { key: 'F10', shift: true }],
    enabled: (c) => !!(c.target ?? c.ui.selection),
    perform: (c) => {
      const t = c.target ?? c.ui.selection;
      if (!t) return;
      const el = typeof document === 'undefined' ? null : document.querySelector(`.react-flow__${t.kind}[data-id="${CSS.escape(t.id)}"]`);
      const box = el?.getBoundingClientRect();
      c.ui.openMenu({ ...t, x: box ? box.left + box.width / 2 : 80, y: box ? box.top + box.height / 2 : 80 });
    },
  },

  { name: 'gallery', label: 'Open the scenario gallery', group: 'View', keys: [{ key: 'g' }], perform: (c) => c.ui.openDialog('gallery') },
  { name: 'help', label: 'Keyboard shortcuts', group: 'View', keys: [{ key: '?' }], perform: (c) => c.ui.openDialog('help') },
  { name: 'share', label: 'Share a link to this run', group: 'View', keys: [{ key: 's' }], perform: (c) => c.ui.openDialog('share') },
  { name: 'saves', label: 'Saved scenarios, import and export', group: 'View', keys: [{ key: 'o', mod: true }], perform: (c) => c.ui.openDialog('saves') },
  { name: 'hunt', label: 'Hunt for a fault schedule that breaks this scenario', group: 'View', keys: [{ key: 'h' }], perform: (c) => c.ui.openDialog('hunt') },
  { name: 'embed', label: 'Embed this scenario in a page', group: 'View', keys: [{ key: 'e' }], perform: (c) => c.ui.openDialog('embed') },
  { name: 'fitView', label: 'Fit the canvas to the screen', group: 'View', keys: [{ key: 'f' }], perform: (c) => c.ui.requestFit() },
  {
    name: 'editMode',
    label: 'Edit mode: add components (on / off)',
    group: 'View',
    keys: [{ key: 'a' }],
    perform: (c) => {
      // The palette comes out over the canvas's left side (or goes): fit the scenario beside it.
      c.ui.setEditing(!c.ui.editing);
      c.ui.requestFit();
    },
  },
  { name: 'legend', label: 'Legend: what the colours and lines mean (show / hide)', group: 'View', keys: [{ key: 'k' }], perform: (c) => c.ui.setLegend(!c.ui.legend) },
  {
    name: 'sequence',
    label: 'Sequence diagram: messages over time (show / hide)',
    group: 'View',
    keys: [{ key: 'd' }],
    perform: (c) => c.ui.setSequenceOpen(!c.ui.sequenceOpen),
  },
  {
    name: 'sidePanel',
    label: 'Side panel (show / hide)',
    group: 'View',
    keys: [{ key: 'b' }],
    perform: (c) => {
      // The canvas changes width: fit the scenario to its new size.
      c.ui.setPanelFolded(!c.ui.panelFolded);
      c.ui.requestFit();
    },
  },

  { name: 'crash', label: 'Crash', group: 'Node faults', keys: [], menu: 'node', enabled: (c) => statusOf(c) !== 'crashed', perform: onNode((node) => ({ kind: 'crash', node })) },
  { name: 'restartNode', label: 'Restart', group: 'Node faults', keys: [], menu: 'node', enabled: (c) => statusOf(c) === 'crashed', perform: onNode((node) => ({ kind: 'restart', node })) },
  {
    name: 'pauseNode',
    label: 'Pause (GC) for',
    group: 'Node faults',
    keys: [],
    menu: 'node',
    input: { label: 'Pause length', unit: 'ms', initial: 1000, min: 1, max: 600_000, step: 100 },
    enabled: (c) => statusOf(c) !== 'crashed',
    perform: onNode((node, v) => ({ kind: 'pause', node, durationMs: v })),
  },
  {
    name: 'skew',
    label: 'Skew clock by',
    group: 'Node faults',
    keys: [],
    menu: 'node',
    input: { label: 'Clock jump', unit: 'ms', initial: 500, min: -3_600_000, max: 3_600_000, step: 100 },
    perform: onNode((node, v) => ({ kind: 'skew', node, deltaMs: v })),
  },
  { name: 'partition', label: 'Cut the link (partition)', group: 'Link faults', keys: [], menu: 'edge', enabled: (c) => !cutNow(c), perform: onEdge((edge) => ({ kind: 'partition', edge })) },
  { name: 'heal', label: 'Heal the link', group: 'Link faults', keys: [], menu: 'edge', enabled: (c) => cutNow(c), perform: onEdge((edge) => ({ kind: 'heal', edge })) },
  {
    name: 'latency',
    label: 'Add latency',
    group: 'Link faults',
    keys: [],
    menu: 'edge',
    input: { label: 'Extra latency', unit: 'ms', initial: 200, min: 0, max: 600_000, step: 50 },
    perform: onEdge((edge, v) => ({ kind: 'link', edge, extraLatencyMs: v })),
  },
  {
    name: 'loss',
    label: 'Set message loss',
    group: 'Link faults',
    keys: [],
    menu: 'edge',
    input: { label: 'Loss probability', unit: '0–1', initial: 0.3, min: 0, max: 1, step: 0.05 },
    perform: onEdge((edge, v) => ({ kind: 'link', edge, loss: v })),
  },
];

/** The command named `name`. */
export function command(name: string): Command {
  const c = COMMANDS.find((x) => x.name === name);
  if (!c) throw new Error(`no command "${name}"`);
  return c;
}

const KEY_NAMES: Record<string, string> = { ' ': 'Space', ArrowLeft: '←', ArrowRight: '→', Delete: 'Del', Backspace: '⌫', ContextMenu: 'Menu' };

/** How a key is written: "Ctrl+Shift+Z", "Space", "→". */
export function keyLabel(k: KeySpec, mac = false): string {
  const name = KEY_NAMES[k.key] ?? (k.key.length === 1 ? k.key.toUpperCase() : k.key);
  return [k.mod ? (mac ? '⌘' : 'Ctrl') : '', k.shift ? 'Shift' : '', name].filter(Boolean).join('+');
}

/**
 * A command's label in the reader's language (`label` is its English, which tests and logs
 * read). Outside React the formatter is the current language's.
 */
export function commandLabel(c: Pick<Command, 'name'>, f: Formatter = currentFormatter()): string {
  return f.t(`ui.panels.cmd-${c.name}`);
}

/** The label of a command's number input ("Pause length"), in the reader's language. */
export function inputLabel(c: Pick<Command, 'name'>, f: Formatter = currentFormatter()): string {
  return f.t(`ui.panels.input-${c.name}`);
}

/** A group of commands as the help dialog heads it, in the reader's language. */
export function groupLabel(g: CommandGroup, f: Formatter = currentFormatter()): string {
  return f.t(`ui.panels.group-${g}`);
}

/** "Play / Pause (Space)": a command's label with its first key, for tooltips, in the reader's language. */
export function hint(name: string, f: Formatter = currentFormatter()): string {
  const c = command(name);
  const label = commandLabel(c, f);
  return c.keys.length ? f.t('ui.panels.hint', { label, key: keyLabel(c.keys[0]) }) : label;
}

/** Whether a key event is `k`. Letters match either case; symbols ignore Shift (it types them). */
export function matches(k: KeySpec, e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>): boolean {
  if (e.altKey || !!k.mod !== (e.ctrlKey || e.metaKey)) return false;
  const letter = /^[a-z]$/i.test(k.key);
  if (k.shift !== undefined ? k.shift !== e.shiftKey : letter && e.shiftKey) return false;
  return letter ? e.key.toLowerCase() === k.key : e.key === k.key;
}
