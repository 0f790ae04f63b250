import { iconBase, type IconProps } from '../../ui/icons';

/** A hub with three spokes: a coordinator calling its branches. */
export const HubIcon = (p: IconProps) => (
  <svg {...iconBase} {...p}>
    <circle cx="12" cy="12" r="3" />
    <circle cx="4.5" cy="5" r="2" />
    <circle cx="19.5" cy="5" r="2" />
    <circle cx="12" cy="20.5" r="2" />
    <path d="M9.8 10L6 6.3M14.2 10L18 6.3M12 15v3.5" />
  </svg>
);
