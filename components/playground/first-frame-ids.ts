/**
 * Names the build's first frame (scripts/first-frame/) and the playground's loader share: the
 * frame's element id, the window property where what the visitor did on it waits (clicks on
 * its buttons, keys pressed), and the attribute that carries a frame button's test id (so a
 * queued click finds the real button).
 */
export const FIRST_FRAME_ID = 'first-frame';
export const QUEUE_KEY = '__firstFrameInput';
export const QUEUED_ATTR = 'data-frame-button';
