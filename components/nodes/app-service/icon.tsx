import { iconBase, type IconProps } from '../../ui/icons';

/** Two stacked server units: an app service. */
export const ServerIcon = (p: IconProps) => (
  <svg {...iconBase} {...p}>
    <rect x="4" y="4" width="16" height="7" rx="1.5" />
    <rect x="4" y="13" width="16" height="7" rx="1.5" />
    <path d="M8 7.5h.01M8 16.5h.01" />
  </svg>
);
