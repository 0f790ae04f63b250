import { p, type Arg, type Phrase } from '../../core/phrase';
import type { en } from './messages.en';

/** A phrase of the ZooKeeper server's messages (`model.zookeeper.<key>`). */
export const t = (key: keyof typeof en, args?: Readonly<Record<string, Arg>>): Phrase => p(`model.zookeeper.${key}`, args);
