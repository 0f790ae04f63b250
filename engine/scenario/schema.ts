import { z } from 'zod';
import { must } from '../core/param-error';
import { UNTITLED } from './titles';

const finite = () => z.number({ error: must.number() }).refine(Number.isFinite, { error: must.finite() });
const nonNegMs = () => finite().refine((n) => n >= 0, { error: must.nonNegative() });
const positiveMs = () => finite().refine((n) => n > 0, { error: must.positive() });
const probability = () => finite().refine((n) => n >= 0 && n <= 1, { error: must.probability() });

/** Ids are short, printable and safe to use as keys. */
export const idSchema = z
  .string()
  .min(1, { error: must.id('any') })
  .max(40, { error: must.idLength(40) })
  .regex(/^[A-Za-z0-9_.:-]+$/, { error: must.idChars() })
  .refine((s) => s !== '__proto__' && s !== 'constructor' && s !== 'prototype', { error: must.reservedId() });

export const latencySchema = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('fixed'), ms: nonNegMs() }).strict(),
    z.object({ kind: z.literal('uniform'), minMs: nonNegMs(), maxMs: nonNegMs() }).strict().refine((l) => l.maxMs >= l.minMs, { error: must.maxNotBelowMin(), path: ['maxMs'] }),
    z.object({ kind: z.literal('normal'), meanMs: nonNegMs(), stdMs: nonNegMs() }).strict(),
    z.object({ kind: z.literal('exponential'), meanMs: positiveMs() }).strict(),
  ],
  { error: must.kindOf('latency', ['fixed', 'uniform', 'normal', 'exponential']) },
);

export const linkParamsSchema = z
  .object({
    latency: latencySchema.optional(),
    jitterMs: nonNegMs().optional(),
    loss: probability().optional(),
    duplicate: probability().optional(),
    fifo: z.boolean().optional(),
    partitioned: z.boolean().optional(),
    transport: z.enum(['tcp', 'datagram'], { error: must.kindOf('transport', ['tcp', 'datagram']) }).optional(),
    tcpRetries: z.number().int({ error: must.wholeNumberOf('retransmissions') }).min(0).max(100).optional(),
  })
  .strict();

export const positionSchema = z.object({ x: finite(), y: finite() }).strict();

export const nodeSchema = z
  .object({
    id: idSchema,
    type: z.string().max(40),
    label: z.string().max(60, { error: must.labelLength(60) }).optional(),
    params: z.record(z.string(), z.unknown()).default({}),
    position: positionSchema.default({ x: 0, y: 0 }),
    /** The node's clock starts this far ahead of true time (ms; negative = behind). */
    skewMs: finite().optional(),
    /** The node's clock runs this much fast (0.01 = 1% fast). */
    drift: finite().refine((d) => d > -0.5 && d < 0.5, { error: must.driftBetween(-0.5, 0.5) }).optional(),
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
const by = z.literal('user', { error: must.by() }).optional();
export const interventionSchema = z.discriminatedUnion(
  'kind',
  [
    z.object({ at, by, kind: z.literal('crash'), node: idSchema }).strict(),
    z.object({ at, by, kind: z.literal('restart'), node: idSchema }).strict(),
    z.object({ at, by, kind: z.literal('pause'), node: idSchema, durationMs: positiveMs() }).strict(),
    z.object({ at, by, kind: z.literal('skew'), node: idSchema, deltaMs: finite() }).strict(),
    z.object({ at, by, kind: z.literal('drift'), node: idSchema, drift: finite().refine((d) => d > -0.5 && d < 0.5, { error: must.driftBetween(-0.5, 0.5) }) }).strict(),
    z.object({ at, by, kind: z.literal('partition'), edge: idSchema }).strict(),
    z.object({ at, by, kind: z.literal('heal'), edge: idSchema }).strict(),
    z.object({ at, by, kind: z.literal('link'), edge: idSchema, loss: probability().optional(), duplicate: probability().optional(), extraLatencyMs: nonNegMs().optional() }).strict(),
  ],
  { error: must.kindOf('intervention', ['crash', 'restart', 'pause', 'skew', 'drift', 'partition', 'heal', 'link']) },
);

export const playbackSchema = z
  .object({
    /** Where the cursor starts (ms). */
    startMs: nonNegMs().default(0),
    /** Virtual ms per real ms. */
    speed: finite().refine((s) => s >= 0.1 && s <= 100, { error: must.speedFrom(0.1, 100) }).default(1),
    /** How far the run goes (ms). */
    untilMs: positiveMs().refine((n) => n <= 3_600_000, { error: must.atMostHour() }).default(10_000),
  })
  .strict();

export { UNTITLED };

/** Version 1 of the scenario format: everything needed to reproduce a run exactly. */
export const scenarioV1 = z
  .object({
    version: z.literal(1, { error: must.version(1) }),
    id: idSchema.optional(),
    title: z.string().max(120).default(UNTITLED),
    description: z.string().max(2000).optional(),
    seed: z.number().int({ error: must.seed() }).min(0).max(4294967295),
    nodes: z.array(nodeSchema).max(500, { error: must.atMost(500, 'nodes') }),
    edges: z.array(edgeSchema).max(2000, { error: must.atMost(2000, 'edges') }).default([]),
    /** Invariant monitors that judge the run (ids from engine/invariants). */
    monitors: z.array(idSchema).max(20, { error: must.atMost(20, 'monitors') }).default([]),
    interventions: z.array(interventionSchema).max(1000, { error: must.atMost(1000, 'interventions') }).default([]),
    /** Interventions a user's branch set aside: not run, kept so they can be restored. */
    dropped: z.array(interventionSchema).max(1000, { error: must.atMost(1000, 'dropped') }).optional(),
    playback: playbackSchema.default({ startMs: 0, speed: 1, untilMs: 10_000 }),
  })
  .strict();

export type Scenario = z.output<typeof scenarioV1>;
export type ScenarioInput = z.input<typeof scenarioV1>;
export type ScenarioNode = Scenario['nodes'][number];
export type ScenarioEdge = Scenario['edges'][number];
export const CURRENT_VERSION = 1;
