import { defineGuide } from '../guide';
import { clientNode, link } from './lock-helpers';
import type { BuiltinScenario } from './types';

const WATCHERS = ['s1', 's2', 's3'];

/**
 * Value vN is the znode's data version N. v1 and v2 leave the admin 5 ms apart (a deploy script
 * that writes twice): v2 is applied before any watcher's re-read can reach ZooKeeper. v3 and v4
 * come slowly.
 */
const CHANGES = [
  { atMs: 1000, value: 'v1' },
  { atMs: 1005, value: 'v2' },
  { atMs: 2500, value: 'v3' },
  { atMs: 3000, value: 'v4' },
];

/** Left to right: the admin writes, ZooKeeper notifies, the services read. */
function configWatch(persistent: boolean): BuiltinScenario['scenario'] {
  const id = persistent ? 'config-watch-persistent' : 'config-watch';
  return {
    version: 1,
    id,
    title: persistent ? 'Config watch, persistent: every change is notified' : 'Config watch: one-shot watches miss a change that lands before they re-arm',
    seed: 3,
    nodes: [
      clientNode('admin', 0, 250, { kind: 'config-admin', target: 'zk', path: '/config/app', initial: 'v0', changes: CHANGES }),
      { id: 'zk', type: 'zookeeper', label: 'zookeeper', position: { x: 400, y: 190 }, params: {} },
      ...WATCHERS.map((w, i) =>
        clientNode(w, 860, i * 250, { kind: 'config-watcher', target: 'zk', path: '/config/app', mode: persistent ? 'persistent' : 'one-shot', startDelayMs: 300 + i * 50 }),
      ),
    ],
    edges: [link('admin', 'zk'), ...WATCHERS.map((w) => link('zk', w))],
    monitors: ['every-change-notified'],
    interventions: [],
    playback: { startMs: 0, speed: 0.5, untilMs: 4000 },
  };
}

export const configWatchOneShot: BuiltinScenario = {
  id: 'config-watch',
  topic: 'watch',
  title: 'Config watch: one-shot watches miss a change that lands before they re-arm',
  description:
    'Single-server mode (one ZooKeeper server). Three services keep their settings in the znode /config/app (value vN is data version N) and follow it with classic one-shot watches: on each notification they call getData(watch = true), which reads the new value and re-arms the watch. The admin writes v1 and, 5 ms later, v2; then v3 and v4 half a second apart.',
  watchFor:
    'At about 1 s every service is told NodeDataChanged for v1 and its watch is spent; v2 lands on the server before any re-read gets there, so no event is ever sent for it: every-change-notified fails for s1, s2 and s3 (watch.missed = 3). Their re-reads return v2, so they end up current, but they had one event for two changes and never saw v1. v3 and v4 are notified normally: 9 events for 4 changes × 3 services.',
  tryThis: [
    { text: 'Open config-watch-persistent, or set mode to persistent on every service: the watch stays armed and each of the 4 changes reaches each service (12 events).', change: { open: 'config-watch-persistent' } },
    { text: 'Pause s2 for 1000 ms at 2505 ms, as v3 is written: its notification waits out the pause, and v4 lands while s2’s watch is spent — a slow watcher falls into the same gap as a burst.', change: { add: [{ at: 2505, kind: 'pause', node: 's2', durationMs: 1000 }] } },
    { text: 'Move v2 to 1200 ms: the re-reads reach ZooKeeper first and every change gets its own event.' },
  ],
  guide: defineGuide(
    [
      { id: 'armed', on: { type: 'config.read', node: 's1' } },
      { id: 'fired', on: { type: 'zk.watch.fired', node: 'zk' } },
      { id: 'missed', on: { type: 'invariant.violation', fields: { monitor: 'every-change-notified' } } },
      { id: 'reread', on: { type: 'config.notify', node: 's1' } },
      { id: 'caughtUp', on: { type: 'config.read', node: 's1' } },
      { id: 'later', on: { type: 'config.notify', node: 's1' } },
    ],
    {
      en: {
        armed: 's1 reads the config and leaves a one-shot watch on it.',
        fired: 'v1 is written: each watch fires once, and is spent.',
        missed: 'v2 lands 6 ms later, before any service has re-armed: nobody is told about it.',
        reread: 's1 hears of the change; the event carries no data, so it reads again.',
        caughtUp: 's1 reads v2 and re-arms: it is current, but it never saw v1, and got one event for two changes.',
        later: 'v3 comes slowly enough: the re-armed watch fires as it should.',
      },
    },
  ),
  scenario: configWatch(false),
};

export const configWatchPersistent: BuiltinScenario = {
  id: 'config-watch-persistent',
  topic: 'watch',
  title: 'Config watch, persistent: every change is notified',
  description:
    'Single-server mode (one ZooKeeper server). The same services and the same quick double write, but each service registers a persistent watch (addWatch, ZooKeeper 3.6+) once and re-reads without a watch. The watch is never spent, so nothing can fall between a notification and a re-arm.',
  watchFor:
    'Each service gets two NodeDataChanged events at about 1 s, one for v1 and one for v2: 12 events for 4 changes, watch.missed = 0, no violation. The events carry no data, so the read after the first may already return v2: a persistent watch promises one event per change, not every intermediate value.',
  tryThis: [
    { text: 'Set rereadWatch to true on s1: in ZooKeeper 3.8 the last watch set on a path wins, so its getData(watch = true) quietly turns the persistent watch into a one-shot one, and s1 misses v2.', change: { program: { s1: { rereadWatch: true } } } },
    { text: 'Pause s2 for 1000 ms at 2505 ms: its events wait for it and arrive after the pause, none missed.', change: { add: [{ at: 2505, kind: 'pause', node: 's2', durationMs: 1000 }] } },
    {
      text: 'Cut s1 off for 5 s at 1.3 s: v3 and v4 wait in ZooKeeper’s send buffer, s1’s read timeout (4 s) drops the connection, and the reconnect restores the persistent watch with SetWatches, which sends nothing for changes made meanwhile. s1 stays on v2 (every-change-notified, judged at s1). Then set rereadOnReconnect on s1, as Curator’s caches do, and it catches up.',
      change: { add: [{ at: 1300, kind: 'partition', edge: 'zk-s1' }, { at: 6300, kind: 'heal', edge: 'zk-s1' }], untilMs: 10000 },
    },
  ],
  scenario: configWatch(true),
};
