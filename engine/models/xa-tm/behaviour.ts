import { nodeBehaviour } from '../kind';
import { xaTmModel } from './model';
import { xaTmView } from './view';

/** What a page fetches the first time a scenario has a transaction manager: its model and its view. */
export const xaTmBehaviour = nodeBehaviour(xaTmModel, xaTmView);
