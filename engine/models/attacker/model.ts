import { z } from 'zod';
import type { ModelDef, Msg } from '../../core/types';
import { tokenReplayParams } from '../../patterns/token-replay';
import type { StolenCredentialMsg } from '../../patterns/web-user';
import { credentialText } from '../http/messages';
import { clientModel, type ClientParams, type ClientState } from '../client/model';

export const attackerParams = z
  .object({
    /** What the attacker does with what it steals (engine/patterns/token-replay). */
    program: tokenReplayParams.default({ kind: 'token-replay', target: 'lb', intervalMs: 500, tries: 40, timeoutMs: 3000 }),
  })
  .strict();

/**
 * An attacker's machine: a client that runs a hostile program. It is a kind of its own so a
 * victim's client can be linked to it (the path a stolen cookie or token travels), while
 * ordinary clients never talk to each other, and so the canvas can draw it as a threat.
 */
export const attackerModel: ModelDef<ClientParams, ClientState> = {
  ...clientModel,
  type: 'attacker',
  describeMessage(msg: Msg) {
    if (msg.type !== 'stolen.credential') return msg.type;
    const m = msg as StolenCredentialMsg;
    return `a stolen copy of ${m.owner}'s ${credentialText(m) || 'credential'}`;
  },
};
