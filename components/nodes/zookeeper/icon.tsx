import { iconBase, type IconProps } from '../../ui/icons';

/** A small tree of nodes: a coordination service's znode hierarchy. */
export const TreeIcon = (p: IconProps) => (
  <svg {...iconBase} {...p}>
    <circle cx="12" cy="5" r="2.2" />
    <circle cx="6" cy="18" r="2.2" />
    <circle cx="18" cy="18" r="2.2" />
    <path d="M12 7.2v4M12 11.2 6.8 15.9M12 11.2l5.2 4.7" />
  </svg>
);
