/** English messages of `pattern.zk-lock` (ICU MessageFormat; see engine/i18n/README.md). */
export const en = {
  title: 'ZooKeeper lock (Curator InterProcessMutex)',
  herd: '{ahead} ahead; watches all of {path} like every other waiter (herd)',
  deleted: 'deleted its lock node',
  alreadyGone: 'its lock node was already gone (the session had expired)',
  deleteFailed: 'delete failed: {err}',
  cannotCreateNode: 'cannot create its lock node under {path}: {err}',
  cannotCreate: 'cannot create {path}: {err}',
  watchesPred: 'watches only its predecessor {node}',
  sessionLost: 'its ZooKeeper session expired (LOST): the lock node is gone',
  suspended: 'connection SUSPENDED',
  suspendedWith: '{detail} · connection SUSPENDED',
} as const satisfies Record<string, string>;
