import { nodeBehaviour } from '../kind';
import { mqModel } from './model';
import { mqView } from './view';

/** What a page fetches the first time a scenario has a message broker: its model and its view. */
export const mqBehaviour = nodeBehaviour(mqModel, mqView);
