import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_EMBED_OPTIONS, embedHash, embedPath, normaliseOrigin, parseEmbedRequest, playgroundPath, type EmbedOptions } from './embed-options';
import { clampSize, escapeAttribute, iframeSnippet } from './embed-snippet';

describe('parseEmbedRequest', () => {
  it('gives the defaults and the default scenario for an empty address', () => {
    expect(parseEmbedRequest('', '')).toEqual({ source: { kind: 'default' }, options: DEFAULT_EMBED_OPTIONS, problems: [] });
  });

  it('reads every option from the hash', () => {
    const r = parseEmbedRequest('', '#scenario=zk-lock&autoplay=1&t=1500&speed=2&loop=true&controls=minimal&theme=dark&mode=editable&view=both&click=1&allow=https://docs.example.com,http://localhost:8080&lang=zh');
    expect(r.problems).toEqual([]);
    expect(r.source).toEqual({ kind: 'builtin', id: 'zk-lock' });
    expect(r.options).toEqual({
      autoplay: true,
      t: 1500,
      speed: 2,
      loop: true,
      controls: 'minimal',
      theme: 'dark',
      mode: 'editable',
      view: 'both',
      click: true,
      allow: ['https://docs.example.com', 'http://localhost:8080'],
      lang: 'zh',
    });
  });

  it('shows the sequence diagram when asked, and names a view it does not have', () => {
    expect(parseEmbedRequest('', '#view=sequence').options.view).toBe('sequence');
    const r = parseEmbedRequest('', '#view=timeline');
    expect(r.options.view).toBe('canvas');
    expect(r.problems).toEqual(['view: expected canvas, sequence, both, got "timeline"; using the default']);
  });

  it('reads the query too, and the hash wins over it', () => {
    const r = parseEmbedRequest('?controls=none&theme=light', '#theme=dark');
    expect(r.options.controls).toBe('none');
    expect(r.options.theme).toBe('dark');
  });

  it('takes a bare flag as on and 0 as off', () => {
    expect(parseEmbedRequest('', '#autoplay&loop=0').options).toMatchObject({ autoplay: true, loop: false });
  });

  it('names each bad option, keeps its default and still applies the good ones', () => {
    const r = parseEmbedRequest('', '#scenario=zk-lock&speed=fast&controls=tiny&theme=dark&t=-5&autoplay=maybe');
    expect(r.options).toEqual({ ...DEFAULT_EMBED_OPTIONS, theme: 'dark' });
    expect(r.source).toEqual({ kind: 'builtin', id: 'zk-lock' });
    expect(r.problems).toEqual([
      'speed: expected a number from 0.1 to 100, got "fast"; using the default',
      'controls: expected full, minimal, none, got "tiny"; using the default',
      't: expected a time in ms (a number >= 0), got "-5"; using the default',
      'autoplay: expected 1 or 0, got "maybe"; using the default',
    ]);
  });

  it('refuses speeds out of range and NaN-like text', () => {
    for (const raw of ['0', '1000', 'NaN', 'Infinity', '1e3', '']) {
      expect(parseEmbedRequest('', `#speed=${raw}`).problems[0], raw).toMatch(/^speed: /);
    }
  });

  it('lists unknown options once, by name', () => {
    const r = parseEmbedRequest('', '#foo=1&bar=2&controls=none');
    expect(r.options.controls).toBe('none');
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatch(/^unknown options "foo", "bar" ignored \(known: s, scenario, autoplay/);
  });

  it('refuses allowlist entries that are not bare web origins', () => {
    for (const bad of ['docs.example.com', 'javascript:alert(1)', 'https://a.com/path', 'https://u:p@a.com', 'ftp://a.com', '*', 'null']) {
      const r = parseEmbedRequest('', `#allow=${encodeURIComponent(bad)}`);
      expect(r.options.allow, bad).toEqual([]);
      expect(r.problems[0], bad).toMatch(/^allow: /);
    }
    expect(parseEmbedRequest('', '#allow=https://a.com/,https://a.com').options.allow).toEqual(['https://a.com']);
  });

  it('refuses a scenario id that no built-in could have and falls back to the default', () => {
    const r = parseEmbedRequest('', '#scenario=%3Cscript%3E');
    expect(r.source).toEqual({ kind: 'default' });
    expect(r.problems[0]).toMatch(/^scenario: expected the id of a built-in scenario/);
  });

  it('takes a share payload as the source and its t as the start time', () => {
    const r = parseEmbedRequest('', '#s=abc_-&t=250&controls=none');
    expect(r.source).toEqual({ kind: 'share', hash: 's=abc_-' });
    expect(r.options.t).toBe(250);
  });
});

describe('normaliseOrigin', () => {
  it('keeps exact origins only', () => {
    expect(normaliseOrigin('https://docs.example.com')).toBe('https://docs.example.com');
    expect(normaliseOrigin('http://localhost:8080/')).toBe('http://localhost:8080');
    expect(normaliseOrigin('HTTPS://Docs.Example.com')).toBe('https://docs.example.com');
    expect(normaliseOrigin('https://a.com:443')).toBeNull();
    expect(normaliseOrigin('https://a.com?x')).toBeNull();
  });
});

describe('embedHash', () => {
  it('writes only what differs from the defaults', () => {
    expect(embedHash({ kind: 'builtin', id: 'zk-lock' }, {})).toBe('scenario=zk-lock');
    expect(embedHash({ kind: 'builtin', id: 'zk-lock' }, { controls: 'minimal', autoplay: true, t: 1200, allow: ['https://a.com'] })).toBe('scenario=zk-lock&autoplay=1&t=1200&controls=minimal&allow=https://a.com');
    expect(embedHash({ kind: 'share', hash: '#s=abc&t=99' }, { theme: 'dark' })).toBe('s=abc&theme=dark');
    expect(embedHash({ kind: 'builtin', id: 'zk-lock' }, { lang: 'zh' })).toBe('scenario=zk-lock&lang=zh');
  });

  it('reads the language and names a bad one', () => {
    expect(parseEmbedRequest('?lang=zh', '').options.lang).toBe('zh');
    const bad = parseEmbedRequest('', '#lang=fr');
    expect(bad.options.lang).toBeNull();
    expect(bad.problems).toEqual(['lang: expected en, zh, got "fr"; using the default']);
  });

  const options: fc.Arbitrary<EmbedOptions> = fc.record({
    autoplay: fc.boolean(),
    t: fc.option(fc.integer({ min: 0, max: 1e7 }), { nil: null }),
    speed: fc.option(fc.constantFrom(0.1, 0.25, 1, 2.5, 100), { nil: null }),
    loop: fc.boolean(),
    controls: fc.constantFrom('full', 'minimal', 'none'),
    theme: fc.constantFrom('auto', 'light', 'dark'),
    mode: fc.constantFrom('readonly', 'editable'),
    view: fc.constantFrom('canvas', 'sequence', 'both'),
    click: fc.boolean(),
    allow: fc.uniqueArray(fc.constantFrom('https://a.com', 'http://localhost:3000', 'https://docs.example.org:8443'), { maxLength: 3 }),
    lang: fc.constantFrom(null, 'en', 'zh'),
  });

  it('round-trips through parseEmbedRequest without problems', () => {
    fc.assert(
      fc.property(options, fc.constantFrom('zk-lock', 'redis-basics'), (o, id) => {
        const back = parseEmbedRequest('', `#${embedHash({ kind: 'builtin', id }, o)}`);
        expect(back.problems).toEqual([]);
        expect(back.source).toEqual({ kind: 'builtin', id });
        expect(back.options).toEqual(o);
      }),
    );
  });
});

describe('iframeSnippet', () => {
  it('escapes the title and the address, and clamps the size', () => {
    const html = iframeSnippet({ src: 'https://x.org/embed#scenario=zk-lock&controls=none', width: 100, height: 99999, title: 'A "lock" <b>&</b>' });
    expect(html).toContain('src="https://x.org/embed#scenario=zk-lock&amp;controls=none"');
    expect(html).toContain('title="A &quot;lock&quot; &lt;b&gt;&amp;&lt;/b&gt;"');
    expect(html).toContain('width="320" height="4000"');
    expect(html.startsWith('<iframe')).toBe(true);
    expect(html.endsWith('></iframe>')).toBe(true);
  });

  it('escapes every character that could end an attribute', () => {
    expect(escapeAttribute(`'"<>&`)).toBe('&#39;&quot;&lt;&gt;&amp;');
    expect(clampSize(NaN, 240)).toBe(240);
  });
});

describe('playgroundPath and embedPath', () => {
  it('find each other under any sub-path', () => {
    expect(playgroundPath('/embed')).toBe('/');
    expect(playgroundPath('/embed.html')).toBe('/');
    expect(playgroundPath('/docs/embed/')).toBe('/docs/');
    expect(playgroundPath('/elsewhere')).toBe('/');
    expect(embedPath('/')).toBe('/embed');
    expect(embedPath('/index.html')).toBe('/embed');
    expect(embedPath('/docs/')).toBe('/docs/embed');
  });
});
