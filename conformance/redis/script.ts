/**
 * The conformance script format, one step per line:
 *
 *   # a comment (whole line)
 *   SET lock tok1 NX PX 5000      a command on the default connection ("main")
 *   @sub SUBSCRIBE ch             a command on another connection, named "sub"
 *   @sub recv                     the next Pub/Sub message that connection got (nil if none)
 *   sleep 150                     wait 150 ms (virtual time in the model, real time on the server)
 *
 * Arguments are split on spaces; "double quotes" keep spaces, with \" \\ \n \r \t escapes.
 * There are no expectations: the runner compares the model's reply with the real server's.
 */
export type Step =
  | { line: number; text: string; kind: 'cmd'; conn: string; argv: string[] }
  | { line: number; text: string; kind: 'sleep'; ms: number }
  | { line: number; text: string; kind: 'recv'; conn: string };

/** Splits a line into words, honouring double quotes. */
export function tokenize(line: string, where: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < line.length) {
    if (/\s/.test(line[i])) {
      i++;
      continue;
    }
    let word = '';
    if (line[i] === '"') {
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
    out.push(word);
  }
  return out;
}

/** Parses a script; throws naming the file and line on a malformed step. */
export function parseScript(src: string, file: string): Step[] {
  const steps: Step[] = [];
  src.split(/\r?\n/).forEach((raw, i) => {
    const text = raw.trim();
    const line = i + 1;
    const where = `${file}:${line}`;
    if (text === '' || text.startsWith('#')) return;
    let words = tokenize(text, where);
    let conn = 'main';
    if (words[0].startsWith('@')) {
      conn = words[0].slice(1);
      if (conn === '') throw new Error(`${where}: expected a connection name after @`);
      words = words.slice(1);
      if (words.length === 0) throw new Error(`${where}: expected a command after @${conn}`);
    }
    if (words[0] === 'sleep') {
      if (conn !== 'main' || words.length !== 2 || !/^\d+$/.test(words[1])) throw new Error(`${where}: expected "sleep <ms>"`);
      steps.push({ line, text, kind: 'sleep', ms: Number(words[1]) });
    } else if (words[0] === 'recv') {
      if (words.length !== 1) throw new Error(`${where}: "recv" takes no arguments`);
      steps.push({ line, text, kind: 'recv', conn });
    } else {
      steps.push({ line, text, kind: 'cmd', conn, argv: words });
    }
  });
  return steps;
}
