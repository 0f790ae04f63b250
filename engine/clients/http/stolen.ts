import type { Jwt } from './messages';

// Not HTTP itself: what a compromised browser or a leaking log hands an attacker, who then
// replays it over HTTP. The victim's program (web-user) sends it; the attacker's host and its
// program (token-replay) read it.

/** A copy of a user's credential, sent to the node that steals it. */
export interface StolenCredentialMsg {
  readonly type: 'stolen.credential';
  readonly owner: string;
  readonly cookie?: string;
  readonly token?: Jwt;
  readonly affinity?: string;
}
