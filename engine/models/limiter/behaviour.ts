import { nodeBehaviour } from '../kind';
import { limiterModel } from './model';
import { limiterView } from './view';

/** What a page fetches the first time a scenario has a rate limiter: its model and its view. */
export const limiterBehaviour = nodeBehaviour(limiterModel, limiterView);
