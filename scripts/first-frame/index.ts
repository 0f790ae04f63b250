/**
 * `npm run build`'s last step: draws the `/` page's first screen into out/index.html, so the
 * first visit paints the default scenario's canvas before any of the playground's code arrives
 * (components/playground/playground-loader.tsx fetches it after that paint and replaces the frame).
 *
 * The frame is the real playground, rendered by the real components in Chromium at a desktop
 * and a phone size and copied from the DOM once it has settled: the cards, links and panels as
 * measured and laid out by the browser, nothing written by hand that could drift. Each is kept
 * in a <template>; a tiny inline script (chooser.ts) puts in the one that fits the screen, or
 * none. The copy does nothing and is hidden from assistive technology; a click on one of its
 * buttons is queued and passed on to the real button once the playground has replaced it.
 *
 * Without a Chromium (CHROMIUM_PATH, else /usr/bin/chromium) the page is left as Next wrote
 * it: it still works, it just paints the canvas once the playground's code has arrived.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from '@playwright/test';
import { serveStatic } from '../../bench/serve-static';
import { FAR_ZOOM } from '../../components/nodes/far-zoom';
import { FIT_MAX_ZOOM, MIN_ZOOM, ROOM_SHEET, ROOM_WIDE } from '../../components/canvas/fit-room';
import { FIRST_FRAME_ID, QUEUE_KEY, QUEUED_ATTR } from '../../components/playground/first-frame-ids';
import { MINIMAP_MASK } from '../../components/canvas/minimap-mask';
import { LOCALE } from '../../engine/i18n/langs';
import { chooserScript } from './chooser';

const OUT = 'out';
const PAGE = join(OUT, 'index.html');
const IDS = { wide: 'first-frame-wide', narrow: 'first-frame-narrow', frame: FIRST_FRAME_ID, queue: QUEUE_KEY, attr: QUEUED_ATTR };
/** The playground's first fit, which the frame repeats on a canvas of another size. */
const FIT = { wide: ROOM_WIDE, sheet: ROOM_SHEET, minZoom: MIN_ZOOM, maxZoom: FIT_MAX_ZOOM };
const START = '<!--first-frame-->';
const END = '<!--/first-frame-->';
const INJECTED = new RegExp(`${START}[\\s\\S]*?${END}`);
/** The sizes drawn: a laptop (the wide layout, also what the e2e tests and the bench use) and a phone. */
const SIZES = { wide: { width: 1280, height: 800 }, narrow: { width: 390, height: 844 } } as const;

/** One drawn frame: its markup, and the size of the canvas its cards were fitted to. */
type Drawn = { html: string; canvas: { width: number; height: number } };

/** The playground's first screen at `size`, as markup the chooser can clone (its root is the frame). */
async function capture(browser: Browser, url: string, size: { width: number; height: number }, locale = 'en-US'): Promise<Drawn> {
  const context = await browser.newContext({ viewport: size, locale, colorScheme: 'light', reducedMotion: 'reduce' });
  try {
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForFunction(() => window.__sim !== undefined && document.querySelector('.react-flow__edge') !== null);
    // The fit, the measured cards and the idle prefetch settle within a few frames; wait well past them.
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(1000);
    return await page.evaluate(([frameId, queuedAttr]) => {
      const root = document.querySelector('.react-flow')?.closest('.h-dvh');
      if (!root) throw new Error('the playground has no .h-dvh root around its canvas');
      const copy = root.cloneNode(true) as Element;
      // Form state lives in properties, which markup does not carry.
      const live = root.querySelectorAll('option, input');
      copy.querySelectorAll('option, input').forEach((el, i) => {
        const from = live[i] as HTMLOptionElement | HTMLInputElement;
        if (from instanceof HTMLOptionElement) el.toggleAttribute('selected', from.selected);
        else {
          el.toggleAttribute('checked', from.checked);
          el.setAttribute('value', from.value);
        }
      });
      // Test ids stay with the playground: a test must never find (or wait on) the copy. A button's
      // id is kept under another name, so a click on the copy can be passed on to the real one.
      copy.querySelectorAll('[data-testid]').forEach((el) => {
        if (el instanceof HTMLButtonElement) el.setAttribute(queuedAttr, el.dataset.testid!);
        el.removeAttribute('data-testid');
      });
      // Out of the tab order: the copy is not there for the keyboard or screen readers.
      copy.querySelectorAll('button, select, input, a[href], [tabindex]').forEach((el) => el.setAttribute('tabindex', '-1'));
      // Not a <div>: hydrating <body>, React skips elements it does not expect only when their tag
      // differs from the one it looks for, and would take a <div> for its own (error #418).
      const frame = document.createElement('dp-first-frame');
      frame.id = frameId;
      frame.style.display = 'block';
      // Looks like the playground; not read out, disabled for Playwright's actionability checks,
      // "busy" until replaced. A click on a button is queued (chooser.ts, playground-loader.tsx).
      frame.setAttribute('aria-hidden', 'true');
      frame.setAttribute('aria-disabled', 'true');
      frame.setAttribute('aria-busy', 'true');
      frame.style.cursor = 'progress';
      frame.append(copy);
      const canvas = root.querySelector('.react-flow')!.getBoundingClientRect();
      return { html: frame.outerHTML, canvas: { width: canvas.width, height: canvas.height } };
    }, [FIRST_FRAME_ID, QUEUED_ATTR] as const);
  } finally {
    await context.close();
  }
}

