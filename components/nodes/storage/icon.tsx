import { iconBase, type IconProps } from '../../ui/icons';

/** A plain box: the resource a lock protects. */
export const BoxIcon = (p: IconProps) => (
  <svg {...iconBase} {...p}>
    <rect x="4" y="4" width="16" height="16" rx="2" />
  </svg>
);
