import { iconBase, type IconProps } from '../../ui/icons';

/** A database cylinder. */
export const CylinderIcon = (p: IconProps) => (
  <svg {...iconBase} {...p}>
    <ellipse cx="12" cy="5.5" rx="7.5" ry="2.5" />
    <path d="M4.5 5.5v13c0 1.4 3.4 2.5 7.5 2.5s7.5-1.1 7.5-2.5v-13" />
    <path d="M4.5 12c0 1.4 3.4 2.5 7.5 2.5s7.5-1.1 7.5-2.5" />
  </svg>
);

/** A padlock: the row is locked by a transaction. */
export const LockIcon = (p: IconProps) => (
  <svg {...iconBase} {...p}>
    <rect x="5" y="11" width="14" height="9" rx="1.5" />
    <path d="M8 11V8a4 4 0 0 1 8 0v3" />
  </svg>
);
