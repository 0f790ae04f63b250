import { nodeBehaviour } from '../kind';
import { redisModel } from './model';
import { redisView } from './view';

/** What a page fetches the first time a scenario has a Redis server: its model and its view. */
export const redisBehaviour = nodeBehaviour(redisModel, redisView);
