import { defineMonitor } from '../kind';

/** Nobody is logged out before their session or token should end. */
export const noUnexpectedLogoutKind = defineMonitor({
  id: 'no-unexpected-logout',
  load: () => import('./monitor').then((m) => m.noUnexpectedLogout),
});
