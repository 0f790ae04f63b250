/** The smallest box the embedded player is laid out for. */
export const MIN_EMBED_WIDTH = 320;
export const MIN_EMBED_HEIGHT = 240;

/** What the Embed dialog puts in its snippet. */
export interface SnippetSpec {
  /** Absolute address of the player, hash included. */
  src: string;
  width: number;
  height: number;
  /** The iframe's accessible name (screen readers announce it). */
  title: string;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text made safe for a double-quoted HTML attribute (a scenario title is anybody's text). */
export function escapeAttribute(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/** A size the player can lay out: whole pixels, at least 320 × 240, at most 4000. */
export function clampSize(n: number, min: number): number {
  return Number.isFinite(n) ? Math.min(4000, Math.max(min, Math.round(n))) : min;
}

/**
 * The `<iframe>` a host page pastes. `max-width: 100%` lets it shrink with a narrow column
 * (the player fits any box from 320 × 240 up); lazy loading keeps a long docs page light.
 */
export function iframeSnippet({ src, width, height, title }: SnippetSpec): string {
  const w = clampSize(width, MIN_EMBED_WIDTH);
  const h = clampSize(height, MIN_EMBED_HEIGHT);
  return [
    '<iframe',
    `  src="${escapeAttribute(src)}"`,
    `  title="${escapeAttribute(title)}"`,
    `  width="${w}" height="${h}"`,
    '  style="border: 0; border-radius: 8px; max-width: 100%"',
    '  loading="lazy"',
    '></iframe>',
  ].join('\n');
}
