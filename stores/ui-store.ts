import { createStore, type StoreApi } from 'zustand/vanilla';
import { LOG_KINDS, type LogKind } from './log-groups';
import type { Say } from '@/engine/core/phrase';

/** A node or an edge of the canvas. */
export interface ElementRef {
  kind: 'node' | 'edge';
  id: string;
}

/** Where a fault menu is open: for which element, at which screen point. */
export interface MenuAt extends ElementRef {
  x: number;
  y: number;
  /** When a fault chosen there lands, if not the cursor's time (a long press began earlier). */
  at?: number;
}

/** A short message shown over the canvas (a refused link, a branched run). */
export interface Notice {
  id: number;
  /** A phrase (rendered in the reader's language) or verbatim text. */
  text: Say;
  tone: 'info' | 'warn';
}

/** What the log asked the canvas to point out: shown while the cursor stays on that step. */
export interface Focus {
  step: number;
  /** Virtual time of that step: messages sent then are pointed out too. */
  t: number;
  nodes: readonly string[];
  links: readonly string[];
}

export type PanelTab = 'log' | 'inspect' | 'faults' | 'metrics' | 'about';
export type Dialog = 'help' | 'gallery' | 'share' | 'saves' | 'embed' | 'hunt' | null;

/** State of the page around the player: selection, menus, dialogs, filters, notices. */
export interface UiState {
  /** The one element the inspector shows (a single selection). */
  selection: ElementRef | null;
  /** Everything selected on the canvas (what Delete removes). */
  picked: { nodes: readonly string[]; edges: readonly string[] };
  menu: MenuAt | null;
  dialog: Dialog;
  tab: PanelTab;
  notices: readonly Notice[];
  logNode: string | null;
  logKinds: ReadonlySet<LogKind>;
  focus: Focus | null;
  /** Bumped to ask the canvas to fit the view. */
  fitRequest: number;
  /** Bumped to ask the canvas to add a node of a type at its centre. */
  addRequest: { type: string; n: number } | null;
  /** Edit mode: the component palette is out (watching needs the room). */
  editing: boolean;
  /** The side panel is folded away (wide screens), giving the canvas the width. */
  panelFolded: boolean;
  /** The legend (what the canvas's colours and lines mean) is open. */
  legend: boolean;
  /** The sequence diagram is open (under the canvas; on a phone, in the canvas's place). */
  sequenceOpen: boolean;
  /** Trace index of the violation whose causal chain the diagram shows, or null. */
  chainOf: number | null;
  /**
   * What the pointer rests on in the log or the diagram, pointed out everywhere like `focus`
   * (which it outranks while it lasts) without moving the cursor.
   */
  hover: Focus | null;
  /** The diagram's lifelines: node ids in the order asked for (the rest follow in the run's order), and the hidden ones. */
  lifelines: Lifelines;
  /** Parameters being typed into the inspector, not applied yet: the card's warnings follow them. */
  draft: { id: string; params: Record<string, unknown> } | null;

  select(ref: ElementRef | null): void;
  /** The canvas selection changed. */
  pick(nodes: readonly string[], edges: readonly string[]): void;
  openMenu(menu: MenuAt): void;
  closeMenu(): void;
  openDialog(d: Dialog): void;
  setTab(tab: PanelTab): void;
  notify(text: Say, tone?: Notice['tone']): void;
  dismiss(id: number): void;
  setLogNode(node: string | null): void;
  toggleLogKind(kind: LogKind): void;
  setFocus(focus: Focus | null): void;
  requestFit(): void;
  requestAdd(type: string): void;
  setEditing(on: boolean): void;
  setPanelFolded(folded: boolean): void;
  setLegend(open: boolean): void;
  setSequenceOpen(open: boolean): void;
  /** Shows the causal chain of the violation at trace index `v` (null: none); opens the diagram. */
  setChainOf(v: number | null): void;
  setHover(hover: Focus | null): void;
  setLifelines(lifelines: Lifelines): void;
  setDraft(draft: UiState['draft']): void;
}

/** The sequence diagram's rows: an order (node ids) and the hidden ones. */
export interface Lifelines {
  order: readonly string[];
  hidden: readonly string[];
}

export type UiStore = StoreApi<UiState>;

/** Notices shown at once; older ones make room. */
const MAX_NOTICES = 3;

/** Creates the UI store for one player. */
export function createUiStore(): UiStore {
  let nextId = 1;
  return createStore<UiState>()((set, get) => ({
    selection: null,
    picked: { nodes: [], edges: [] },
    menu: null,
    dialog: null,
    tab: 'log',
    notices: [],
    logNode: null,
    logKinds: new Set(LOG_KINDS),
    focus: null,
    fitRequest: 0,
    addRequest: null,
    editing: false,
    panelFolded: false,
    legend: false,
    sequenceOpen: false,
    chainOf: null,
    hover: null,
    lifelines: { order: [], hidden: [] },
    draft: null,

    select(ref) {
      const cur = get().selection;
      if (cur?.kind === ref?.kind && cur?.id === ref?.id) return;
      set(ref ? { selection: ref, tab: 'inspect' } : { selection: null, tab: get().tab === 'inspect' ? 'log' : get().tab });
    },
    pick(nodes, edges) {
      set({ picked: { nodes, edges } });
      get().select(nodes.length + edges.length !== 1 ? null : nodes.length ? { kind: 'node', id: nodes[0] } : { kind: 'edge', id: edges[0] });
    },
    openMenu(menu) {
      set({ menu });
    },
    closeMenu() {
      set({ menu: null });
    },
    openDialog(dialog) {
      set({ dialog, menu: null });
    },
    setTab(tab) {
      set({ tab });
    },
    notify(text, tone = 'info') {
      set({ notices: [...get().notices, { id: nextId++, text, tone }].slice(-MAX_NOTICES) });
    },
    dismiss(id) {
      set({ notices: get().notices.filter((n) => n.id !== id) });
    },
    setLogNode(logNode) {
      set({ logNode });
    },
    toggleLogKind(kind) {
      const next = new Set(get().logKinds);
      if (next.has(kind)) next.delete(kind);
      else next.add(kind);
      set({ logKinds: next });
    },
    setFocus(focus) {
      set({ focus });
    },
    requestFit() {
      set({ fitRequest: get().fitRequest + 1 });
    },
    requestAdd(type) {
      set({ addRequest: { type, n: (get().addRequest?.n ?? 0) + 1 } });
    },
    setEditing(editing) {
      set({ editing });
    },
    setPanelFolded(panelFolded) {
      set({ panelFolded });
    },
    setLegend(legend) {
      set({ legend });
    },
    setSequenceOpen(sequenceOpen) {
      set({ sequenceOpen });
    },
    setChainOf(chainOf) {
      set(chainOf === null ? { chainOf } : { chainOf, sequenceOpen: true });
    },
    setHover(hover) {
      const cur = get().hover;
      if (cur === hover || (cur && hover && cur.step === hover.step && cur.t === hover.t && cur.nodes.join() === hover.nodes.join())) return;
      set({ hover });
    },
    setLifelines(lifelines) {
      set({ lifelines });
    },
    setDraft(draft) {
      if (draft !== get().draft) set({ draft });
    },
  }));
}
