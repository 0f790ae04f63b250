import type { UiState } from './ui-store';

// Selectors of the UI store, kept outside components (stable identity, one place to read).

export const selectSelection = (s: UiState) => s.selection;
export const selectMenu = (s: UiState) => s.menu;
export const selectDialog = (s: UiState) => s.dialog;
export const selectTab = (s: UiState) => s.tab;
export const selectNotices = (s: UiState) => s.notices;
export const selectFitRequest = (s: UiState) => s.fitRequest;
export const selectEditing = (s: UiState) => s.editing;
export const selectPanelFolded = (s: UiState) => s.panelFolded;
export const selectLegend = (s: UiState) => s.legend;

/** The UI actions (stable functions). */
export const selectUiActions = (s: UiState) => ({
  select: s.select,
  openMenu: s.openMenu,
  closeMenu: s.closeMenu,
  openDialog: s.openDialog,
  setTab: s.setTab,
  notify: s.notify,
  dismiss: s.dismiss,
});

/** What is pointed out now: what the pointer rests on (log or diagram), else what was chosen in the log. */
export const selectPointed = (s: UiState) => s.hover ?? s.focus;

/** Whether the log or the diagram points out node `id`. */
export const selectNodeFocused = (s: UiState, id: string) => selectPointed(s)?.nodes.includes(id) ?? false;

/** Whether the log or the diagram points out link `id`. */
export const selectLinkFocused = (s: UiState, id: string) => selectPointed(s)?.links.includes(id) ?? false;

/** When the pointed-out step happened (the messages it sent are highlighted), or null. */
export const selectFocusSend = (s: UiState) => selectPointed(s)?.t ?? null;

/** The parameters being typed into the inspector for node `id`, or null. */
export const selectDraftOf = (s: UiState, id: string) => (s.draft?.id === id ? s.draft.params : null);
