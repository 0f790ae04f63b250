/**
 * Runs `go` once the page has painted what it is rendering now and is idle (or after `timeout`
 * ms of waiting for idle), for work the first paint must not wait on: fetching code ahead of a
 * click, the test hook. Returns a canceller (an effect cleanup).
 */
export function afterPaint(go: () => void, timeout = 3000): () => void {
  let frame = 0;
  let idle = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  // Two frames: React Flow shows the nodes one render after it has measured them.
  frame = requestAnimationFrame(() => {
    frame = requestAnimationFrame(() => {
      frame = 0;
      if (typeof requestIdleCallback === 'function') idle = requestIdleCallback(go, { timeout });
      else timer = setTimeout(go, 200);
    });
  });
  return () => {
    if (frame) cancelAnimationFrame(frame);
    if (idle) cancelIdleCallback(idle);
    if (timer !== undefined) clearTimeout(timer);
  };
}
