import type { SVGProps } from 'react';

type IconProps = SVGProps<SVGSVGElement>;

const base = {
  width: 16,
  height: 16,
  viewBox: '0 0 24 24',
  fill: 'none',
  stroke: 'currentColor',
  strokeWidth: 2,
  strokeLinecap: 'round',
  strokeLinejoin: 'round',
  'aria-hidden': true,
} as const;

/** Two stacked server units: an app service. */
export const ServerIcon = (p: IconProps) => (
  <svg {...base} {...p}>
    <rect x="4" y="4" width="16" height="7" rx="1.5" />
    <rect x="4" y="13" width="16" height="7" rx="1.5" />
    <path d="M8 7.5h.01M8 16.5h.01" />
  </svg>
);

/** One line in, three out: a load balancer. */
export const BalancerIcon = (p: IconProps) => (
  <svg {...base} {...p}>
    <circle cx="5" cy="12" r="2" />
    <path d="M7 12h4M11 12l8-6M11 12h8M11 12l8 6" />
  </svg>
);

/** A hooded figure: an attacker. */
export const AttackerIcon = (p: IconProps) => (
  <svg {...base} {...p}>
    <path d="M5 20c0-4 3-6.5 7-6.5s7 2.5 7 6.5" />
    <path d="M7.5 10.5C7.5 6 9.5 3.5 12 3.5s4.5 2.5 4.5 7c0 1.5-2 3-4.5 3s-4.5-1.5-4.5-3Z" />
    <path d="M10 10h.01M14 10h.01" />
  </svg>
);
