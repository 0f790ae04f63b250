import { clientView } from '../client/view';
import { nodeBehaviour } from '../kind';
import { attackerModel } from './model';

/** What a page fetches the first time a scenario has an attacker: its model, and a client's view of its program. */
export const attackerBehaviour = nodeBehaviour(attackerModel, clientView);
