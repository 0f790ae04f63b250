import type { Point } from './geometry';

export interface MessageDotProps {
  at: Point;
  text: string;
  /** Travelling from the edge's source to its target (a request) or back (a reply). */
  outbound: boolean;
  lost: boolean;
  /** Show it as lost: once it starts to fall (or at once, when motion is reduced). Until then it looks like any other. */
  revealed: boolean;
  /** 0..1: how far a lost message has fallen off the wire (it fades as it drops). */
  fall: number;
  /** The log pointed out the step that sent it. */
  focused?: boolean;
  /** The label sits above the line for one direction and below for the other, so a request and its reply never cover each other. */
  labelBelow: boolean;
}

/** How far (px) a lost message drops before it is gone. */
const DROP = 36;

/**
 * One message on the wire: a dot on the edge and a short label. Rendered as HTML in React
 * Flow's viewport portal, above the cards (z-index past a selected card's 1000), so the text
 * stays crisp and legible at any zoom and is never hidden by a card the wire passes.
 */
export function MessageDot({ at, text, outbound, lost, revealed, fall, labelBelow, focused }: MessageDotProps) {
  const shown = lost && revealed;
  const dot = shown ? 'bg-red-500' : outbound ? 'bg-wire-out' : 'bg-wire-back';
  const pill = shown
    ? 'border-red-300 text-red-700 dark:border-red-800 dark:text-red-300'
    : outbound
      ? 'border-blue-200 text-blue-800 dark:border-blue-800 dark:text-blue-200'
      : 'border-emerald-200 text-emerald-800 dark:border-emerald-800 dark:text-emerald-200';
  return (
    <div
      data-testid="msg-dot"
      data-direction={outbound ? 'out' : 'back'}
      data-lost={lost || undefined}
      data-fall={lost ? fall.toFixed(2) : undefined}
      data-focused={focused || undefined}
      className={`nodrag nopan pointer-events-none absolute top-0 left-0 z-[1101] h-3.5 w-3.5 rounded-full shadow ${focused ? 'ring-4 ring-indigo-400' : 'ring-2 ring-white dark:ring-slate-950'} ${dot}`}
      // The dot's centre sits on the point; it is 14 px wide. A lost one drops and turns as it fades.
      style={{
        transform: `translate(${at.x - 7}px, ${at.y - 7 + fall * fall * DROP}px)${fall > 0 ? ` rotate(${fall * 25}deg)` : ''}`,
        opacity: 1 - fall,
      }}
    >
      <span
        className={`absolute left-1/2 -translate-x-1/2 rounded-md border bg-white/95 px-1.5 py-0.5 font-mono text-[10px] leading-tight whitespace-nowrap shadow-sm dark:bg-slate-900/95 ${pill} ${labelBelow ? 'top-5' : 'bottom-5'}`}
      >
        {shown && <span aria-hidden>✕ </span>}
        <span className={shown ? 'line-through' : ''}>{text}</span>
      </span>
    </div>
  );
}

/** How many fading marks a moving message leaves behind it, and how far apart (px along its wire). */
export const TRAIL_MARKS = 5;
export const TRAIL_STEP = 6;

/** The dot's radius (px): its box is 14 px wide. */
const DOT_R = 7;

/**
 * The fading marks behind a moving message, as the shadows of one circle the dot's size: a
 * shadow `dx dy 0 spread` is that circle moved by (dx, dy) and grown by `spread`. Mark `i` lies
 * at `points[i]`, smaller and fainter the further back, in the wire's direction colour.
 */
export function trailShadow(at: Point, points: readonly Point[], outbound: boolean): string {
  const colour = outbound ? 'var(--color-wire-out)' : 'var(--color-wire-back)';
  return points
    .map((p, i) => {
      const r = 5 - (i * 3) / TRAIL_MARKS;
      const alpha = Math.round(45 * (1 - i / TRAIL_MARKS));
      return `${(p.x - at.x).toFixed(1)}px ${(p.y - at.y).toFixed(1)}px 0 ${(r - DOT_R).toFixed(1)}px color-mix(in srgb, ${colour} ${alpha}%, transparent)`;
    })
    .join(', ');
}

/**
 * The short fading trail behind a moving message, so the eye sees which way it goes and where
 * it came from: one element under the dot, its marks drawn as shadows (trailShadow). Five
 * elements a message, each moved on every frame, cost more to restyle, lay out and paint than
 * the rest of the wire.
 */
export function MessageTrail({ at, points, outbound }: { at: Point; points: readonly Point[]; outbound: boolean }) {
  if (points.length === 0) return null;
  return (
    <div
      aria-hidden
      data-testid="msg-trail"
      data-marks={points.length}
      className="pointer-events-none absolute top-0 left-0 z-[1100] h-3.5 w-3.5 rounded-full"
      style={{ transform: `translate(${at.x - DOT_R}px, ${at.y - DOT_R}px)`, boxShadow: trailShadow(at, points, outbound) }}
    />
  );
}
