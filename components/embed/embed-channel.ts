import {
  createOriginGate,
  createThrottle,
  errorMessage,
  readHostMessage,
  readyMessage,
  stateChanged,
  stateMessage,
  TIME_EVENTS_PER_SECOND,
  timeMessage,
  type HostMessage,
  type OriginGate,
  type PlayerInfo,
  type PlayerMessage,
} from '@/stores/embed-protocol';

/** A handler's answer meaning "not me: keep this request for whoever takes over" (the poster arms the engine). */
export const DEFER = Symbol('defer');

/** The requests a handler performs; hello and getState the channel answers itself. */
export type ActionMessage = Exclude<HostMessage, { type: 'dp:hello' | 'dp:getState' }>;

/** Whatever currently answers the host: the click-to-load poster or the mounted player. */
export interface ChannelHandler {
  info(): PlayerInfo;
  /** Does what the request asks; resolves to null when done, or to what went wrong. */
  perform(msg: ActionMessage): Promise<string | null | typeof DEFER> | string | null | typeof DEFER;
}

interface Request {
  msg: HostMessage;
  /** The admitted origin it came from: its reply goes there. */
  origin: string;
}

/** The embedding page's origin when the browser says it up front (Chromium and Safari do). */
function parentOriginHint(): string | null {
  const list = typeof location !== 'undefined' ? location.ancestorOrigins : undefined;
  return list && list.length > 0 ? list[0] : null;
}

/**
 * The player's end of the postMessage protocol (stores/embed-protocol.ts). It reads only
 * messages whose source is the parent window and whose origin the gate admits, validates each
 * one, runs requests one at a time in arrival order, and answers every request exactly once
 * (`dp:ready`, `dp:state` or `dp:error`, carrying the request's id). Events go only to a known
 * host origin, never to `*`.
 */
export class EmbedChannel {
  private readonly gate: OriginGate;
  private handler: ChannelHandler | null = null;
  private held: Request[] = [];
  private chain: Promise<void> = Promise.resolve();
  /** While a request runs, the changes it causes are not also sent as events: its reply reports them. */
  private muted = false;
  /** dp:ready went out (proactively or as the answer to a hello). */
  private announced = false;
  private reported: PlayerInfo | null = null;
  private readonly throttle = createThrottle(1000 / TIME_EVENTS_PER_SECOND);
  private trailing: { timer: ReturnType<typeof setTimeout>; t: number } | null = null;

  constructor(allow: readonly string[]) {
    this.gate = createOriginGate(allow, parentOriginHint());
  }

  /** Starts listening (only inside a frame); returns the cleanup. */
  start(): () => void {
    if (window.parent === window) return () => {};
    const onMessage = (e: MessageEvent) => this.receive(e);
    window.addEventListener('message', onMessage);
    return () => {
      window.removeEventListener('message', onMessage);
      this.clearTrailing();
    };
  }

  /** Hands the channel to the poster or the player (null while neither is ready); held requests run now. */
  setHandler(h: ChannelHandler | null): void {
    this.handler = h;
    if (!h) return;
    const target = this.gate.target();
    if (!this.announced && target !== null) {
      // The allowlist names the parent's origin: announce without waiting for a hello.
      this.announced = true;
      this.reported = h.info();
      this.post(readyMessage(this.reported), target);
    } else {
      this.report(h.info());
    }
    const held = this.held;
    this.held = [];
    for (const r of held) this.enqueue(r);
  }

  /** The player's state now: a `dp:state` event when something besides the time changed, else a throttled `dp:time`. */
  report(info: PlayerInfo): void {
    const target = this.gate.target();
    const before = this.reported;
    if (this.muted || target === null) return;
    if (before === null || stateChanged(before, info)) {
      this.reported = info;
      this.clearTrailing();
      this.throttle.sent(performance.now());
      this.post(stateMessage(info), target);
    } else if (info.time !== before.time) {
      this.reported = info;
      this.sendTime(info.time, target);
    }
  }

  /** An event that is news whatever caused it (a violation passed): sent even while a request runs. */
  notify(msg: PlayerMessage): void {
    const target = this.gate.target();
    if (target !== null) this.post(msg, target);
  }

  private sendTime(t: number, target: string): void {
    const wait = this.throttle.wait(performance.now());
    if (wait === 0) {
      this.clearTrailing();
      this.throttle.sent(performance.now());
      this.post(timeMessage(t), target);
      return;
    }
    // Keep only the latest time; it goes out when the gap is over, so the last position is never lost.
    if (this.trailing) this.trailing.t = t;
    else {
      this.trailing = {
        t,
        timer: setTimeout(() => {
          const last = this.trailing?.t;
          this.trailing = null;
          if (last === undefined) return;
          this.throttle.sent(performance.now());
          this.post(timeMessage(last), target);
        }, wait),
      };
    }
  }

  private clearTrailing(): void {
    if (this.trailing) clearTimeout(this.trailing.timer);
    this.trailing = null;
  }

  private post(msg: PlayerMessage, origin: string): void {
    window.parent.postMessage(msg, origin);
  }

  private receive(e: MessageEvent): void {
    if (e.source !== window.parent || !this.gate.admits(e.origin)) return;
    const r = readHostMessage(e.data);
    if (r.kind === 'ignore') return;
    if (r.kind === 'error') {
      // The origin is the parent's own (the browser vouches for it), so the reply reaches only it.
      this.post(errorMessage(r.error, r.id, r.request), e.origin);
      return;
    }
    this.gate.learn(e.origin);
    this.enqueue({ msg: r.msg, origin: e.origin });
  }

  private enqueue(r: Request): void {
    this.chain = this.chain.then(() => this.run(r));
  }

  private async run(req: Request): Promise<void> {
    const h = this.handler;
    if (!h) {
      this.held.push(req);
      return;
    }
    const { msg, origin } = req;
    if (msg.type === 'dp:hello') {
      this.announced = true;
      this.reported = h.info();
      this.post(readyMessage(this.reported, msg.id), origin);
      return;
    }
    if (msg.type === 'dp:getState') {
      this.post(stateMessage(h.info(), msg.id), origin);
      return;
    }
    let outcome: string | null | typeof DEFER;
    this.muted = true;
    try {
      outcome = await h.perform(msg);
    } catch (e) {
      outcome = `the player could not do that: ${(e as Error).message}`;
    } finally {
      this.muted = false;
    }
    if (outcome === DEFER) {
      this.held.push(req);
      return;
    }
    if (outcome !== null) {
      this.post(errorMessage(outcome, msg.id, msg.type), origin);
      return;
    }
    const info = (this.handler ?? h).info();
    this.reported = info;
    this.clearTrailing();
    this.throttle.sent(performance.now());
    this.post(stateMessage(info, msg.id), origin);
  }
}
