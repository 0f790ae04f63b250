'use client';

import { useEffect } from 'react';
import type { Theme } from '@/stores/embed-options';
import { usePrefersDark } from '../ui/use-media-query';

/**
 * Applies the embed's theme: `light` or `dark` pin it with `data-theme` on <html> (globals.css
 * lets that override the system setting), `auto` follows the system. Returns whether the page
 * is dark, for React Flow's colour mode.
 */
export function useEmbedTheme(theme: Theme): boolean {
  const systemDark = usePrefersDark();
  useEffect(() => {
    const root = document.documentElement;
    if (theme === 'auto') delete root.dataset.theme;
    else root.dataset.theme = theme;
    return () => {
      delete root.dataset.theme;
    };
  }, [theme]);
  return theme === 'dark' || (theme === 'auto' && systemDark);
}
