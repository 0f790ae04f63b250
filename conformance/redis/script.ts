/**
 * The conformance script format, one step per line:
 *
 *   # a comment (whole line)
 *   SET lock tok1 NX PX 5000      a command on the default connection ("main")
 *   @sub SUBSCRIBE ch             a command on another connection, named "sub"
 *   @sub recv                     the next Pub/Sub message that connection got (nil if none)
 *   sleep 150                     wait 150 ms (virtual time in the model, real time on the server)
 *   @w send BLPOP q 5             send a command without waiting for its reply (it may block)...
 *   @w reply                      ...and take that reply here; @w runs nothing in between
 *
 * Arguments are split on spaces; "double quotes" keep spaces, with \" \\ \n \r \t escapes.
 * There are no expected values: the runner compares the model's reply with the real server's,
 * exactly unless the line ends with an expectation after an unquoted `=>`:
 *
 *   HKEYS h => unordered          the same elements in any order (a hash-table order)
 *   HGETALL h => unordered pairs  the same field/value pairs in any order
 *   DBSIZE => one of 100..120 5   each side's reply is one of these (integers, a..b ranges,
 *                                 nil, or strings); the two need not be equal
 *   BLPOP q 0.3 => took ±110      also: the model's virtual duration and the real wall time
 *                                 (send to reply) differ by at most 110 ms
 *
 * Where the real server is nondeterministic (hash order, active expiry sampling, its cron
 * phase), a script states the allowed set this way instead of skipping the check.
 */
export type Alt = { int: bigint } | { from: bigint; to: bigint } | { nil: true } | { str: string };

export type Expect = { kind: 'unordered' } | { kind: 'pairs' } | { kind: 'one-of'; alts: Alt[] } | { kind: 'took'; tolMs: number };

interface Base {
  line: number;
  text: string;
  expect?: Expect;
}

export type Step =
  | (Base & { kind: 'cmd'; conn: string; argv: string[]; send?: true })
  | (Base & { kind: 'reply'; conn: string })
  | (Base & { kind: 'sleep'; ms: number })
  | (Base & { kind: 'recv'; conn: string });

interface Token {
  word: string;
  quoted: boolean;
}

function words(line: string, where: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < line.length) {
    if (/\s/.test(line[i])) {
      i++;
      continue;
    }
    let word = '';
    const quoted = line[i] === '"';
    if (quoted) {
      i++;
      for (;;) {
        if (i >= line.length) throw new Error(`${where}: unterminated quote`);
        const c = line[i++];
        if (c === '"') break;
        if (c === '\\') {
          const e = line[i++];
          word += e === 'n' ? '\n' : e === 'r' ? '\r' : e === 't' ? '\t' : e;
        } else word += c;
      }
      if (i < line.length && !/\s/.test(line[i])) throw new Error(`${where}: expected a space after the closing quote`);
    } else {
      while (i < line.length && !/\s/.test(line[i])) word += line[i++];
    }
    out.push({ word, quoted });
  }
  return out;
}

/** Splits a line into words, honouring double quotes. */
export function tokenize(line: string, where: string): string[] {
  return words(line, where).map((t) => t.word);
}

function parseAlt(t: Token): Alt {
  if (!t.quoted && /^-?\d+\.\.-?\d+$/.test(t.word)) {
    const [from, to] = t.word.split('..').map((x) => BigInt(x));
    return { from, to };
  }
  if (!t.quoted && /^-?\d+$/.test(t.word)) return { int: BigInt(t.word) };
  if (!t.quoted && t.word === 'nil') return { nil: true };
  return { str: t.word };
}

function parseExpect(toks: Token[], where: string): Expect {
  const w = toks.map((t) => t.word);
  if (w.length === 1 && w[0] === 'unordered') return { kind: 'unordered' };
  if (w.length === 2 && w[0] === 'unordered' && w[1] === 'pairs') return { kind: 'pairs' };
  if (w.length >= 3 && w[0] === 'one' && w[1] === 'of') return { kind: 'one-of', alts: toks.slice(2).map(parseAlt) };
  const took = w.length === 2 && w[0] === 'took' ? /^(?:±|\+-)(\d+)$/.exec(w[1]) : null;
  if (took) return { kind: 'took', tolMs: Number(took[1]) };
  throw new Error(`${where}: expected "=> unordered", "=> unordered pairs", "=> one of …" or "=> took ±<ms>"`);
}

/** Parses a script; throws naming the file and line on a malformed step. */
export function parseScript(src: string, file: string): Step[] {
  const steps: Step[] = [];
  const sent = new Set<string>();
  src.split(/\r?\n/).forEach((raw, i) => {
    const text = raw.trim();
    const line = i + 1;
    const where = `${file}:${line}`;
    if (text === '' || text.startsWith('#')) return;
    let toks = words(text, where);
    const arrow = toks.findIndex((t) => t.word === '=>' && !t.quoted);
    const expect = arrow >= 0 ? parseExpect(toks.slice(arrow + 1), where) : undefined;
    if (arrow >= 0) toks = toks.slice(0, arrow);
    let conn = 'main';
    if (toks.length > 0 && toks[0].word.startsWith('@') && !toks[0].quoted) {
      conn = toks[0].word.slice(1);
      if (conn === '') throw new Error(`${where}: expected a connection name after @`);
      toks = toks.slice(1);
    }
    if (toks.length === 0) throw new Error(`${where}: expected a command`);
    const w = toks.map((t) => t.word);
    const keyword = toks[0].quoted ? '' : w[0];
    const base = { line, text, ...(expect ? { expect } : {}) };
    if (sent.has(conn) && keyword !== 'reply') throw new Error(`${where}: @${conn} is waiting for the reply to what it sent ("@${conn} reply" first)`);
    if (expect?.kind === 'took' && (keyword === 'send' || keyword === 'recv')) throw new Error(`${where}: "took" belongs on a command that waits for its reply, or on "reply"`);
    if (keyword === 'sleep') {
      if (conn !== 'main' || w.length !== 2 || !/^\d+$/.test(w[1]) || expect) throw new Error(`${where}: expected "sleep <ms>"`);
      steps.push({ ...base, kind: 'sleep', ms: Number(w[1]) });
    } else if (keyword === 'recv') {
      if (w.length !== 1) throw new Error(`${where}: "recv" takes no arguments`);
      steps.push({ ...base, kind: 'recv', conn });
    } else if (keyword === 'reply') {
      if (w.length !== 1) throw new Error(`${where}: "reply" takes no arguments`);
      if (!sent.delete(conn)) throw new Error(`${where}: @${conn} sent nothing to wait for`);
      steps.push({ ...base, kind: 'reply', conn });
    } else if (keyword === 'send') {
      if (w.length < 2) throw new Error(`${where}: expected "send <command>"`);
      if (/^(p?un)?subscribe$/i.test(w[1])) throw new Error(`${where}: (UN)SUBSCRIBE answers in frames: run it directly, not with send`);
      sent.add(conn);
      steps.push({ ...base, kind: 'cmd', conn, argv: w.slice(1), send: true });
    } else {
      steps.push({ ...base, kind: 'cmd', conn, argv: w });
    }
  });
  if (sent.size > 0) throw new Error(`${file}: ${[...sent].map((c) => `@${c}`).join(', ')} never took the reply to what it sent`);
  return steps;
}
