import { describe, expect, it } from 'vitest';
import { narrateEn } from '../../testing/english';
import type { ModelDef } from '../../core/types';
import { run, type Harness } from '../../testing/harness';
import { ALL_MODELS } from '../../registry/register-all';
import { linked, peer, peerNode } from '../../testing/peer';
import { clientParams } from './params';
import { program } from './model';
import { clientView } from './view';

const MODELS = { ...ALL_MODELS, peer } as Readonly<Record<string, ModelDef<never, unknown>>>;

/** Client `c` running a Redis script against `r`; `x` is a peer that can send c stray messages. */
function world(commands: string[][], extra: Record<string, unknown> = {}, stray: { at: number; msg: { type: string } }[] = []): Harness {
  const params = clientParams.parse({ program: { kind: 'redis-script', target: 'r', commands, intervalMs: 100, ...extra } });
  return run(
    linked(
      [{ id: 'c', type: 'client', params }, { id: 'r', type: 'redis', params: {} }, peerNode('x', 'c', stray)],
      [
        ['c', 'r'],
        ['x', 'c'],
      ],
    ),
    MODELS,
  );
}

const script = (h: Harness) => h.programOf('c', 'redis-script');

describe('client node', () => {
  it('runs its program: each command after the previous reply, and shows the program view', () => {
    const h = world([['SET', 'k', 'v'], ['GET', 'k']]).runUntil(1000);
    expect(h.events('client.reply').map((e) => [e.t, e.argv.join(' '), e.reply])).toEqual([
      [10, 'SET k v', 'OK'],
      [120, 'GET k', 'v'],
    ]);
    expect(clientView(h.stateOf('c', 'client'))).toEqual({ status: 'done', detail: '"v"' });
  });

  it('narrates its program own events and timers through the program', () => {
    const h = world([['SET', 'k', 'v'], ['GET', 'k']]).runUntil(1000);
    expect(narrateEn(h.sim, h.expectEvent('client.reply', { argv: ['GET', 'k'] }))).toBe('c gets "v" for GET k after 10 ms');
    expect(narrateEn(h.sim, h.expectEvent('timer.fire', { node: 'c' }))).toBe('c: next command');
  });

  it('loses its program state in a crash; a restart starts the program from the beginning', () => {
    const h = world([['INCR', 'n'], ['INCR', 'n'], ['INCR', 'n']]).at(50).crash('c').runUntil(400);
    // The crash threw the program's state away: back to its initial state, nothing pending.
    expect(script(h)).toMatchObject({ next: 0, pending: null, done: false });
    h.at(400).restart('c').runUntil(2000);
    // The script runs all three again after the restart; the counter on r (not crashed) goes on.
    expect(h.events('client.reply').map((e) => e.reply)).toEqual([1, 2, 3, 4]);
    expect(script(h)).toMatchObject({ next: 3, done: true });
  });

  it('keeps the same state object when its program ignores a message, so its card does not redraw', () => {
    const h = world([['SET', 'k', 'v']], {}, [{ at: 500, msg: { type: 'junk' } }]).runUntil(499);
    const before = h.sim.node('c').state;
    h.runUntil(1000);
    h.expectEvent('net.deliver', { node: 'c', from: 'x', msg: { type: 'junk' } });
    expect(h.sim.node('c').state).toBe(before);
  });

  it('loops when asked, with the program interval between a reply and the next command', () => {
    const h = world([['INCR', 'n']], { loop: true }).runUntil(1000);
    const replies = h.events('client.reply');
    expect(replies.map((e) => e.reply)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(replies[1].t - replies[0].t).toBe(110);
    expect(clientView(h.stateOf('c', 'client')).status).not.toBe('done');
  });

  it('refuses a program kind that is not loaded, naming it', () => {
    expect(() => program('nope')).toThrow('program kind "nope" is not loaded (engine/registry loads it with the scenario)');
  });
});
