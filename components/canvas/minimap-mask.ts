/**
 * The minimap's mask (the dimmed area outside the view) in each theme. The build's first frame
 * is drawn light, and its script swaps in the dark mask for a dark-theme visitor, so both read it here.
 */
export const MINIMAP_MASK = { light: 'rgb(241 245 249 / 0.7)', dark: 'rgb(2 6 23 / 0.6)' } as const;
