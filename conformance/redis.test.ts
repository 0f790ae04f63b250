import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ModelServer } from './redis/model-side';
import { redisScripts } from './redis/run';
import { parseScript } from './redis/script';

// Model-only: every conformance script parses and runs on the model without throwing. The
// comparison with a real redis-server is `npm run conformance`.
describe('redis conformance scripts (model only)', () => {
  const files = redisScripts();
  it('exist', () => expect(files.length).toBeGreaterThanOrEqual(20));
  for (const f of files) {
    it(f.split('/').pop()!, () => {
      const m = new ModelServer(1_700_000_000_000);
      const held = new Set<string>();
      for (const step of parseScript(fs.readFileSync(f, 'utf8'), f)) {
        if (step.kind === 'sleep') m.advance(step.ms);
        else if (step.kind === 'recv') m.recv(step.conn);
        else if (step.kind === 'reply') {
          if (held.delete(step.conn)) m.runUntilReply(step.conn);
        } else if (m.call(step.conn, step.argv) === undefined) {
          // A blocking pop the model holds: a later `reply` takes it, or it waits for its timeout.
          if (step.send) held.add(step.conn);
          else m.runUntilReply(step.conn);
        }
      }
    });
  }
});
