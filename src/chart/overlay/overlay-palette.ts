/**
 * Colours of the chart of two runs, beside each theme's: the base run in grey (drawn dashed), the
 * head in the theme's heap colour, and the diff's increase (head above base: worse) and decrease.
 */
import type { Theme } from '../../options/plot-options.js';
import { CHART_THEMES } from '../themes.js';

export interface OverlayPalette {
  base: string;
  head: string;
  increase: string;
  decrease: string;
}

const EXTRA: Readonly<Record<Theme, Omit<OverlayPalette, 'head'>>> = {
  light: { base: '#7d8590', increase: '#cf222e', decrease: '#1a7f37' },
  dark: { base: '#9aa3ae', increase: '#ff6b6b', decrease: '#3fb950' },
  classic: { base: '#808080', increase: '#ff0000', decrease: '#00a000' },
};

export function overlayPalette(theme: Theme): OverlayPalette {
  return { ...EXTRA[theme], head: CHART_THEMES[theme].heap };
}

/** The base line's dashes along x, in CSS px: drawn on, gap. */
export const BASE_DASH = { on: 6, off: 4 } as const;
