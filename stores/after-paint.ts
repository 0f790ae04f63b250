/** Queues `task` to run later; returns a function that takes it off the queue. */
export type Schedule = (task: () => void) => () => void;

/**
 * Runs `task` as a macrotask of its own, so the browser handles input and paints between two of
 * them (a MessageChannel message: setTimeout(0) is clamped to 4 ms once nested).
 */
export const nextTask: Schedule = (task) => {
  if (typeof MessageChannel === 'undefined') {
    const id = setTimeout(task, 0);
    return () => clearTimeout(id);
  }
  const ch = new MessageChannel();
  let live = true;
  ch.port1.onmessage = () => {
    ch.port1.close();
    if (live) task();
  };
  ch.port2.postMessage(null);
  return () => {
    live = false;
    ch.port1.close();
  };
};

/**
 * Runs `then` two frames from now, once the next frame has shown what is rendered now (React
 * Flow shows the nodes one render after it has measured them); `then` returns its own canceller.
 * Where nothing paints, it runs as the next task.
 */
function afterTwoFrames(then: () => () => void): () => void {
  if (typeof requestAnimationFrame === 'undefined') return nextTask(() => void then());
  let cancelThen: (() => void) | null = null;
  let frame = requestAnimationFrame(() => {
    frame = requestAnimationFrame(() => {
      frame = 0;
      cancelThen = then();
    });
  });
  return () => {
    if (frame) cancelAnimationFrame(frame);
    cancelThen?.();
  };
}

/**
 * Runs `task` as the next task after the next paint: the frame shows what was just rendered, and
 * whatever waits for that paint (a task queued from its requestAnimationFrame callbacks) comes first.
 */
export const afterPaint: Schedule = (task) => afterTwoFrames(() => nextTask(task));

/**
 * Runs `go` once the page has painted what it is rendering now and is idle (or after `timeout`
 * ms of waiting for idle), for work the first paint must not wait on: fetching code ahead of a
 * click, the test hook. Returns a canceller (an effect cleanup).
 */
export function idleAfterPaint(go: () => void, timeout = 3000): () => void {
  return afterTwoFrames(() => {
    if (typeof requestIdleCallback === 'function') {
      const idle = requestIdleCallback(go, { timeout });
      return () => cancelIdleCallback(idle);
    }
    const timer = setTimeout(go, 200);
    return () => clearTimeout(timer);
  });
}
