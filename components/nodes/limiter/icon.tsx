import { iconBase, type IconProps } from '../../ui/icons';

/** A funnel: many requests in, a measured few out. */
export const FunnelIcon = (p: IconProps) => (
  <svg {...iconBase} {...p}>
    <path d="M3 4h18l-7 8v6l-4 2v-8Z" />
  </svg>
);
