/**
 * The browser half of `npm run bench`: the built site (`out/`) in headless Chromium, playing a
 * generated 300-node scenario. Prints the time from opening its 100,000-event run to the first
 * painted canvas, frames/s at 1x with about 2,000 messages on the wire, the time a seek across
 * a 1,000,000-event run takes until the next frame is painted, the memory that recorded run
 * holds, and the gzipped first-load JavaScript of `/`, each with its budget (issue #19's).
 */
import { chromium, type Page } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { bigScenario, rateLimitScenario, sequenceScenario, transactionScenario } from './big-scenario';
import { serveStatic } from './serve-static';

const ROOT = join(import.meta.dirname, '..');
const OUT = join(ROOT, 'out');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** The opened run's length: at least 100,000 engine events (100,265; see big-scenario.ts). */
const UNTIL_MS = 25_100;
/** The long run's length: about 1,000,000 engine events. */
const LONG_UNTIL_MS = 245_000;
/** Playback is measured from here, once the wire has filled up. */
const PLAY_FROM_MS = 5_000;
const FPS_WINDOW_MS = 3_000;
const FPS_RUNS = 3;
const SEEKS = 21;
/** First opens of the 300-node run measured, each in a fresh page. */
const OPENS = 3;

const BUDGET = { fps: 58, seqFps: 50, inFlight: 2_000, openMs: 300, seekMs: 33, events: 100_000, longEvents: 1_000_000, memoryMB: 64, firstLoadKB: 200, seqMessages: 10_000 };
/** The sequence diagram's run: about 10,000 messages (see sequenceScenario). */
const SEQ_UNTIL_MS = 20_000;
/** The feature loads' length (see rateLimitScenario, transactionScenario). */
const FEATURE_UNTIL_MS = 20_000;
const FEATURE_SEEKS = 11;

export interface BrowserRow {
  what: string;
  value: number;
  unit: string;
  budget: string;
  ok: boolean;
}

