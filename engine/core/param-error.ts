import { paramError } from './param-phrases';
import { p } from './phrase';

// The schemas' common messages; the phrase of each message is remembered in param-phrases.ts.
export { paramError, paramErrorSay, paramErrors } from './param-phrases';

/** The units a range or a count is given in, as English words. */
const UNITS = {
  ms: 'ms',
  s: 's',
  x: 'x',
  QPS: 'QPS',
  rounds: 'rounds',
  retries: 'retries',
  checks: 'checks',
  requests: 'requests',
  requestsPerSecond: 'requests per second',
  permits: 'permits',
  permitsPerSecond: 'permits per second',
  tokens: 'tokens',
  tokensPerSecond: 'tokens per second',
  buckets: 'buckets',
  slots: 'slots',
  seed: 'seed',
  retransmissions: 'retransmissions',
} as const;
export type ParamUnit = keyof typeof UNITS;

const unit = (u: ParamUnit) => p('core.paramUnit', { unit: u });

/** What kind of id a field expects. */
const IDS = {
  node: 'a node id',
  database: 'a database node id',
  participant: 'a participant node id',
  account: 'an account id',
  row: 'a row id',
  xid: 'an xid',
  any: 'a non-empty id',
} as const;

/** Fields whose value is one of a few named choices, as English nouns. */
const CHOICES = {
  latency: 'a latency kind',
  transport: 'a transport',
  traffic: 'a traffic shape',
  intervention: 'an intervention kind',
} as const;

/** Lists a field may hold at most so many of, as English nouns. */
const ITEMS = {
  backends: 'backends',
  targets: 'targets',
  masters: 'masters',
  arrivals: 'arrivals',
  nodes: 'nodes',
  edges: 'edges',
  monitors: 'monitors',
  interventions: 'interventions',
  dropped: 'dropped interventions',
} as const;

/** What a list needs at least one of. */
const ONE = { sentinel: 'sentinel', master: 'master', command: 'command' } as const;

/** What a field's value is in ms. */
const IN_MS = { delay: 'a delay', period: 'a period', timeout: 'a timeout' } as const;

/** A number as the message shows it; a string keeps a literal's own digits (`0.00001`). */
type Num = number | string;

/** `a, b or c`: the English, and the phrase's `list` and `last` arguments. */
function choices(values: readonly string[], quote: boolean) {
  const shown = quote ? values.map((v) => `'${v}'`) : [...values];
  const list = shown.slice(0, -1).join(', ');
  const last = shown[shown.length - 1];
  return { en: shown.length > 1 ? `${list} or ${last}` : last, list, last };
}

