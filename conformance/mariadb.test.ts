import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ModelDb } from './mariadb/model-side';
import { formatResult, mariadbScripts, modelTables } from './mariadb/run';
import { parseMariadbScript } from './mariadb/script';
import type { DbStmt } from '../engine/clients/sql/messages';

// Model-only: every MariaDB conformance script parses, runs on the model, and the model gives
// what the script's `=>` lines state. The comparison with a real MariaDB is `npm run conformance`.
describe('mariadb conformance scripts (model only)', () => {
  const files = mariadbScripts();
  it('exist', () => expect(files.length).toBeGreaterThanOrEqual(20));
  for (const f of files) {
    it(f.split('/').pop()!, () => {
      const script = parseMariadbScript(fs.readFileSync(f, 'utf8'), f);
      const m = new ModelDb(modelTables(script), 1000);
      const sent = new Map<string, DbStmt>();
      const early = new Map<string, ReturnType<ModelDb['call']>>();
      for (const step of script.steps) {
        let got: string | null = null;
        if (step.kind === 'sleep') m.advance(step.ms);
        else if (step.kind === 'close') m.close(step.session);
        else if (step.kind === 'restart') m.restart();
        else if (step.kind === 'reply') got = formatResult(sent.get(step.session)!, early.get(step.session) ?? m.runUntilResult(step.session));
        else if (step.send) {
          sent.set(step.session, step.stmt);
          early.set(step.session, m.call(step.session, step.stmt));
        } else got = formatResult(step.stmt, m.call(step.session, step.stmt) ?? m.runUntilResult(step.session));
        if (got !== null && step.expect !== null) expect(got, `${f}:${step.line}`).toMatch(new RegExp(`^${step.expect.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
      }
    });
  }
});
