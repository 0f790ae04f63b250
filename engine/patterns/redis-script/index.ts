import { defineProgram } from '../kind';

/** Sends a fixed list of Redis commands one after another: the simplest client. */
export const redisScriptKind = defineProgram({
  kind: 'redis-script',
  title: 'Redis command script',
  needs: ['redis'],
  example: { commands: [['SET', 'greeting', 'hello'], ['GET', 'greeting'], ['INCR', 'visits'], ['EXPIRE', 'greeting', '5']] },
  log: { group: 'client', namespaces: ['client'] },
  load: () => import('./program').then((m) => m.redisScript),
});
