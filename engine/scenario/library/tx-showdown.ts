import type { ScenarioInput } from '../schema';
import { clientNode, link } from './lock-helpers';
import type { BuiltinScenario } from './types';

// The same transfers under four patterns, one lane each, side by side: 2PC over XA, TCC, an
// orchestrated Saga, and a RocketMQ transactional message. Every lane moves AMOUNT from alice at
// its bank-a to bob at its bank-b, TRANSFERS times, one after another with GAP_MS between, on
// links of 20 ms; the same fault hits every lane. The transfer-settles monitor keeps each
// lane's numbers under its own prefix (tx-2pc, tx-tcc, tx-saga, tx-msg): the metrics panel
// lines them up.

type Node = ScenarioInput['nodes'][number];
type Edge = NonNullable<ScenarioInput['edges']>[number];

const TRANSFERS = 6;
const AMOUNT = 10;
const GAP_MS = 300;
/** The deadline every lane's service promises: a transfer settles within it (ms). */
const SETTLE_MS = 3000;
const WIRE = { latency: { kind: 'fixed' as const, ms: 20 } };
/** Lanes are rows here (columns on a phone): two rows of cards ROW apart, lanes LANE_H apart, tight enough that all four fit at 1280 × 800 with full cards (zoom above FAR_ZOOM). */
const LANE_H = 250;
const ROW = 110;
const MID = ROW / 2;

const accounts = (id: string) => ({ tables: { accounts: [{ id, balance: 100, frozen: 0 }], barrier: [] } });
const bank = (id: string, label: string, x: number, y: number, holder: string, extra: Record<string, unknown[]> = {}): Node => {
  const p = accounts(holder);
  return { id, type: 'db', label, position: { x, y }, params: { tables: { ...p.tables, ...extra } } };
};
const wire = (a: string, b: string): Edge => link(a, b, WIRE);

function twoPc(y: number): { nodes: Node[]; edges: Edge[] } {
  const transfers = Array.from({ length: TRANSFERS }, () => ({ amount: AMOUNT, from: { db: 'a-2pc', id: 'alice' }, to: { db: 'b-2pc', id: 'bob' } }));
  return {
    nodes: [
      { id: 'tm', type: 'xa-tm', label: '2PC tm', position: { x: 0, y: y + MID }, params: { transfers, intervalMs: GAP_MS, startMs: GAP_MS, settleWithinMs: SETTLE_MS } },
      bank('a-2pc', '2PC bank-a', 600, y, 'alice'),
      bank('b-2pc', '2PC bank-b', 600, y + ROW, 'bob'),
    ],
    edges: [wire('tm', 'a-2pc'), wire('tm', 'b-2pc')],
  };
}

/** TCC or Saga: a coordinator, a service per bank, the banks. */
function coordinated(mode: 'tcc' | 'saga', y: number): { nodes: Node[]; edges: Edge[] } {
  const tag = mode;
  const name = mode === 'tcc' ? 'TCC' : 'Saga';
  const [tc, pay, recv, a, b] = [`tc-${tag}`, `pay-${tag}`, `recv-${tag}`, `a-${tag}`, `b-${tag}`];
  const transactions = Array.from({ length: TRANSFERS }, (_, i) => ({
    gid: `order-${i + 1}`,
    mode,
    branches: [
      { svc: [pay], kind: 'debit' as const, account: 'alice', amount: AMOUNT },
      { svc: [recv], kind: 'credit' as const, account: 'bob', amount: AMOUNT },
    ],
  }));
  return {
    nodes: [
      { id: tc, type: 'tc', label: `${name} tc`, position: { x: 0, y: y + MID }, params: { transactions, intervalMs: GAP_MS, startMs: GAP_MS, settleWithinMs: SETTLE_MS } },
      { id: pay, type: 'tcc-svc', label: `${name} svc A`, position: { x: 300, y }, params: { db: a } },
      { id: recv, type: 'tcc-svc', label: `${name} svc B`, position: { x: 300, y: y + ROW }, params: { db: b } },
      bank(a, `${name} bank-a`, 600, y, 'alice'),
      bank(b, `${name} bank-b`, 600, y + ROW, 'bob'),
    ],
    edges: [wire(tc, pay), wire(tc, recv), wire(pay, a), wire(recv, b)],
  };
}

