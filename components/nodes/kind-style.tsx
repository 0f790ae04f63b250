import type { ReactNode } from 'react';
import { AttackerIcon, BalancerIcon, BoxIcon, CardIcon, ClientIcon, ServerIcon, StoreIcon, TreeIcon } from '../ui/icons';

/** How a node type looks wherever it appears (card header, palette, minimap). */
export interface KindStyle {
  icon: (size: number) => ReactNode;
  /** Tailwind background class of the icon tile. */
  tone: string;
  /** The same colour for SVG (the minimap). */
  colour: string;
}

const STYLES: Record<string, KindStyle> = {
  client: { icon: (s) => <ClientIcon width={s} height={s} />, tone: 'bg-client', colour: '#4f46e5' },
  redis: { icon: (s) => <StoreIcon width={s} height={s} />, tone: 'bg-redis', colour: '#dc2626' },
  zookeeper: { icon: (s) => <TreeIcon width={s} height={s} />, tone: 'bg-zk', colour: '#0d9488' },
  payments: { icon: (s) => <CardIcon width={s} height={s} />, tone: 'bg-amber-600', colour: '#d97706' },
  app: { icon: (s) => <ServerIcon width={s} height={s} />, tone: 'bg-sky-600', colour: '#0284c7' },
  lb: { icon: (s) => <BalancerIcon width={s} height={s} />, tone: 'bg-violet-600', colour: '#7c3aed' },
  attacker: { icon: (s) => <AttackerIcon width={s} height={s} />, tone: 'bg-rose-700', colour: '#be123c' },
};

const FALLBACK: KindStyle = { icon: (s) => <BoxIcon width={s} height={s} />, tone: 'bg-slate-500', colour: '#64748b' };

/** The look of node type `type` (a neutral box for types without their own). */
export function kindStyle(type: string): KindStyle {
  return STYLES[type] ?? FALLBACK;
}
