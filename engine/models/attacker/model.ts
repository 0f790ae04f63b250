import { credentialPhrase } from '../../clients/http/messages';
import { p } from '../../core/phrase';
import type { StolenCredentialMsg } from '../../clients/http/stolen';
import type { Msg } from '../../core/msg';
import type { ModelDef } from '../../core/types';
import { clientModel, type ClientState } from '../client/model';
import type { ClientParams } from '../client/params';

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
    return p('model.attacker.stolenCopy', { owner: m.owner, cred: credentialPhrase(m) ?? p('model.attacker.credential') });
  },
};