// In-page helpers, as source text: page.evaluate would otherwise serialise functions that the
// TypeScript loader has rewritten (name-keeping wrappers the page does not have).
const IN_PAGE = `
window.__bench = {
  painted() {
    // After the next frame is painted: a task queued from requestAnimationFrame runs after it.
    return new Promise((resolve) => requestAnimationFrame(() => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => resolve();
      ch.port2.postMessage(0);
    }));
  },
  async fps(windowMs) {
    const sim = window.__sim;
    sim.play();
    for (let i = 0; i < 5; i++) await window.__bench.painted();
    const v0 = sim.time();
    let wireMin = Infinity, wireMax = 0, frames = 0, worst = 0;
    const start = performance.now();
    await new Promise((resolve) => {
      let last = start;
      const tick = (ts) => {
        frames++;
        worst = Math.max(worst, ts - last);
        last = ts;
        if (frames % 15 === 1) {
          const n = sim.inFlight().length;
          wireMin = Math.min(wireMin, n);
          wireMax = Math.max(wireMax, n);
        }
        if (ts - start >= windowMs) resolve();
        else requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    const elapsed = performance.now() - start;
    const virtual = sim.time() - v0;
    // Labelled HTML dots, or, on a crowded wire, the dots the shared canvas painted.
    const canvas = document.querySelector('[data-testid="message-canvas"]');
    const dots = document.querySelectorAll('[data-testid="msg-dot"]').length + Number(canvas ? canvas.dataset.drawn : 0);
    const playing = sim.playing();
    sim.pause();
    return { fps: (frames * 1000) / elapsed, worst, wireMin, wireMax, dots, speed: virtual / elapsed, playing };
  },
  frames(windowMs) {
    // Frames painted per second over the window, whatever the page is doing.
    return new Promise((resolve) => {
      let n = 0;
      const t0 = performance.now();
      const tick = () => {
        n++;
        if (performance.now() - t0 < windowMs) requestAnimationFrame(tick);
        else resolve((n * 1000) / (performance.now() - t0));
      };
      requestAnimationFrame(tick);
    });
  },
  async seqFps(windowMs, pan) {
    // Frames/s with the sequence diagram open: playing (it redraws every frame), or paused while
    // its view is dragged along time (a wheel event per frame, as a trackpad sends).
    const sim = window.__sim;
    const canvas = document.querySelector('[data-testid="sequence-canvas"]');
    if (pan) sim.pause(); else sim.play();
    for (let i = 0; i < 5; i++) await window.__bench.painted();
    let frames = 0, worst = 0, drawnMin = Infinity;
    const box = canvas.getBoundingClientRect();
    const start = performance.now();
    await new Promise((resolve) => {
      let last = start;
      const tick = (ts) => {
        frames++;
        worst = Math.max(worst, ts - last);
        last = ts;
        drawnMin = Math.min(drawnMin, Number(canvas.dataset.drawn));
        if (pan) canvas.dispatchEvent(new WheelEvent('wheel', { deltaX: frames % 120 < 60 ? -40 : 40, clientX: box.left + box.width / 2, clientY: box.top + 40, bubbles: true, cancelable: true }));
        if (ts - start >= windowMs) resolve();
        else requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    const elapsed = performance.now() - start;
    sim.pause();
    return { fps: (frames * 1000) / elapsed, worst, drawnMin };
  },
  async open() {
    // Timed in the page, from the call that opens the scenario openTimed placed here to the next
    // painted frame. Handing a 60 KB scenario to page.evaluate as an argument costs Playwright
    // itself about 130 ms (its serialiser, then its parser in the page): the harness's time,
    // not the app's, so it is paid before the clock starts.
    const scenario = window.__benchScenario;
    const t0 = performance.now();
    const errors = await window.__sim.load(scenario);
    await window.__bench.painted();
    return { errors, ms: performance.now() - t0 };
  },
  async seeks(times) {
    const sim = window.__sim;
    sim.pause();
    const out = [];
    for (const t of times) {
      await window.__bench.painted();
      const t0 = performance.now();
      sim.seek(t);
      const t1 = performance.now();
      await window.__bench.painted();
      out.push({ t, engineMs: t1 - t0, totalMs: performance.now() - t0, at: sim.time() });
    }
    return out;
  },
};
`;

