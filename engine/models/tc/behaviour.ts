import { nodeBehaviour } from '../kind';
import { tcModel } from './model';
import { tcView } from './view';

/** What a page fetches the first time a scenario has a TCC / Saga coordinator: its model and its view. */
export const tcBehaviour = nodeBehaviour(tcModel, tcView);
