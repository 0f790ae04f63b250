import { nodeBehaviour } from '../kind';
import { clientModel } from './model';
import { clientView } from './view';

/** What a page fetches the first time a scenario has a client: its model and its view. */
export const clientBehaviour = nodeBehaviour(clientModel, clientView);