interface FpsRun {
  fps: number;
  worst: number;
  wireMin: number;
  wireMax: number;
  dots: number;
  speed: number;
  playing: boolean;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (n: number) => (n >= 1000 ? Math.round(n).toLocaleString('en-US') : n.toFixed(1));

/** Builds the static site when `out/` is missing (an older build is used as it is). */
function ensureBuilt(): boolean {
  if (existsSync(join(OUT, 'index.html'))) return true;
  console.log('No static build in out/: running `npm run build` first (run it yourself after changing the UI).');
  const r = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
  return r.status === 0 && existsSync(join(OUT, 'index.html'));
}

/**
 * Marks, inside the page, the moment the canvas is first painted: one frame after a card is
 * first in the DOM (whether the build's first frame put it there or the playground drew it).
 * A string, not a function: tsx would wrap a function's body in helpers the page lacks.
 */
const PAINT_MARK = `new MutationObserver(function (_, obs) {
  if (!document.querySelector('.react-flow__node')) return;
  obs.disconnect();
  requestAnimationFrame(function () { setTimeout(function () { window.__firstPaintAt = performance.now(); }, 0); });
}).observe(document, { childList: true, subtree: true });`;

/** Opens the playground at `url` and waits until its test hook is up and the network is idle. */
async function loadPlayground(page: Page, url: string): Promise<void> {
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForFunction(() => window.__sim !== undefined);
  await page.waitForLoadState('networkidle');
}

/**
 * The JavaScript the first paint needs: gzipped bytes of every script whose request started
 * before the canvas of a first visit (empty storage, no link in the address) was painted, its
 * cards drawn and a frame shown. Both times are read in the page (resource timing against
 * `PAINT_MARK`): watched from Playwright, a loaded machine noticed the paint only after later
 * requests had gone out, and counted them. Scripts requested after the paint (prefetched on idle,
 * or on demand) are listed apart and do not count; `noModule` polyfills, which a
 * module-supporting browser never downloads, are never requested. Each file is gzipped from
 * `out/` at level 9.
 */
export async function firstLoadJs(page: Page, url: string, outDir = OUT): Promise<{ bytes: number; files: number; listed: string[]; later: string[] }> {
  await page.addInitScript(PAINT_MARK);
  await loadPlayground(page, url);
  await page.waitForFunction(() => (window as { __firstPaintAt?: number }).__firstPaintAt !== undefined);
  // A string, like PAINT_MARK: a named helper inside a function would not survive tsx.
  const { before, after } = await page.evaluate<{ before: string[]; after: string[] }>(`(() => {
    const at = window.__firstPaintAt;
    const js = performance.getEntriesByType('resource').filter((e) => new URL(e.name).pathname.endsWith('.js'));
    return {
      before: js.filter((e) => e.startTime < at).map((e) => new URL(e.name).pathname),
      after: js.filter((e) => e.startTime >= at).map((e) => new URL(e.name).pathname),
    };
  })()`);
  const gz = (src: string) => gzipSync(readFileSync(join(outDir, src.replace(/^\//, ''))), { level: 9 }).length;
  const show = (src: string, n: number) => `${src.replace(/^.*\//, '')} ${(n / 1000).toFixed(1)}`;
  const scripts = new Set(before);
  let bytes = 0;
  const listed: string[] = [];
  for (const src of scripts) {
    const n = gz(src);
    bytes += n;
    listed.push(show(src, n));
  }
  const later = [...new Set(after)].filter((s) => !scripts.has(s)).map((s) => show(s, gz(s)));
  const bySize = (xs: string[]) => xs.sort((a, b) => parseFloat(b.split(' ')[1]) - parseFloat(a.split(' ')[1]));
  return { bytes, files: scripts.size, listed: bySize(listed), later: bySize(later) };
}

/** Opens `scenario` in the page (handed over first, untimed: see `open` in IN_PAGE) and the ms until painted. */
async function openTimed(page: Page, scenario: unknown): Promise<{ errors: string[]; ms: number }> {
  await page.evaluate((s) => {
    (window as { __benchScenario?: unknown }).__benchScenario = s;
  }, scenario);
  return (await page.evaluate('window.__bench.open()')) as { errors: string[]; ms: number };
}

/**
 * The bench scenario opened in a new page of its own (fresh storage, loaded to network idle as
 * the first visit was, the code cold): ms until painted.
 */
async function openInFreshPage(like: Page): Promise<number> {
  const context = await like.context().browser()!.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    await loadPlayground(page, `${new URL(like.url()).origin}/`);
    await page.evaluate(IN_PAGE);
    const { errors, ms } = await openTimed(page, bigScenario(UNTIL_MS));
    if (errors.length > 0) throw new Error(`the bench scenario did not load: ${errors.join('; ')}`);
    return ms;
  } finally {
    await context.close();
  }
}

/** Seek targets spread over the run, each far from the one before (a fixed sequence, so runs compare). */
function seekTargets(n: number, until: number): number[] {
  const out: number[] = [];
  let x = 12345;
  let prev = 0;
  while (out.length < n) {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    const t = Math.round((x / 2 ** 31) * until);
    if (Math.abs(t - prev) < until / 4) continue;
    out.push(t);
    prev = t;
  }
  return out;
}

async function measure(page: Page, js: Awaited<ReturnType<typeof firstLoadJs>>): Promise<{ rows: BrowserRow[]; notes: string[] }> {
  await page.waitForFunction(() => window.__sim !== undefined);
  await page.evaluate(IN_PAGE);
  const { errors, ms: firstOpenMs } = await openTimed(page, bigScenario(UNTIL_MS));
  if (errors.length > 0) throw new Error(`the bench scenario did not load: ${errors.join('; ')}`);
  // One open is one sample of a noisy machine: the others are first opens too, each in a fresh page.
  const opens = [firstOpenMs];
  while (opens.length < OPENS) opens.push(await openInFreshPage(page));
  const loadMs = median(opens);
  // The scenario's nodes, and the cards drawn: from RENDER_VISIBLE_FROM on, only those in view.
  const nodes = await page.evaluate(() => (window.__sim!.scenario() as { nodes: unknown[] }).nodes.length);
  const drawnCards = await page.locator('.react-flow__node').count();
  const events = await page.evaluate((t) => (window.__sim!.seek(t), window.__sim!.steps()), UNTIL_MS);

  const runs: FpsRun[] = [];
  for (let r = 0; r < FPS_RUNS; r++) {
    await page.evaluate((t) => window.__sim!.seek(t), PLAY_FROM_MS);
    runs.push((await page.evaluate(`window.__bench.fps(${FPS_WINDOW_MS})`)) as FpsRun);
  }
  const fps = median(runs.map((r) => r.fps));
  const wireMin = Math.min(...runs.map((r) => r.wireMin));
  // A frame rate only counts if the messages were really moving: the cursor kept pace with the clock.
  const moving = runs.every((r) => r.playing && r.speed > 0.8 && r.speed < 1.2 && r.dots >= BUDGET.inFlight);

  const seeks = (await page.evaluate(`window.__bench.seeks(${JSON.stringify(seekTargets(SEEKS, UNTIL_MS))})`)) as { totalMs: number; engineMs: number }[];
  const seekMs = median(seeks.map((s) => s.totalMs));

  const seq = await sequenceFps(page);
  const hunt = await huntFps(new URL(page.url()).origin, page);

  const long = await longRun(page);
  const features = [
    { name: 'rate limiting (10k requests)', run: await featureRun(page, rateLimitScenario(FEATURE_UNTIL_MS)) },
    { name: 'transactions (TCC, Saga)', run: await featureRun(page, transactionScenario(FEATURE_UNTIL_MS)) },
  ];

  const rows: BrowserRow[] = [
    { what: `open a ${fmt(events)}-event run until painted (median of ${OPENS})`, value: loadMs, unit: 'ms', budget: `<= ${BUDGET.openMs}`, ok: loadMs <= BUDGET.openMs && events >= BUDGET.events },
    { what: `play 1x, ${nodes} nodes (${drawnCards} in view), frames/s (median of ${FPS_RUNS})`, value: fps, unit: 'frames/s', budget: `>= ${BUDGET.fps}`, ok: fps >= BUDGET.fps && moving },
    { what: '  messages in flight while playing (least)', value: wireMin, unit: 'messages', budget: `>= ${BUDGET.inFlight}`, ok: wireMin >= BUDGET.inFlight },
    { what: `seek, median of ${SEEKS}, until painted`, value: long.seekMs, unit: 'ms', budget: `<= ${BUDGET.seekMs}`, ok: long.seekMs <= BUDGET.seekMs },
    { what: '  engine events in the run seeked across', value: long.events, unit: 'events', budget: `>= ${BUDGET.longEvents.toLocaleString('en-US')}`, ok: long.events >= BUDGET.longEvents },
    { what: '  JS heap + array buffers holding that run', value: long.memoryMB, unit: 'MB', budget: `<= ${BUDGET.memoryMB}`, ok: long.memoryMB <= BUDGET.memoryMB },
    { what: `hunting on ${hunt.workers} workers, dialog open, frames/s`, value: hunt.paused, unit: 'frames/s', budget: `>= ${BUDGET.fps}`, ok: hunt.paused >= BUDGET.fps },
    { what: '  and playing 1x behind it, frames/s', value: hunt.playing, unit: 'frames/s', budget: '(reference)', ok: true },
    { what: 'sequence diagram open, playing, frames/s', value: seq.play.fps, unit: 'frames/s', budget: `>= ${BUDGET.seqFps}`, ok: seq.play.fps >= BUDGET.seqFps },
    { what: 'sequence diagram, panning, frames/s', value: seq.pan.fps, unit: 'frames/s', budget: `>= ${BUDGET.seqFps}`, ok: seq.pan.fps >= BUDGET.seqFps },
    { what: '  messages in its run', value: seq.messages, unit: 'messages', budget: `>= ${BUDGET.seqMessages.toLocaleString('en-US')}`, ok: seq.messages >= BUDGET.seqMessages },
    ...features.flatMap(({ name, run }) => [
      { what: `${name}: open ${fmt(run.events)}-event run`, value: run.openMs, unit: 'ms', budget: `<= ${BUDGET.openMs}`, ok: run.openMs <= BUDGET.openMs },
      { what: '  play 1x, frames/s', value: run.fps, unit: 'frames/s', budget: `>= ${BUDGET.fps}`, ok: run.fps >= BUDGET.fps },
      { what: `  seek, median of ${FEATURE_SEEKS}, until painted`, value: run.seekMs, unit: 'ms', budget: `<= ${BUDGET.seekMs}`, ok: run.seekMs <= BUDGET.seekMs },
    ]),
    { what: `first-load JS of /, gzipped (${js.files} files)`, value: js.bytes / 1000, unit: 'KB', budget: `<= ${BUDGET.firstLoadKB}`, ok: js.bytes <= BUDGET.firstLoadKB * 1000 },
  ];
  const notes = [
    `scenario opened and painted in ${opens.map((o) => fmt(o)).join(', ')} ms (the timeline's look-ahead over its ${fmt(events)} events runs after the first paint); ${fmt((events * 1000) / UNTIL_MS)} events per virtual second`,
    `frames/s per run: ${runs.map((r) => fmt(r.fps)).join(', ')}; longest frame ${fmt(Math.max(...runs.map((r) => r.worst)))} ms; ` +
      `virtual ms per real ms ${runs.map((r) => r.speed.toFixed(2)).join(', ')}; dots drawn ${runs.map((r) => r.dots).join(', ')}; in flight ${wireMin}-${Math.max(...runs.map((r) => r.wireMax))}`,
    `seek ms across ${fmt(events)} events (until painted): ${seeks.map((s) => fmt(s.totalMs)).join(', ')}; median ${fmt(seekMs)}`,
    `seek ms across ${fmt(long.events)} events (until painted): ${long.seeks.map((s) => fmt(s)).join(', ')}; memory ${fmt(long.heapMB)} MB JS heap + ${fmt(long.buffersMB)} MB array buffers (${long.baselineMB.toFixed(1)} MB before it was opened, subtracted)`,
    `first-load scripts (requested before the canvas was painted), KB gzipped: ${js.listed.join(', ')}`,
    `scripts fetched after the first paint (idle prefetch, on demand), KB gzipped: ${js.later.join(', ') || 'none'}`,
    ...features.map(({ name, run }) => `${name}: seek ms ${run.seeks.map((x) => fmt(x)).join(', ')}`),
    `sequence diagram: arrows drawn per frame at least ${seq.play.drawnMin} playing (whole run so far in view), ${seq.pan.drawnMin} panning; longest frame ${fmt(seq.play.worst)} ms playing, ${fmt(seq.pan.worst)} ms panning`,
    `seek ms (store and engine only): median ${fmt(median(seeks.map((s) => s.engineMs)))}, worst ${fmt(Math.max(...seeks.map((s) => s.engineMs)))}`,
  ];
  if (!moving) notes.push('MISS: playback did not keep pace with 1x or drew too few messages, so the frame rate does not count.');
  return { rows, notes };
}

/**
 * The long run: about 1,000,000 events recorded (the run to its end once), then seeks across it
 * until painted, and what it holds in memory: JS heap plus array-buffer backing stores (the
 * trace's columns), less what the page held before it was opened, after a full GC each time.
 */
async function longRun(page: Page): Promise<{ events: number; seekMs: number; seeks: number[]; memoryMB: number; heapMB: number; buffersMB: number; baselineMB: number }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.enable');
  const usage = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    const u = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number; backingStorageSize?: number };
    return { heap: u.usedSize / 2 ** 20, buffers: (u.backingStorageSize ?? 0) / 2 ** 20 };
  };
  // The page without a run: the small default scenario.
  const empty = await page.evaluate((s) => window.__sim!.load(s), bigScenario(1000, 1) as unknown);
  if (empty.length > 0) throw new Error(`the bench scenario did not load: ${empty.join('; ')}`);
  const base = await usage();
  const errors = await page.evaluate((s) => window.__sim!.load(s), bigScenario(LONG_UNTIL_MS) as unknown);
  if (errors.length > 0) throw new Error(`the long bench scenario did not load: ${errors.join('; ')}`);
  const events = await page.evaluate((t) => (window.__sim!.seek(t), window.__sim!.steps()), LONG_UNTIL_MS);
  const seeks = (await page.evaluate(`window.__bench.seeks(${JSON.stringify(seekTargets(SEEKS, LONG_UNTIL_MS))})`)) as { totalMs: number }[];
  const after = await usage();
  const heapMB = after.heap - base.heap;
  const buffersMB = after.buffers - base.buffers;
  await cdp.detach();
  return { events, seekMs: median(seeks.map((s) => s.totalMs)), seeks: seeks.map((s) => s.totalMs), memoryMB: heapMB + buffersMB, heapMB, buffersMB, baselineMB: base.heap + base.buffers };
}

/**
 * Frames/s while a hunt runs on every core: gc-pause-fencing-safe (it survives, so the hunt
 * keeps going) with the Hunt dialog open, measured paused and then playing at 1x behind it.
 * Opens a fresh page (the built-in comes from the address) and closes it.
 */
async function huntFps(url: string, page0: Page): Promise<{ paused: number; playing: number; workers: number }> {
  const page = await page0.context().browser()!.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(`${url}/#scenario=gc-pause-fencing-safe`);
  await page.waitForFunction(() => (window.__sim?.scenario() as { id?: string } | undefined)?.id === 'gc-pause-fencing-safe');
  await page.evaluate(IN_PAGE);
  const frames = (ms: number) => page.evaluate(`window.__bench.frames(${ms})`) as Promise<number>;
  await page.getByTestId('open-hunt').click();
  const dialog = page.getByTestId('hunt');
  await dialog.getByTestId('hunt-runs').fill('1000000');
  await dialog.getByTestId('hunt-start').click();
  await dialog.getByTestId('hunt-progress').getByText(/[1-9][\d,]* of 1,000,000 runs/).waitFor();
  const workers = await page.evaluate(() => navigator.hardwareConcurrency);
  const paused: number[] = [];
  for (let r = 0; r < FPS_RUNS; r++) paused.push(await frames(FPS_WINDOW_MS));
  await page.evaluate(() => window.__sim!.play());
  const playing: number[] = [];
  for (let r = 0; r < FPS_RUNS; r++) playing.push(await frames(FPS_WINDOW_MS));
  await page.close();
  return { paused: median(paused), playing: median(playing), workers };
}

interface FeatureRun {
  openMs: number;
  events: number;
  fps: number;
  seekMs: number;
  seeks: number[];
}

/**
 * One of the other issues' features under load (a rate-limiting run with thousands of
 * requests and its rate chart, a run of TCC and Saga transactions with their monitors): opened
 * until painted, played at 1x, and seeked across until painted.
 */
async function featureRun(page: Page, scenario: unknown): Promise<FeatureRun> {
  const { errors, ms: openMs } = await openTimed(page, scenario);
  if (errors.length > 0) throw new Error(`a feature bench scenario did not load: ${errors.join('; ')}`);
  const events = await page.evaluate((t) => (window.__sim!.seek(t), window.__sim!.steps()), FEATURE_UNTIL_MS);
  const runs: number[] = [];
  for (let r = 0; r < FPS_RUNS; r++) {
    await page.evaluate((t) => window.__sim!.seek(t), FEATURE_UNTIL_MS / 4);
    runs.push(((await page.evaluate(`window.__bench.fps(${FPS_WINDOW_MS})`)) as FpsRun).fps);
  }
  const seeks = (await page.evaluate(`window.__bench.seeks(${JSON.stringify(seekTargets(FEATURE_SEEKS, FEATURE_UNTIL_MS))})`)) as { totalMs: number }[];
  return { openMs, events, fps: median(runs), seekMs: median(seeks.map((s) => s.totalMs)), seeks: seeks.map((s) => s.totalMs) };
}

interface SeqRun {
  fps: number;
  worst: number;
  drawnMin: number;
}

/**
 * Frames/s with the sequence diagram open on a run of about 10,000 messages: playing its last
 * seconds with the whole run in view (every arrow drawn each frame), then paused and dragged
 * along time after zooming in. Leaves the diagram closed.
 */
async function sequenceFps(page: Page): Promise<{ play: SeqRun; pan: SeqRun; messages: number }> {
  const errors = await page.evaluate((s) => window.__sim!.load(s), sequenceScenario(SEQ_UNTIL_MS) as unknown);
  if (errors.length > 0) throw new Error(`the sequence bench scenario did not load: ${errors.join('; ')}`);
  await page.evaluate((t) => window.__sim!.seek(t), SEQ_UNTIL_MS - FPS_WINDOW_MS - 500);
  await page.getByTestId('sequence-toggle').click();
  const canvas = page.getByTestId('sequence-canvas');
  await canvas.waitFor();
  await page.getByTestId('sequence-all').click();
  const play = (await page.evaluate(`window.__bench.seqFps(${FPS_WINDOW_MS}, false)`)) as SeqRun;
  // Every message of the run, drawn at once: the cursor at the end, the whole run in view.
  await page.evaluate((t) => window.__sim!.seek(t), SEQ_UNTIL_MS);
  await page.evaluate('window.__bench.painted()');
  const messages = await canvas.evaluate((c) => Number((c as HTMLElement).dataset.drawn));
  // Zoomed in to a few hundred ms, so a drag moves the picture.
  const box = (await canvas.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + 40);
  for (let i = 0; i < 6; i++) await page.mouse.wheel(0, -400);
  const pan = (await page.evaluate(`window.__bench.seqFps(${FPS_WINDOW_MS}, true)`)) as SeqRun;
  await page.getByTestId('sequence-close').click();
  return { play, pan, messages };
}

/**
 * Runs the browser measurements and prints them like the engine part; returns false when a
 * budget was missed or the browser could not run.
 */
export async function browserBench(): Promise<boolean> {
  console.log(`\nBrowser benchmark: the static build in headless Chromium (${CHROMIUM}), 1280x800\n`);
  // Frame rates are wall-clock: other processes on the machine lower them, so say how busy it was.
  const busy = () => `load average ${loadavg()[0].toFixed(2)} on ${cpus().length} cores`;
  const busyBefore = busy();
  if (!existsSync(CHROMIUM)) {
    console.log(`MISS  no Chromium at ${CHROMIUM}: sudo apt-get install -y chromium (or set CHROMIUM_PATH)`);
    return false;
  }
  if (!ensureBuilt()) {
    console.log('MISS  the static build failed; run `npm run build` and look at its output');
    return false;
  }
  const server = await serveStatic(OUT);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    // A first visit: a fresh page, its storage empty, nothing in the address after `/`.
    const js = await firstLoadJs(page, `${server.url}/`);
    const { rows, notes } = await measure(page, js);
    for (const r of rows) {
      console.log(`${r.ok ? 'ok  ' : 'MISS'}  ${r.what.padEnd(46)} ${fmt(r.value).padStart(12)} ${r.unit.padEnd(9)} budget ${r.budget}`);
    }
    console.log(`\n${notes.join('\n')}\n${busyBefore} before, ${busy()} after`);
    if (pageErrors.length > 0) console.log(`\nMISS  page errors: ${pageErrors.join('; ')}`);
    return rows.every((r) => r.ok) && pageErrors.length === 0;
  } finally {
    await browser.close();
    await server.close();
  }
}