/** The parameter validation messages the schemas share, each as the English zod needs. */
export const must = {
  /** `expected a number from {min} to {max}` */
  numberFrom: (min: Num, max: Num) => paramError(`expected a number from ${min} to ${max}`, p('core.paramNumberFrom', { min, max })),
  /** `expected an integer from {min} to {max}` */
  integerFrom: (min: Num, max: Num) => paramError(`expected an integer from ${min} to ${max}`, p('core.paramIntegerFrom', { min, max })),
  /** `expected {min} to {max}`, with a unit if given (`expected 1 to 1000 rounds`). */
  between: (min: Num, max: Num, u?: ParamUnit) =>
    u === undefined ? paramError(`expected ${min} to ${max}`, p('core.paramBetween', { min, max })) : paramError(`expected ${min} to ${max} ${UNITS[u]}`, p('core.paramBetweenUnit', { min, max, unit: unit(u) })),
  /** `expected a number of {unit}` */
  numberOf: (u: ParamUnit) => paramError(`expected a number of ${UNITS[u]}`, p('core.paramNumberOf', { unit: unit(u) })),
  /** `expected a whole number of {unit}` */
  wholeNumberOf: (u: ParamUnit) => paramError(`expected a whole number of ${UNITS[u]}`, p('core.paramWholeNumberOf', { unit: unit(u) })),
  /** `expected a delay in ms` (a period, a timeout) */
  inMs: (what: keyof typeof IN_MS) => paramError(`expected ${IN_MS[what]} in ms`, p('core.paramInMs', { what })),
  /** `expected a number` */
  number: () => paramError('expected a number', p('core.paramNumber')),
  /** `expected a number, not NaN or Infinity` */
  finite: () => paramError('expected a number, not NaN or Infinity', p('core.paramFinite')),
  /** `expected a whole number` */
  wholeNumber: () => paramError('expected a whole number', p('core.paramWholeNumber')),
  /** `expected an integer` */
  integer: () => paramError('expected an integer', p('core.paramInteger')),
  /** `expected an integer seed` */
  seed: () => paramError('expected an integer seed', p('core.paramSeed')),
  /** `expected a number >= 0` */
  nonNegative: () => paramError('expected a number >= 0', p('core.paramNonNegative')),
  /** `expected a time >= 0` */
  timeNonNegative: () => paramError('expected a time >= 0', p('core.paramTimeNonNegative')),
  /** `expected a positive number` */
  positive: () => paramError('expected a positive number', p('core.paramPositive')),
  /** `expected a positive number of ms` */
  positiveMs: () => paramError('expected a positive number of ms', p('core.paramPositiveMs')),
  /** `expected a whole amount`, or `expected a whole amount >= 1` */
  wholeAmount: (atLeastOne = false) =>
    atLeastOne ? paramError('expected a whole amount >= 1', p('core.paramWholeAmountMin1')) : paramError('expected a whole amount', p('core.paramWholeAmount')),
  /** `expected a probability from 0 to 1` */
  probability: () => paramError('expected a probability from 0 to 1', p('core.paramProbability')),
  /** `expected a factor from {min} to {max}` */
  factorFrom: (min: Num, max: Num) => paramError(`expected a factor from ${min} to ${max}`, p('core.paramFactorFrom', { min, max })),
  /** `expected a speed from {min} to {max}` */
  speedFrom: (min: Num, max: Num) => paramError(`expected a speed from ${min} to ${max}`, p('core.paramSpeedFrom', { min, max })),
  /** `expected a drift between {min} and {max}` */
  driftBetween: (min: Num, max: Num) => paramError(`expected a drift between ${min} and ${max}`, p('core.paramDriftBetween', { min, max })),
  /** `expected at most {max} ms (one hour)` */
  atMostHour: () => paramError('expected at most 3600000 ms (one hour)', p('core.paramAtMostHour', { max: 3_600_000 })),
  /** `expected a node id` (a database node id, an account id, …) */
  id: (what: keyof typeof IDS = 'node') => paramError(`expected ${IDS[what]}`, p('core.paramId', { what })),
  /** `expected an id of at most {max} characters` */
  idLength: (max: number) => paramError(`expected an id of at most ${max} characters`, p('core.paramIdLength', { max })),
  /** `expected an id of letters, digits, _ . : -` */
  idChars: () => paramError('expected an id of letters, digits, _ . : -', p('core.paramIdChars')),
  /** `this id is reserved` */
  reservedId: () => paramError('this id is reserved', p('core.paramReservedId')),
  /** `expected letters, digits, _ . or -` (a name such as an order id) */
  name: () => paramError('expected letters, digits, _ . or -', p('core.paramName')),
  /** `expected a table name (letters, digits, _)` */
  tableName: () => paramError('expected a table name (letters, digits, _)', p('core.paramTableName')),
  /** `expected {min} to {max} characters without spaces` */
  noSpaces: (min: number, max: number) => paramError(`expected ${min} to ${max} characters without spaces`, p('core.paramNoSpaces', { min, max })),
  /** `expected a label of at most {max} characters` */
  labelLength: (max: number) => paramError(`expected a label of at most ${max} characters`, p('core.paramLabelLength', { max })),
  /** `expected a path like {example}` */
  pathLike: (example: string) => paramError(`expected a path like ${example}`, p('core.paramPathLike', { example })),
  /** `expected true or false` */
  boolean: () => paramError('expected true or false', p('core.paramBoolean')),
  /** `expected a, b or c` (quoted: `expected 'a', 'b' or 'c'`) */
  oneOf: (values: readonly string[], quote = false) => {
    const c = choices(values, quote);
    return paramError(`expected ${c.en}`, values.length > 1 ? p('core.paramOneOf', { list: c.list, last: c.last }) : p('core.paramOne', { value: c.last }));
  },
  /** `expected a latency kind: a, b or c` (a transport, a traffic shape, an intervention kind) */
  kindOf: (what: keyof typeof CHOICES, values: readonly string[]) => {
    const c = choices(values, false);
    return paramError(`expected ${CHOICES[what]}: ${c.en}`, p('core.paramKindOf', { what, list: c.list, last: c.last }));
  },
  /** `expected a program kind: a, b, c` */
  programKind: (kinds: readonly string[]) => paramError(`expected a program kind: ${kinds.join(', ')}`, p('core.paramProgramKind', { kinds: kinds.join(', ') })),
  /** `expected a limiter algorithm kind` */
  limiterKind: () => paramError('expected a limiter algorithm kind', p('core.paramLimiterKind')),
  /** `expected at least one sentinel` (master, command) */
  atLeastOne: (what: keyof typeof ONE) => paramError(`expected at least one ${ONE[what]}`, p('core.paramAtLeastOne', { what })),
  /** `expected at most {max} backends` (targets, masters, …) */
  atMost: (max: number, what: keyof typeof ITEMS) => paramError(`expected at most ${max} ${ITEMS[what]}`, p('core.paramAtMost', { max, what })),
  /** `expected each master once` */
  eachMasterOnce: () => paramError('expected each master once', p('core.paramEachMasterOnce')),
  /** `expected a command` */
  command: () => paramError('expected a command', p('core.paramCommand')),
  /** `expected version {v}` */
  version: (v: number) => paramError(`expected version ${v}`, p('core.paramVersion', { v })),
  /** `expected by: 'user' or no by` */
  by: () => paramError("expected by: 'user' or no by", p('core.paramBy')),
  /** `maxMs must be >= minMs` */
  maxNotBelowMin: () => paramError('maxMs must be >= minMs', p('core.paramMaxNotBelowMin')),
};