function message(y: number): { nodes: Node[]; edges: Edge[] } {
  const producer = {
    kind: 'tx-producer',
    target: 'mq',
    db: 'a-msg',
    account: 'alice',
    amount: AMOUNT,
    orders: TRANSFERS,
    intervalMs: GAP_MS,
    localTxMs: 0,
    afterCommitMs: 0,
    settleWithinMs: SETTLE_MS,
  };
  const consumer = { kind: 'inbox-consumer', target: 'mq', db: 'b-msg', group: 'credit', topic: 'orders', effect: 'credit', account: 'bob', amount: AMOUNT, processMs: 0 };
  return {
    nodes: [
      clientNode('pay-msg', 0, y + MID, producer, 'Msg pay'),
      bank('a-msg', 'Msg bank-a', 300, y, 'alice', { tx_log: [] }),
      {
        id: 'mq',
        type: 'mq',
        label: 'Msg broker',
        position: { x: 300, y: y + ROW },
        // RocketMQ's defaults divided by 25, as in transactional-message.
        params: { queuesPerTopic: 4, transactionTimeOutMs: 240, transactionCheckIntervalMs: 1200, transactionCheckMax: 15, delayScale: 0.04, maxReconsumeTimes: 16 },
      },
      clientNode('recv-msg', 600, y + ROW, consumer, 'Msg credit'),
      bank('b-msg', 'Msg bank-b', 900, y + ROW, 'bob', { inbox: [] }),
    ],
    edges: [wire('pay-msg', 'a-msg'), wire('pay-msg', 'mq'), wire('mq', 'recv-msg'), wire('recv-msg', 'b-msg')],
  };
}

const LANES = [twoPc(0), coordinated('tcc', LANE_H), coordinated('saga', 2 * LANE_H), message(3 * LANE_H)];
/** Every lane's bank-b: the same fault for each. */
const CREDIT_BANKS = ['b-2pc', 'b-tcc', 'b-saga', 'b-msg'];
const CRASH_AT = 1000;
const BACK_AT = 2000;

const TITLE = 'Showdown: the same transfers under 2PC, TCC, Saga and a transactional message';

export const txShowdown: BuiltinScenario = {
  id: 'tx-showdown',
  topic: 'transactions',
  title: TITLE,
  description: `Four lanes, one pattern each, move ${AMOUNT} from alice to bob ${TRANSFERS} times, one transfer after another with ${GAP_MS} ms between, on the same 20 ms links. At ${CRASH_AT / 1000} s every lane's bank-b crashes, back at ${BACK_AT / 1000} s. Each service promises a transfer settles within ${SETTLE_MS / 1000} s (settleWithinMs): every lane keeps that promise through this crash, but no pattern can keep it through any fault: a coordinator paused or a link cut for longer breaks it, and the hunt finds one in its first run.`,
  watchFor:
    'The metrics panel lines the four patterns up, live. What each does with the crash: 2PC rolls back the transfers bank-b cannot vote on and TCC cancels the one whose Try failed (undone, consistent), while the Saga retries its credit until bank-b is back and the message is delivered again later (done, eventually). Frozen money: only TCC holds any, from Try to Confirm. Time the accounts did not add up, the intermediate state anyone could read: zero for 2PC, whose branches commit together, longest for the Saga and the message, whose debit commits first. Messages per transfer and throughput: TCC pays a round trip per branch and phase, one branch after another.',
  tryThis: [
    {
      text: 'Crash the coordinators instead (2PC tm, TCC tc, Saga tc and Msg pay at 0.95 s, back at 2 s). 2PC’s tm-2 has prepared on both banks with no decision logged: its rows stay locked in doubt until the restarted coordinator rolls it back (row locks held: 1.4 s becomes 3.6 s). TCC resumes order-1’s Confirm from its log. The message’s half message for order-2 is rolled back by a back-check (no row in tx_log), and the restarted service pays order-2 again.',
      change: {
        interventions: ['tm', 'tc-tcc', 'tc-saga', 'pay-msg'].flatMap((node) => [
          { at: 950, kind: 'crash' as const, node },
          { at: BACK_AT, kind: 'restart' as const, node },
        ]),
      },
    },
    { text: 'Remove the crash (Faults tab): what each pattern costs when nothing goes wrong.', change: { interventions: [] } },
    {
      text: 'Keep bank-b down for 4 s (crash at 1 s, back at 5 s): 2PC gives up on every transfer it cannot prepare and stays consistent; TCC’s Cancel, the Saga’s credit and the messages wait for bank-b with growing retries, and transfer-settles flags each transfer that misses its 3 s deadline and where it stands.',
      change: { interventions: CREDIT_BANKS.flatMap((node) => [{ at: CRASH_AT, kind: 'crash' as const, node }, { at: 5000, kind: 'restart' as const, node }]), untilMs: 9000 },
    },
  ],
  scenario: {
    version: 1,
    id: 'tx-showdown',
    title: TITLE,
    seed: 17,
    nodes: LANES.flatMap((l) => l.nodes),
    edges: LANES.flatMap((l) => l.edges),
    monitors: ['transfer-settles'],
    interventions: CREDIT_BANKS.flatMap((node) => [
      { at: CRASH_AT, kind: 'crash' as const, node },
      { at: BACK_AT, kind: 'restart' as const, node },
    ]),
    playback: { startMs: 0, speed: 0.5, untilMs: 8000 },
  },
};
