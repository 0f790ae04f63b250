import { describe, expect, it } from 'vitest';
import { DEFAULT_ENTRY, DEFAULT_SCENARIO } from './default-scenario';
import { parseScenario } from './parse';

describe('the default scenario, validated ahead of time', () => {
  it('is exactly what parseScenario makes of the default entry', () => {
    expect(parseScenario(DEFAULT_ENTRY.scenario)).toEqual({ ok: true, scenario: DEFAULT_SCENARIO });
  });
});
