import { iconBase, type IconProps } from '../../ui/icons';

/** A queue of messages: the message broker. */
export const QueueIcon = (p: IconProps) => (
  <svg {...iconBase} {...p}>
    <rect x="3" y="7" width="4" height="10" rx="1" />
    <rect x="10" y="7" width="4" height="10" rx="1" />
    <path d="M17 12h4M19 10l2 2-2 2" />
  </svg>
);
