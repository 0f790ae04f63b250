import { z } from 'zod';

const finite = (what = 'a number') => z.number({ error: `expected ${what}` }).refine(Number.isFinite, { error: `expected ${what}, not NaN or Infinity` });
const nonNegMs = () => finite().refine((n) => n >= 0, { error: 'expected a number >= 0' });
const positiveMs = () => finite().refine((n) => n > 0, { error: 'expected a positive number' });
const probability = () => finite().refine((n) => n >= 0 && n <= 1, { error: 'expected a probability from 0 to 1' });

/** Ids are short, printable and safe to use as keys. */
export const idSchema = z
  .string()
  .min(1, { error: 'expected a non-empty id' })
  .max(40, { error: 'expected an id of at most 40 characters' })
  .regex(/^[A-Za-z0-9_.:-]+$/, { error: 'expected an id of letters, digits, _ . : -' })
  .refine((s) => s !== '__proto__' && s !== 'constructor' && s !== 'prototype', { error: 'this id is reserved' });

export const latencySchema = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('fixed'), ms: nonNegMs() }).strict(),
    z.object({ kind: z.literal('uniform'), minMs: nonNegMs(), maxMs: nonNegMs() }).strict().refine((l) => l.maxMs >= l.minMs, { error: 'maxMs must be >= minMs', path: ['maxMs'] }),
    z.object({ kind: z.literal('normal'), meanMs: nonNegMs(), stdMs: nonNegMs() }).strict(),
    z.object({ kind: z.literal('exponential'), meanMs: positiveMs() }).strict(),
  ],
  { error: 'expected a latency kind: fixed, uniform, normal or exponential' },
);

export const linkParamsSchema = z
  .object({
    latency: latencySchema.optional(),
    jitterMs: nonNegMs().optional(),
    loss: probability().optional(),
    duplicate: probability().optional(),
    fifo: z.boolean().optional(),
    partitioned: z.boolean().optional(),
    transport: z.enum(['tcp', 'datagram'], { error: 'expected a transport: tcp or datagram' }).optional(),
    tcpRetries: z.number().int({ error: 'expected a whole number of retransmissions' }).min(0).max(100).optional(),
  })
  .strict();

export const positionSchema = z.object({ x: finite(), y: finite() }).strict();

export const nodeSchema = z
  .object({
    id: idSchema,
    type: z.string().max(40),
    label: z.string().max(60, { error: 'expected a label of at most 60 characters' }).optional(),
    params: z.record(z.string(), z.unknown()).default({}),
    position: positionSchema.default({ x: 0, y: 0 }),
    /** The node's clock starts this far ahead of true time (ms; negative = behind). */
    skewMs: finite().optional(),
    /** The node's clock runs this much fast (0.01 = 1% fast). */
    drift: finite().refine((d) => d > -0.5 && d < 0.5, { error: 'expected a drift between -0.5 and 0.5' }).optional(),
  })
  .strict();

export const edgeSchema = z
  .object({
    id: idSchema,
    source: idSchema,
    target: idSchema,
    params: linkParamsSchema.default({}),
  })
  .strict();

const at = nonNegMs();
/** Who added it: 'user' for a fault added while watching; absent for the scenario's own (part of its lesson). */
const by = z.literal('user', { error: "expected by: 'user' or no by" }).optional();
export const interventionSchema = z.discriminatedUnion(
  'kind',
  [
    z.object({ at, by, kind: z.literal('crash'), node: idSchema }).strict(),
    z.object({ at, by, kind: z.literal('restart'), node: idSchema }).strict(),
    z.object({ at, by, kind: z.literal('pause'), node: idSchema, durationMs: positiveMs() }).strict(),
    z.object({ at, by, kind: z.literal('skew'), node: idSchema, deltaMs: finite() }).strict(),
    z.object({ at, by, kind: z.literal('drift'), node: idSchema, drift: finite().refine((d) => d > -0.5 && d < 0.5, { error: 'expected a drift between -0.5 and 0.5' }) }).strict(),
    z.object({ at, by, kind: z.literal('partition'), edge: idSchema }).strict(),
    z.object({ at, by, kind: z.literal('heal'), edge: idSchema }).strict(),
    z.object({ at, by, kind: z.literal('link'), edge: idSchema, loss: probability().optional(), duplicate: probability().optional(), extraLatencyMs: nonNegMs().optional() }).strict(),
  ],
  { error: 'expected an intervention kind: crash, restart, pause, skew, drift, partition, heal or link' },
);

export const playbackSchema = z
  .object({
    /** Where the cursor starts (ms). */
    startMs: nonNegMs().default(0),
    /** Virtual ms per real ms. */
    speed: finite().refine((s) => s >= 0.1 && s <= 100, { error: 'expected a speed from 0.1 to 100' }).default(1),
    /** How far the run goes (ms). */
    untilMs: positiveMs().refine((n) => n <= 3_600_000, { error: 'expected at most 3600000 ms (one hour)' }).default(10_000),
  })
  .strict();

/** Version 1 of the scenario format: everything needed to reproduce a run exactly. */
export const scenarioV1 = z
  .object({
    version: z.literal(1, { error: 'expected version 1' }),
    id: idSchema.optional(),
    title: z.string().max(120).default('Untitled scenario'),
    description: z.string().max(2000).optional(),
    seed: z.number().int({ error: 'expected an integer seed' }).min(0).max(4294967295),
    nodes: z.array(nodeSchema).max(500, { error: 'expected at most 500 nodes' }),
    edges: z.array(edgeSchema).max(2000, { error: 'expected at most 2000 edges' }).default([]),
    /** Invariant monitors that judge the run (ids from engine/invariants). */
    monitors: z.array(idSchema).max(20, { error: 'expected at most 20 monitors' }).default([]),
    interventions: z.array(interventionSchema).max(1000, { error: 'expected at most 1000 interventions' }).default([]),
    /** Interventions a user's branch set aside: not run, kept so they can be restored. */
    dropped: z.array(interventionSchema).max(1000, { error: 'expected at most 1000 dropped interventions' }).optional(),
    playback: playbackSchema.default({ startMs: 0, speed: 1, untilMs: 10_000 }),
  })
  .strict();

export type Scenario = z.output<typeof scenarioV1>;
export type ScenarioInput = z.input<typeof scenarioV1>;
export type ScenarioNode = Scenario['nodes'][number];
export type ScenarioEdge = Scenario['edges'][number];
export const CURRENT_VERSION = 1;
