import { iconBase, type IconProps } from '../../ui/icons';

/** A watchtower's eye: a sentinel watching a server. */
export const WatchIcon = (p: IconProps) => (
  <svg {...iconBase} {...p}>
    <path d="M2.5 12s3.5-6 9.5-6 9.5 6 9.5 6-3.5 6-9.5 6-9.5-6-9.5-6Z" />
    <circle cx="12" cy="12" r="2.6" />
    <path d="M12 3v1.5M5 5l1 1M19 5l-1 1" />
  </svg>
);
