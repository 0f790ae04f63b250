/**
 * The UI's English that ships with the page (components/i18n/first-en.ts firstEnMessages): the
 * namespaces the first screen of `/` and of an embed shows, and the cards of the default scenario's kinds
 * (stores/default-behaviour.ts). The hunt, the inspector and the other kinds'
 * cards come with the rest of the catalog (ui-en.ts), which every one of them waits for.
 */
import { en as i18n } from './messages.en';
import { en as canvas } from '../canvas/messages.en';
import { en as embed } from '../embed/messages.en';
import { en as panels } from '../panels/messages.en';
import { en as playground } from '../playground/messages.en';
import { en as sequence } from '../sequence/messages.en';
import { en as ui } from '../ui/messages.en';
import { en as nodes } from '../nodes/messages.en';
import { en as node_client } from '../nodes/client/messages.en';
import { en as node_redis } from '../nodes/redis/messages.en';

export const uiFirstEn = {
  i18n,
  canvas,
  embed,
  panels,
  playground,
  sequence,
  ui,
  nodes,
  node: { client: node_client, redis: node_redis },
};
