import { iconBase, type IconProps } from '../../ui/icons';

/** A box with a snowflake-like lock bar: a service that freezes and releases money. */
export const SvcIcon = (p: IconProps) => (
  <svg {...iconBase} {...p}>
    <rect x="3.5" y="4" width="17" height="16" rx="2" />
    <path d="M3.5 9h17M8 13.5h8M8 16.5h5" />
  </svg>
);
