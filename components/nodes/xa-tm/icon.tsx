import { iconBase, type IconProps } from '../../ui/icons';

/** Two branches joined at a decision point: a coordinator. */
export const ForkIcon = (p: IconProps) => (
  <svg {...iconBase} {...p}>
    <circle cx="6" cy="12" r="2.5" />
    <circle cx="18" cy="6" r="2.5" />
    <circle cx="18" cy="18" r="2.5" />
    <path d="M8.5 11l7-4M8.5 13l7 4" />
  </svg>
);
