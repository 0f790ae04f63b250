import { nodeBehaviour } from '../kind';
import { storageModel } from './model';
import { storageView } from './view';

/** What a page fetches the first time a scenario has a storage node: its model and its view. */
export const storageBehaviour = nodeBehaviour(storageModel, storageView);
