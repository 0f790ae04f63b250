import type { ModelDef } from '../../core/types';
import { clientModel, type ClientState } from '../client/model';
import type { ClientParams } from '../client/params';

/**
 * A payment platform's notification service: a client machine that runs the notifier program
 * (engine/patterns/notifier). A kind of its own so a merchant's client can be linked to it (the
 * notifications and the query API travel that link), while ordinary clients never talk to each
 * other, and so the canvas can draw it as the platform.
 */
export const notifierModel: ModelDef<ClientParams, ClientState> = { ...clientModel, type: 'notifier' };
