import { SHEET_PEEK_PX } from '../panels/side-panel';

/** Room (px) a fit leaves around the cards: top, right, bottom, left. */
export type Room = readonly [number, number, number, number];

/** Room for the toolbars that float over a wide canvas. */
export const ROOM_WIDE: Room = [64, 48, 120, 48];
/** A narrow canvas beside the panel (a tall window, not a phone). */
export const ROOM_NARROW: Room = [64, 20, 40, 20];
/** On a phone the panel is a sheet over the canvas's lower part: fit the scenario above it. */
export const ROOM_SHEET: Room = [64, 20, SHEET_PEEK_PX + 16, 20];
/** Beyond this a fit does not zoom in, however few the cards. */
export const FIT_MAX_ZOOM = 1.4;
/** Nor out beyond this. */
export const MIN_ZOOM = 0.25;
