'use client';

import dynamic from 'next/dynamic';
import { useUi } from '@/stores/playback-context';
import { selectMenu } from '@/stores/ui-selectors';

// Loaded on first use: most visits never open it, and the first paint should not wait for it.
const FaultMenu = dynamic(() => import('./fault-menu'), { ssr: false });

/** Shows the fault menu while one is open. */
export function FaultMenuHost() {
  const menu = useUi(selectMenu);
  return menu ? <FaultMenu key={`${menu.kind}:${menu.id}`} menu={menu} /> : null;
}
