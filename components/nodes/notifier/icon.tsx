import { iconBase, type IconProps } from '../../ui/icons';

/** A bell: the notification service. */
export const BellIcon = (p: IconProps) => (
  <svg {...iconBase} {...p}>
    <path d="M6 16V11a6 6 0 0 1 12 0v5l2 2H4z" />
    <path d="M10 20a2 2 0 0 0 4 0" />
  </svg>
);
