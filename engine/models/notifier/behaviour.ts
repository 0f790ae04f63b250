import { clientView } from '../client/view';
import { nodeBehaviour } from '../kind';
import { notifierModel } from './model';

/** What a page fetches the first time a scenario has a notifier: its model, and a client's view of its program. */
export const notifierBehaviour = nodeBehaviour(notifierModel, clientView);
