import { iconBase, type IconProps } from '../../ui/icons';

/** A payment card: the payment service. */
export const CardIcon = (p: IconProps) => (
  <svg {...iconBase} {...p}>
    <rect x="3" y="5" width="18" height="14" rx="2" />
    <path d="M3 10h18M7 15h4" />
  </svg>
);
