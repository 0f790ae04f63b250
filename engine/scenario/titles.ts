/** The title of a scenario whose file gives none (the UI shows it in the reader's language). */
export const UNTITLED = 'Untitled scenario';

/** The title a blank scenario starts with (the UI shows it in the reader's language until it is changed). */
export const BLANK_TITLE = 'Blank scenario';
