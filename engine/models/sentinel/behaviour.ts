import { nodeBehaviour } from '../kind';
import { sentinelModel } from './model';
import { sentinelView } from './view';

/** What a page fetches the first time a scenario has a Sentinel: its model and its view. */
export const sentinelBehaviour = nodeBehaviour(sentinelModel, sentinelView);
