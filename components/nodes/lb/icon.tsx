import { iconBase, type IconProps } from '../../ui/icons';

/** One line in, three out: a load balancer. */
export const BalancerIcon = (p: IconProps) => (
  <svg {...iconBase} {...p}>
    <circle cx="5" cy="12" r="2" />
    <path d="M7 12h4M11 12l8-6M11 12h8M11 12l8 6" />
  </svg>
);
