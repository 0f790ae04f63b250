import { nodeBehaviour } from '../kind';
import { lbModel } from './model';
import { lbView } from './view';

/** What a page fetches the first time a scenario has a load balancer: its model and its view. */
export const lbBehaviour = nodeBehaviour(lbModel, lbView);
