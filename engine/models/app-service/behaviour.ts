import { nodeBehaviour } from '../kind';
import { appModel } from './model';
import { appView } from './view';

/** What a page fetches the first time a scenario has an app service: its model and its view. */
export const appBehaviour = nodeBehaviour(appModel, appView);
