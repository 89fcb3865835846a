/**
 * Sizes that follow from the image size: how much the chart shows (density), font size and
 * paddings, and the plot area's rectangle once the margins are known.
 */

/** full: everything; compact: shorter labels, notes cut to a line; minimal (thumbnails, 100×80):
 * lines, axes with few ticks, markers without labels, the title only when it fits. */
export type ChartDensity = 'minimal' | 'compact' | 'full';

export interface ChartSizing {
  density: ChartDensity;
  fontSize: number;
  titleFontSize: number;
  padding: number;
  tickLength: number;
  /** Vertical distance between text lines. */
  lineHeight: number;
}

export function chartSizing(width: number, height: number): ChartSizing {
  const density: ChartDensity = width < 300 || height < 200 ? 'minimal' : width < 520 || height < 360 ? 'compact' : 'full';
  const fontSize = density === 'minimal' ? 8 : density === 'compact' ? 10 : Math.min(16, Math.max(12, Math.round(Math.min(width / 66, height / 50))));
  return {
    density,
    fontSize,
    titleFontSize: density === 'minimal' ? 9 : Math.round(fontSize * 1.3),
    padding: density === 'minimal' ? 4 : density === 'compact' ? 8 : Math.round(fontSize * 1.2),
    tickLength: density === 'minimal' ? 2 : 4,
    lineHeight: Math.round(fontSize * 1.35),
  };
}

export interface PlotArea {
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface Margins {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/** The plot area inside the margins, at least 10 × 10 px. */
export function plotArea(width: number, height: number, margins: Margins): PlotArea {
  return {
    left: margins.left,
    top: margins.top,
    width: Math.max(10, width - margins.left - margins.right),
    height: Math.max(10, height - margins.top - margins.bottom),
  };
}

/** About one tick per `spacing` px along `length` px, between 2 and 12. */
export function tickCount(length: number, spacing: number): number {
  return Math.max(2, Math.min(12, Math.floor(length / spacing)));
}