/**
 * What turns the English frame into the Chinese one, when the two differ only in text and
 * attributes (which they should: the same components, another catalog): for each node that
 * differs, in document order (a TreeWalker over elements and text, the frame's root being 0),
 * its index, then '' and the new text, or an attribute's name and its new value (null: gone).
 * Null, with the first difference of shape named, when they differ in more than that.
 */
async function translation(browser: Browser, en: string, zh: string): Promise<{ edits: (number | string | null)[] } | { shape: string }> {
  const page = await browser.newPage();
  try {
    return await page.evaluate(([en, zh]) => {
      // No named helpers in here: the TypeScript loader would wrap them in one the page lacks.
      const [a, b] = [en, zh].map((html) => {
        const t = document.createElement('template');
        t.innerHTML = html;
        const w = document.createTreeWalker(t.content.firstElementChild!, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
        const nodes: Node[] = [w.currentNode];
        while (w.nextNode()) nodes.push(w.currentNode);
        return nodes;
      });
      if (a.length !== b.length) return { shape: `${a.length} nodes in English, ${b.length} in Chinese` };
      const edits: (number | string | null)[] = [];
      for (let i = 0; i < a.length; i++) {
        const x = a[i];
        const y = b[i];
        if (x.nodeName !== y.nodeName) return { shape: `node ${i} is <${x.nodeName}> in English, <${y.nodeName}> in Chinese` };
        if (x instanceof Text) {
          if (x.data !== (y as Text).data) edits.push(i, '', (y as Text).data);
          continue;
        }
        const ex = x as Element;
        const ey = y as Element;
        for (const { name, value } of ey.attributes) if (ex.getAttribute(name) !== value) edits.push(i, name, value);
        for (const { name } of ex.attributes) if (!ey.hasAttribute(name)) edits.push(i, name, null);
      }
      return { edits };
    }, [en, zh] as const);
  } finally {
    await page.close();
  }
}

async function main(): Promise<void> {
  const exe = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (!existsSync(exe)) {
    console.warn(`first frame: no Chromium at ${exe} (set CHROMIUM_PATH): ${PAGE} keeps no first frame, so its canvas paints only once the playground's code has arrived.`);
    return;
  }
  // Run again on a page that has one (a second run without a new build), the frame is redrawn.
  const html = readFileSync(PAGE, 'utf8').replace(INJECTED, '');
  const server = await serveStatic(OUT);
  const browser = await chromium.launch({ executablePath: exe, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const wide = await capture(browser, `${server.url}/`, SIZES.wide);
    const narrow = await capture(browser, `${server.url}/`, SIZES.narrow);
    // Chinese readers get the same frame with its texts swapped, not a second copy of the markup.
    const zh = { wide: await translation(browser, wide.html, (await capture(browser, `${server.url}/`, SIZES.wide, 'zh-CN')).html), narrow: await translation(browser, narrow.html, (await capture(browser, `${server.url}/`, SIZES.narrow, 'zh-CN')).html) };
    for (const [size, t] of Object.entries(zh)) if ('shape' in t) console.warn(`first frame: no Chinese ${size} frame, as the Chinese page is not the English one with other words (${t.shape})`);
    const edits = { locale: LOCALE.zh, wide: 'edits' in zh.wide ? zh.wide.edits : null, narrow: 'edits' in zh.narrow ? zh.narrow.edits : null };
    const inject = `${START}<template id="${IDS.wide}">${wide.html}</template><template id="${IDS.narrow}">${narrow.html}</template><script>${chooserScript(IDS, { wide: wide.canvas, narrow: narrow.canvas }, FIT, FAR_ZOOM, MINIMAP_MASK.dark, edits)}</script>${END}`;
    const body = /<body[^>]*>/.exec(html);
    if (!body) throw new Error(`${PAGE} has no <body>`);
    const at = body.index + body[0].length;
    writeFileSync(PAGE, html.slice(0, at) + inject + html.slice(at));
    console.log(`first frame: ${PAGE} draws the first screen (${(wide.html.length / 1000).toFixed(0)} + ${(narrow.html.length / 1000).toFixed(0)} KB of markup)`);
  } finally {
    await browser.close();
    await server.close();
  }
}

await main();
