import { defineMonitor } from '../kind';

/** After a logout, nobody gets in with that session or token. */
export const noAccessAfterLogoutKind = defineMonitor({
  id: 'no-access-after-logout',
  load: () => import('./monitor').then((m) => m.noAccessAfterLogout),
});
