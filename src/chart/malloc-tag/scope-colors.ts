/**
 * Colours of the malloc-tag charts: a red shade for a scope's own share (pale: little, deep red:
 * the most, as mtag-json2dot colours its Graphviz nodes), legible text over it, and the categorical
 * colours of the timeline's areas, per theme.
 */
import type { Theme } from '../../options/plot-options.js';

type Rgb = readonly [number, number, number];

const SHADES: Readonly<Record<Theme, { low: Rgb; high: Rgb; stroke: string }>> = {
  light: { low: [253, 236, 232], high: [183, 28, 28], stroke: '#ffffff' },
  dark: { low: [58, 40, 44], high: [239, 83, 80], stroke: '#161a21' },
  classic: { low: [255, 255, 255], high: [255, 0, 0], stroke: '#000000' },
};

const hex = (rgb: Rgb) => `#${rgb.map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;

/** The red shade of a share from 0 (pale) to 1 (deepest); the square root spreads the small shares most scopes have. */
export function shareColor(theme: Theme, share: number): string {
  const t = Math.sqrt(Math.min(1, Math.max(0, Number.isFinite(share) ? share : 0)));
  const { low, high } = SHADES[theme];
  return hex([0, 1, 2].map((i) => low[i] + (high[i] - low[i]) * t) as unknown as Rgb);
}

/** Line between cells: the background's colour (black for classic, as Graphviz draws). */
export function cellStroke(theme: Theme): string {
  return SHADES[theme].stroke;
}

/** Dark text on a light fill, white on a dark one (WCAG relative luminance). */
export function textOn(fill: string): string {
  const channel = (offset: number) => {
    const c = parseInt(fill.slice(offset, offset + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
  return luminance > 0.28 ? '#1f2328' : '#ffffff';
}

const CATEGORICAL: Readonly<Record<Theme, readonly string[]>> = {
  light: ['#2f6fde', '#e8833a', '#2e9e5b', '#c2417a', '#7b4fc9', '#b5892a', '#1c9aa8', '#cf4a2e', '#6b8e23', '#8c564b', '#e377c2', '#17becf', '#9aa3ae'],
  dark: ['#5b9cf5', '#ffa04d', '#4cc47f', '#f06aa6', '#c39bf0', '#e0b84f', '#3fc4d2', '#ff7b62', '#a8c66c', '#c49c94', '#f7b6d2', '#9edae5', '#6c7684'],
  classic: ['#ff0000', '#00a000', '#0000ff', '#ff00ff', '#00a0a0', '#a0a000', '#800000', '#008000', '#000080', '#ff8000', '#8000ff', '#00ff80', '#808080'],
};

/** The colour of the timeline's series `index` (the last colour, grey-ish, is kept for "other scopes"). */
export function seriesColor(theme: Theme, index: number): string {
  const colors = CATEGORICAL[theme];
  return colors[index % (colors.length - 1)];
}

export function otherColor(theme: Theme): string {
  const colors = CATEGORICAL[theme];
  return colors[colors.length - 1];
}
