'use client';

import { useRef, type PointerEvent } from 'react';

/** How long a finger must rest on an element before its menu opens (ms, real time). */
const HOLD_MS = 550;
/** How far it may wander meanwhile (px): further is a drag or a pan. */
const SLOP = 10;

/**
 * Long-press on touch screens: the gesture phones use for a context menu. Returns pointer
 * handlers for a container; `onLongPress` gets the element pressed, where, and what `begin`
 * returned when the finger came down (the run moves on while it rests).
 */
export function useLongPress<T>(begin: () => T, onLongPress: (target: Element, x: number, y: number, began: T) => void) {
  const pending = useRef<{ timer: ReturnType<typeof setTimeout>; x: number; y: number } | null>(null);
  const cancel = () => {
    if (pending.current) clearTimeout(pending.current.timer);
    pending.current = null;
  };
  return {
    onPointerDown: (e: PointerEvent) => {
      if (e.pointerType !== 'touch') return;
      cancel();
      const { clientX: x, clientY: y } = e;
      const target = e.target as Element;
      const began = begin();
      pending.current = { x, y, timer: setTimeout(() => ((pending.current = null), onLongPress(target, x, y, began)), HOLD_MS) };
    },
    onPointerMove: (e: PointerEvent) => {
      const p = pending.current;
      if (p && Math.hypot(e.clientX - p.x, e.clientY - p.y) > SLOP) cancel();
    },
    onPointerUp: cancel,
    onPointerCancel: cancel,
  };
}
