import type { Point } from './geometry';

export interface MessageDotProps {
  at: Point;
  text: string;
  /** Travelling from the edge's source to its target (a request) or back (a reply). */
  outbound: boolean;
  lost: boolean;
  /** The label sits above the line for one direction and below for the other, so a request and its reply never cover each other. */
  labelBelow: boolean;
}

/**
 * One message on the wire: a dot on the edge and a short label. Rendered as HTML in React
 * Flow's edge-label layer so the text stays crisp and legible at any zoom.
 */
export function MessageDot({ at, text, outbound, lost, labelBelow }: MessageDotProps) {
  const dot = lost ? 'bg-red-500' : outbound ? 'bg-wire-out' : 'bg-wire-back';
  const pill = lost
    ? 'border-red-300 text-red-700 line-through dark:border-red-800 dark:text-red-300'
    : outbound
      ? 'border-blue-200 text-blue-800 dark:border-blue-800 dark:text-blue-200'
      : 'border-emerald-200 text-emerald-800 dark:border-emerald-800 dark:text-emerald-200';
  return (
    <div
      data-testid="msg-dot"
      data-direction={outbound ? 'out' : 'back'}
      data-lost={lost || undefined}
      className={`nodrag nopan pointer-events-none absolute top-0 left-0 h-3.5 w-3.5 rounded-full shadow ring-2 ring-white dark:ring-slate-950 ${dot}`}
      // The dot's centre sits on the point; it is 14 px wide.
      style={{ transform: `translate(${at.x - 7}px, ${at.y - 7}px)` }}
    >
      <span
        className={`absolute left-1/2 -translate-x-1/2 rounded-md border bg-white/95 px-1.5 py-0.5 font-mono text-[10px] leading-tight whitespace-nowrap shadow-sm dark:bg-slate-900/95 ${pill} ${labelBelow ? 'top-5' : 'bottom-5'}`}
      >
        {text}
      </span>
    </div>
  );
}
