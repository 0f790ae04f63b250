import { nodeBehaviour } from '../kind';
import { zookeeperModel } from './model';
import { zookeeperView } from './view';

/** What a page fetches the first time a scenario has a ZooKeeper server: its model and its view. */
export const zookeeperBehaviour = nodeBehaviour(zookeeperModel, zookeeperView);
