import { describe, expect, it } from 'vitest';
import { inEnglish } from '../../i18n/english';
import { NODE_KINDS } from '../catalog';
import { attackerModel } from './model';
import { attackerParams } from './params';

describe('attacker', () => {
  it('dropped on the canvas, it replays through a load balancer called lb', () => {
    expect(attackerParams.parse({})).toEqual({ program: { kind: 'token-replay', target: 'lb', intervalMs: 500, tries: 40, timeoutMs: 3000 } });
  });

  it('runs only the token-replay program, and only a client can hand it something to steal', () => {
    expect(attackerParams.safeParse({ program: { kind: 'web-user', target: 'lb' } }).success).toBe(false);
    expect(NODE_KINDS.client.linksTo).toContain('attacker');
    expect(NODE_KINDS.client.linksTo).not.toContain('client');
    expect(attackerModel.type).toBe('attacker');
    expect(inEnglish(attackerModel.describeMessage!({ type: 'stolen.credential', owner: 'alice', cookie: 's-1' } as never))).toBe("a stolen copy of alice's cookie s-1");
  });
});
