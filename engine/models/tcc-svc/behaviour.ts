import { nodeBehaviour } from '../kind';
import { tccSvcModel } from './model';
import { tccSvcView } from './view';

/** What a page fetches the first time a scenario has a TCC / Saga participant: its model and its view. */
export const tccSvcBehaviour = nodeBehaviour(tccSvcModel, tccSvcView);
