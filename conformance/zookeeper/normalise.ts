/**
 * One answer to a script line, as both sides report it (the Java driver prints exactly this
 * shape as JSON), and its normalised one-line form: session ids become session names, zxids
 * become offsets from the first non-zero zxid of the script, times are left out.
 */

export interface RawStat {
  czxid: string;
  mzxid: string;
  pzxid: string;
  version: number;
  cversion: number;
  aversion: number;
  ephemeralOwner: string;
  dataLength: number;
  numChildren: number;
}

export type RawEvent = { type: string; path: string } | { state: string };

export interface RawResult {
  ok?: boolean;
  err?: string;
  /** The driver itself failed (an exception that is not a KeeperException). */
  fail?: string;
  timeout?: number;
  session?: string;
  path?: string;
  stat?: RawStat | null;
  data?: string | null;
  children?: string[];
  events?: RawEvent[];
  /** A multi's results, one per sub-operation (on failure, each one's error code). */
  results?: RawOpResult[];
}

export type RawOpResult = { op: 'create'; path: string } | { op: 'set'; stat: RawStat } | { op: 'delete' } | { op: 'check' } | { op: 'error'; err: string };

/** Per-script normalisation context: learns session ids and the zxid base as lines go by. */
export class Normaliser {
  private readonly names = new Map<string, string>();
  private base: bigint | null = null;

  /**
   * `epochs`: zxids are shown as epoch:counter (`e2:1`) instead of offsets, for an ensemble,
   * where a new leader's epoch jumps the zxid by 2^32 and both sides start at epoch 1.
   */
  constructor(private readonly epochs = false) {}

  /** Records that `session` (a name from the script) has this server-side id. */
  learn(session: string, id: string): void {
    this.names.set(BigInt(id).toString(16), session);
  }

  private zxid(hex: string): string {
    const v = BigInt(hex);
    if (v === BigInt(0)) return '0';
    if (this.epochs) return `e${v >> BigInt(32)}:${v & BigInt(0xffffffff)}`;
    if (this.base === null) this.base = v;
    const d = v - this.base;
    return d >= BigInt(0) ? `z+${d}` : `z${d}`;
  }

  /** The script's name for a session id (`unknown(…)` for one never learned). */
  sessionName(hex: string): string {
    return this.owner(hex);
  }

  private owner(hex: string): string {
    const v = BigInt(hex);
    if (v === BigInt(0)) return '-';
    return this.names.get(v.toString(16)) ?? `unknown(${hex})`;
  }

  stat(s: RawStat): string {
    return `{v=${s.version} cv=${s.cversion} av=${s.aversion} n=${s.numChildren} len=${s.dataLength} owner=${this.owner(s.ephemeralOwner)} cz=${this.zxid(s.czxid)} mz=${this.zxid(s.mzxid)} pz=${this.zxid(s.pzxid)}}`;
  }

  /** The normalised line for one result. `connect` results teach the session id first. */
  format(session: string | null, cmd: string, r: RawResult): string {
    if (r.fail !== undefined) return `fail ${r.fail}`;
    if (r.err !== undefined) return r.results ? `err ${r.err} ${this.results(r.results)}` : `err ${r.err}`;
    if (cmd === 'connect') {
      if (session && r.session) this.learn(session, r.session);
      return `ok timeout=${r.timeout}`;
    }
    const parts = ['ok'];
    if (r.path !== undefined) parts.push(r.path);
    if (r.data !== undefined) parts.push(r.data === null ? 'null' : JSON.stringify(r.data));
    if (r.children !== undefined) parts.push(`[${r.children.join(', ')}]`);
    if (r.events !== undefined) parts.push(`[${r.events.map((e) => ('state' in e ? `state:${e.state}` : `${e.type} ${e.path}`)).join(', ')}]`);
    if (r.stat !== undefined) parts.push(r.stat === null ? 'null' : this.stat(r.stat));
    if (r.results !== undefined) parts.push(this.results(r.results));
    return parts.join(' ');
  }

  private results(rs: readonly RawOpResult[]): string {
    const one = (x: RawOpResult) => (x.op === 'create' ? `create ${x.path}` : x.op === 'set' ? `set ${this.stat(x.stat)}` : x.op === 'error' ? x.err : x.op);
    return `[${rs.map(one).join(', ')}]`;
  }
}
