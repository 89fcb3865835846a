/**
 * Colours of each theme: light (default), dark (dashboards) and classic (memusagestat's: red
 * heap, green stack, black total, blue frame, yellow-green time bands).
 */
import type { Theme } from '../options/plot-options.js';

export interface ChartTheme {
  background: string;
  text: string;
  mutedText: string;
  grid: string;
  /** The zero line when the heap goes below zero. */
  zeroLine: string;
  axis: string;
  /** Full frame around the plot area, or null for none (gridlines and a base axis only). */
  frame: string | null;
  heap: string;
  stack: string;
  total: string;
  /** The two alternating colours of the time bands on the calls axis. */
  bands: readonly [string, string];
  warningText: string;
  warningBackground: string;
  gridDash: string | null;
  lineWidth: number;
  /** The stack line is lighter than heap and total so that they read over it. */
  stackOpacity: number;
  /** Bars of the rate panel, and of heap growth and shrink in the changes panel. */
  rate: string;
  growth: string;
  shrink: string;
}

const LIGHT: ChartTheme = {
  background: '#ffffff',
  text: '#1f2328',
  mutedText: '#5b6470',
  grid: '#e6e8eb',
  zeroLine: '#8c959f',
  axis: '#b6bcc4',
  frame: null,
  heap: '#2f6fde',
  stack: '#e8833a',
  total: '#7b4fc9',
  bands: ['#c9d3e3', '#eef1f6'],
  warningText: '#8a4b00',
  warningBackground: '#fff4e0',
  gridDash: null,
  lineWidth: 2,
  stackOpacity: 0.55,
  rate: '#6e7781',
  growth: '#2f6fde',
  shrink: '#cf4a2e',
};

const DARK: ChartTheme = {
  background: '#161a21',
  text: '#e3e6ea',
  mutedText: '#9aa3ae',
  grid: '#2b313b',
  zeroLine: '#6c7684',
  axis: '#4a5260',
  frame: null,
  heap: '#5b9cf5',
  stack: '#ffa04d',
  total: '#c39bf0',
  bands: ['#3a4556', '#232a35'],
  warningText: '#ffd27a',
  warningBackground: '#3a2f1a',
  gridDash: null,
  lineWidth: 2,
  stackOpacity: 0.4,
  rate: '#9aa3ae',
  growth: '#5b9cf5',
  shrink: '#ff7b62',
};

const CLASSIC: ChartTheme = {
  background: '#ffffff',
  text: '#000000',
  mutedText: '#0000ff',
  grid: '#ff0000',
  zeroLine: '#000000',
  axis: '#0000ff',
  frame: '#0000ff',
  heap: '#ff0000',
  stack: '#00a000',
  total: '#000000',
  bands: ['#9acd32', '#ffffff'],
  warningText: '#000000',
  warningBackground: '#ffff99',
  gridDash: '4 3',
  lineWidth: 1,
  stackOpacity: 1,
  rate: '#0000ff',
  growth: '#ff0000',
  shrink: '#000000',
};

export const CHART_THEMES: Readonly<Record<Theme, ChartTheme>> = { light: LIGHT, dark: DARK, classic: CLASSIC };
