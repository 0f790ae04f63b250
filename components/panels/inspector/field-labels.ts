/** Names people read instead of field names, where splitting the camelCase is not enough. */
const NAMES: Record<string, string> = {
  hz: 'Expiry cycles',
  fifo: 'Keep order (FIFO)',
  partitioned: 'Starts cut',
  jitterMs: 'Jitter',
  duplicate: 'Duplication',
  tickTime: 'Tick time',
  replicaOf: 'Replica of',
  replPingMs: 'Replication ping',
  replTimeoutMs: 'Replication timeout',
  promoteOnPrimaryDownMs: 'Promote after primary down',
  extendedTypes: 'Extended types (TTL znodes)',
  serverId: 'Server id (myid)',
  minMs: 'Min',
  maxMs: 'Max',
  meanMs: 'Mean',
  stdMs: 'Std deviation',
  ms: 'Latency',
  ops: 'Commands',
};

const UNITS: Record<string, string> = { hz: 'per s', loss: '0–1', duplicate: '0–1', tickTime: 'ms', ms: 'ms' };

/** A field's label: "sessionTimeoutMs" -> "Session timeout". */
export function fieldLabel(name: string): string {
  if (NAMES[name]) return NAMES[name];
  const words = name
    .replace(/Ms$/, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A field's unit, from its name ("…Ms" is milliseconds), or ''. */
export function fieldUnit(name: string): string {
  return UNITS[name] ?? (/Ms$/.test(name) ? 'ms' : '');
}
