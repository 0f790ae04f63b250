import { nodeBehaviour } from '../kind';
import { dbModel } from './model';
import { dbView } from './view';

/** What a page fetches the first time a scenario has a database node: its model and its view. */
export const dbBehaviour = nodeBehaviour(dbModel, dbView);
