import type { SVGProps } from 'react';

/** An icon's props: an SVG's. */
export type IconProps = SVGProps<SVGSVGElement>;

/** What every icon's SVG shares: a 24-unit box, drawn with the current colour. */
export const iconBase = {
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

/** An eye: a watch registered on a znode. */
export const EyeIcon = (p: IconProps) => (
  <svg {...iconBase} {...p}>
    <path d="M2 12s3.6-6 10-6 10 6 10 6-3.6 6-10 6S2 12 2 12Z" />
    <circle cx="12" cy="12" r="2.5" />
  </svg>
);

export const PlayIcon = (p: IconProps) => (
  <svg {...iconBase} fill="currentColor" stroke="none" {...p}>
    <path d="M7 4.5v15a1 1 0 0 0 1.5.86l12.5-7.5a1 1 0 0 0 0-1.72L8.5 3.64A1 1 0 0 0 7 4.5z" />
  </svg>
);

export const PauseIcon = (p: IconProps) => (
  <svg {...iconBase} fill="currentColor" stroke="none" {...p}>
    <rect x="6" y="4" width="4" height="16" rx="1" />
    <rect x="14" y="4" width="4" height="16" rx="1" />
  </svg>
);

/** Step: one event forward. */
export const StepIcon = (p: IconProps) => (
  <svg {...iconBase} {...p}>
    <path d="M6 5l8 7-8 7z" fill="currentColor" />
    <path d="M18 5v14" />
  </svg>
);

export const RestartIcon = (p: IconProps) => (
  <svg {...iconBase} {...p}>
    <path d="M3 12a9 9 0 1 0 3-6.7" />
    <path d="M3 4v5h5" />
  </svg>
);

/** Step back: one event backwards. */
export const StepBackIcon = (p: IconProps) => (
  <svg {...iconBase} {...p}>
    <path d="M18 5l-8 7 8 7z" fill="currentColor" />
    <path d="M6 5v14" />
  </svg>
);

/** A shield with a bang: stop when an invariant breaks. */
export const AlertIcon = (p: IconProps) => (
  <svg {...iconBase} {...p}>
    <path d="M12 3l9 16H3z" />
    <path d="M12 10v4M12 17h.01" />
  </svg>
);

export const ScissorsIcon = (p: IconProps) => (
  <svg {...iconBase} {...p}>
    <circle cx="6" cy="6" r="3" />
    <circle cx="6" cy="18" r="3" />
    <path d="M20 4 8.1 15.9M14.5 14.5 20 20M8.1 8.1 12 12" />
  </svg>
);

export const UndoIcon = (p: IconProps) => (
  <svg {...iconBase} {...p}>
    <path d="M9 14 4 9l5-5" />
    <path d="M4 9h10.5a5.5 5.5 0 0 1 0 11H11" />
  </svg>
);

export const RedoIcon = (p: IconProps) => (
  <svg {...iconBase} {...p}>
    <path d="m15 14 5-5-5-5" />
    <path d="M20 9H9.5a5.5 5.5 0 0 0 0 11H13" />
  </svg>
);

export const GridIcon = (p: IconProps) => (
  <svg {...iconBase} {...p}>
    <rect x="3" y="3" width="7" height="7" rx="1.5" />
    <rect x="14" y="3" width="7" height="7" rx="1.5" />
    <rect x="3" y="14" width="7" height="7" rx="1.5" />
    <rect x="14" y="14" width="7" height="7" rx="1.5" />
  </svg>
);

export const KeyboardIcon = (p: IconProps) => (
  <svg {...iconBase} {...p}>
    <rect x="2" y="6" width="20" height="12" rx="2" />
    <path d="M6 10h.01M10 10h.01M14 10h.01M18 10h.01M7 14h10" />
  </svg>
);

export const MoreIcon = (p: IconProps) => (
  <svg {...iconBase} {...p}>
    <circle cx="5" cy="12" r="1.2" fill="currentColor" />
    <circle cx="12" cy="12" r="1.2" fill="currentColor" />
    <circle cx="19" cy="12" r="1.2" fill="currentColor" />
  </svg>
);

export const CloseIcon = (p: IconProps) => (
  <svg {...iconBase} {...p}>
    <path d="M6 6l12 12M18 6 6 18" />
  </svg>
);

export const PlusIcon = (p: IconProps) => (
  <svg {...iconBase} {...p}>
    <path d="M12 5v14M5 12h14" />
  </svg>
);

export const BoltIcon = (p: IconProps) => (
  <svg {...iconBase} {...p}>
    <path d="M13 2 4 14h7l-1 8 9-12h-7z" />
  </svg>
);

/** A link: share. */
export const LinkIcon = (p: IconProps) => (
  <svg {...iconBase} {...p}>
    <path d="M10 13a5 5 0 0 0 7.5.5l3-3a5 5 0 0 0-7-7l-1.7 1.7" />
    <path d="M14 11a5 5 0 0 0-7.5-.5l-3 3a5 5 0 0 0 7 7l1.7-1.7" />
  </svg>
);

/** A folder: saved scenarios and files. */
export const FolderIcon = (p: IconProps) => (
  <svg {...iconBase} {...p}>
    <path d="M3 7a2 2 0 0 1 2-2h4l2 2h8a2 2 0 0 1 2 2v8a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2z" />
  </svg>
);

export const DownloadIcon = (p: IconProps) => (
  <svg {...iconBase} {...p}>
    <path d="M12 4v11M7 10l5 5 5-5M5 20h14" />
  </svg>
);

export const UploadIcon = (p: IconProps) => (
  <svg {...iconBase} {...p}>
    <path d="M12 20V9M7 14l5-5 5 5M5 4h14" />
  </svg>
);

/** Angle brackets: embed code. */
export const CodeIcon = (p: IconProps) => (
  <svg {...iconBase} {...p}>
    <path d="M8 7l-5 5 5 5M16 7l5 5-5 5M13.5 4l-3 16" />
  </svg>
);

/** A box with an arrow leaving it: opens in a new tab. */
export const ExternalIcon = (p: IconProps) => (
  <svg {...iconBase} {...p}>
    <path d="M14 4h6v6M20 4l-9 9M18 14v5a1 1 0 0 1-1 1H5a1 1 0 0 1-1-1V7a1 1 0 0 1 1-1h5" />
  </svg>
);

export const PencilIcon = (p: IconProps) => (
  <svg {...iconBase} {...p}>
    <path d="M16.5 3.5a2.1 2.1 0 0 1 3 3L8 18l-4 1 1-4z" />
    <path d="M14.5 5.5l3 3" />
  </svg>
);

/** A chevron pointing right; rotate it for the other ways. */
export const ChevronIcon = (p: IconProps) => (
  <svg {...iconBase} {...p}>
    <path d="M9 6l6 6-6 6" />
  </svg>
);
