import { iconBase, type IconProps } from '../../ui/icons';

/** A hooded figure: an attacker. */
export const AttackerIcon = (p: IconProps) => (
  <svg {...iconBase} {...p}>
    <path d="M5 20c0-4 3-6.5 7-6.5s7 2.5 7 6.5" />
    <path d="M7.5 10.5C7.5 6 9.5 3.5 12 3.5s4.5 2.5 4.5 7c0 1.5-2 3-4.5 3s-4.5-1.5-4.5-3Z" />
    <path d="M10 10h.01M14 10h.01" />
  </svg>
);
