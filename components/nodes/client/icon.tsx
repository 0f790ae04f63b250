import { iconBase, type IconProps } from '../../ui/icons';

/** A laptop: a client machine. */
export const ClientIcon = (p: IconProps) => (
  <svg {...iconBase} {...p}>
    <rect x="4" y="5" width="16" height="11" rx="1.5" />
    <path d="M2 19h20" />
  </svg>
);
