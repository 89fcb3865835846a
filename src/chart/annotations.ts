/**
 * Markers for what a reader looks for first: the peak heap, the peak total (heap + stack of one
 * entry), and the heap still allocated at exit when it is not zero (the leak hint), or one marker
 * when the peak is the last entry; each with a label saying the value and where it happened,
 * laid out by label-layout.ts so that no label covers another, a marker, or the axes around the
 * plot, and hides as little of the heap (and total) line as it can.
 */
import type { ProfileSummary } from '../aggregate/summary.js';
import type { PlotOptions } from '../options/plot-options.js';
import { formatBinaryBytes } from './byte-format.js';
import { positionOfMax, ticksSinceStart, type ChartData } from './chart-data.js';
import { layoutLabels, nearestOnBox, type Box, type LabelPlacement } from './label-layout.js';
import type { ChartDensity, PlotArea } from './layout.js';
import { lineCoverage, rowCoverageCounter, type CoverageLine } from './line-coverage.js';
import type { LinearScale } from './scales.js';
import { roundCoordinate, svgElement, svgGroup, svgText, type SvgElement } from './svg-node.js';
import { textWidth, wrapText } from './text-metrics.js';

/**
 * peak-exit: the peak heap is the last entry (a program killed while growing): one marker, one label.
 * The chart of two runs (chart/overlay/) marks the base run's peak (peak-base) beside the head's
 * (peak-heap), and in diff mode the largest increase and decrease of head − base.
 */
export type AnnotationKind = 'peak-heap' | 'peak-total' | 'exit-heap' | 'peak-exit' | 'peak-base' | 'largest-increase' | 'largest-decrease';

export interface Annotation {
  kind: AnnotationKind;
  /** Position along the x axis and value on the heap (left) scale. */
  position: number;
  value: number;
  label: string;
  color: string;
}

/** The annotations, and the lines (on the heap scale) their labels should not hide. */
export interface ChartAnnotations {
  items: Annotation[];
  lines: CoverageLine[];
}

export interface AnnotationContext {
  summary: ProfileSummary;
  data: ChartData;
  options: Pick<PlotOptions, 'axis' | 'total'>;
  density: ChartDensity;
  /** Text of a position along the x axis, e.g. "call 94,783" or "2.92 s". */
  describePosition: (position: number, exact: boolean) => string;
  colors: { heap: string; total: string };
}

/** The annotations a summary calls for, in drawing priority order. */
export function chartAnnotations(context: AnnotationContext): ChartAnnotations {
  const { summary, data, options, density, describePosition } = context;
  const { stats } = summary;
  const items: Annotation[] = [];
  const labelled = (long: string, short: string) => (density === 'full' ? long : density === 'compact' ? short : '');
  // A program that never reached its exit handler (killed, crashed) did not exit: its last entry is where the recording stopped.
  const exited = !stats.warnings.some((warning) => warning.code === 'HEADER_INCOMPLETE');
  const atExit = exited ? 'at exit' : 'when the recording stopped';
  const exitWord = exited ? 'exit' : 'end';
  const exitPosition = stats.time.last === null ? null : options.axis === 'time' ? ticksSinceStart(summary, stats.time.last) : stats.entries - 1;
  const final = stats.final;
  const peakIsLast = stats.peakHeapAt !== null && stats.peakHeapAt.index === stats.entries - 1 && final !== null && final.heap !== 0 && exitPosition !== null;
  if (stats.peakHeapAt) {
    const position = options.axis === 'time' ? ticksSinceStart(summary, stats.peakHeapAt.time) : stats.peakHeapAt.index;
    const value = formatBinaryBytes(stats.peak.heap);
    const where = describePosition(position, true);
    items.push({
      kind: peakIsLast ? 'peak-exit' : 'peak-heap',
      position,
      value: stats.peak.heap,
      label: peakIsLast ? labelled(`peak and ${atExit}: ${value} at ${where}`, `peak = ${exitWord} ${value}`) : labelled(`peak heap ${value} at ${where}`, `peak heap ${value}`),
      color: context.colors.heap,
    });
  }
  if (options.total && stats.entries > 0) {
    const position = positionOfMax(data.series, data.total, stats.peak.total);
    if (position !== null) {
      const value = formatBinaryBytes(stats.peak.total);
      const exact = data.series.bucketWidth === 1 && options.axis === 'calls';
      items.push({
        kind: 'peak-total',
        position,
        value: stats.peak.total,
        label: labelled(`peak heap + stack ${value} at ${exact ? '' : '~'}${describePosition(position, exact)}`, `peak heap + stack ${value}`),
        color: context.colors.total,
      });
    }
  }
  if (final && final.heap !== 0 && exitPosition !== null && !peakIsLast) {
    const value = formatBinaryBytes(final.heap);
    // Below zero the counter does not count what is left: it went under by frees of memory allocated before tracing started.
    const long = final.heap > 0 ? `${value} still allocated ${atExit}` : `heap ${atExit} ${value} (below zero: frees of memory allocated before tracing)`;
    items.push({ kind: 'exit-heap', position: exitPosition, value: final.heap, label: labelled(long, `${exitWord} ${value}`), color: context.colors.heap });
  }
  const lines: CoverageLine[] = [];
  if (data.heapExtent !== null) {
    const step = options.axis === 'time';
    lines.push({ series: data.series, columns: data.heap, step });
    if (options.total) lines.push({ series: data.series, columns: data.total, step });
  }
  return { items, lines };
}

/**
 * A label's box is what it covers: DejaVu Sans' tallest lowercase and digits reach 0.76 em above
 * the baseline and its descenders 0.24 em below, and the halo (a stroke in the background colour
 * that parts the text from the lines under it) 2 px beyond.
 */
const GLYPH_ASCENT = 0.76;
const GLYPH_DESCENT = 0.24;
const LABEL_HALO = 2;

export interface AnnotationLayoutOptions {
  x: LinearScale;
  y: LinearScale;
  area: PlotArea;
  fontSize: number;
  lineHeight: number;
  textColor: string;
  halo: string;
  /** y of the plot's horizontal gridlines: labels keep between them when they can. */
  gridLines?: readonly number[];
}

export interface PlacedAnnotation {
  annotation: Annotation;
  /** The marker's centre. */
  mx: number;
  my: number;
  /** The label's lines (a label wider than the plot is wrapped to two) and where they go; null when unlabelled or when it fits nowhere. */
  lines: string[];
  placement: LabelPlacement | null;
}

/** Marker positions and label boxes: a pure function of the annotations and the chart geometry. */
export function placeAnnotations(annotations: ChartAnnotations, options: AnnotationLayoutOptions): PlacedAnnotation[] {
  const { area, fontSize, lineHeight } = options;
  const radius = markerRadius(fontSize);
  const margin = 3;
  const bounds: Box = { x0: area.left + margin, y0: area.top + margin, x1: area.left + area.width - margin, y1: area.top + area.height - margin };
  const points = annotations.items.map((annotation) => ({ annotation, mx: roundCoordinate(options.x(annotation.position)), my: roundCoordinate(options.y(annotation.value)) }));
  const obstacles: Box[] = points.map(({ annotation, mx, my }) => {
    const r = radius + (annotation.kind === 'peak-exit' ? 3 : 1);
    return { x0: mx - r, y0: my - r, x1: mx + r, y1: my + r };
  });
  const maxWidth = bounds.x1 - bounds.x0 - 2 * LABEL_HALO;
  const labelled = points.filter(({ annotation }) => annotation.label !== '');
  const texts = labelled.map(({ annotation }) => {
    const font = { size: fontSize };
    return textWidth(annotation.label, font) <= maxWidth ? [annotation.label] : wrapText(annotation.label, font, maxWidth, 2);
  });
  const coverage = annotations.lines.length > 0 ? lineCoverage(annotations.lines, options.x, options.y, area.left, area.left + area.width) : null;
  const placements = layoutLabels(
    labelled.map(({ mx, my }, i) => ({
      x: mx,
      y: my,
      width: Math.max(0, ...texts[i].map((text) => textWidth(text, { size: fontSize }))) + 2 * LABEL_HALO,
      height: (texts[i].length - 1) * lineHeight + fontSize * (GLYPH_ASCENT + GLYPH_DESCENT) + 2 * LABEL_HALO,
    })),
    { bounds, obstacles, gap: fontSize * 0.6, lineCover: coverage ? rowCoverageCounter(coverage) : undefined, gridLines: options.gridLines },
  );
  return points.map((point) => {
    const i = labelled.indexOf(point);
    return { ...point, lines: i < 0 ? [] : texts[i], placement: i < 0 ? null : placements[i] };
  });
}

function markerRadius(fontSize: number): number {
  return Math.max(2.5, fontSize * 0.3);
}

export function annotationMarks(annotations: ChartAnnotations, options: AnnotationLayoutOptions): SvgElement | null {
  if (annotations.items.length === 0) return null;
  const { fontSize, lineHeight } = options;
  const radius = roundCoordinate(markerRadius(fontSize));
  const leaders: SvgElement[] = [];
  const markers: SvgElement[] = [];
  const labels: SvgElement[] = [];
  for (const { annotation, mx, my, lines, placement } of placeAnnotations(annotations, options)) {
    const marker = { cx: mx, cy: my, class: `marker-${annotation.kind}` };
    const mark: SvgElement[] = [];
    if (annotation.kind === 'exit-heap') {
      mark.push(svgElement('circle', { ...marker, r: radius, fill: options.halo, stroke: annotation.color, 'stroke-width': 2 }));
    } else if (annotation.kind === 'peak-exit') {
      // The peak's dot inside the exit's ring.
      mark.push(svgElement('circle', { ...marker, r: roundCoordinate(radius + 2), fill: options.halo, stroke: annotation.color, 'stroke-width': 1.5 }));
      mark.push(svgElement('circle', { cx: mx, cy: my, r: roundCoordinate(radius - 0.5), fill: annotation.color }));
    } else {
      mark.push(svgElement('circle', { ...marker, r: radius, fill: annotation.color, stroke: options.halo, 'stroke-width': 1.5 }));
    }
    // Markers of nearby points overlap: the first annotation (the peak heap) is drawn last, on top.
    markers.unshift(...mark);
    if (!placement) continue;
    const { box, anchor } = placement;
    if (placement.leader) {
      const end = nearestOnBox(box, mx, my);
      const length = Math.hypot(end.x - mx, end.y - my);
      const start = radius + 1.5;
      leaders.push(
        svgElement('path', {
          d: `M${roundCoordinate(mx + ((end.x - mx) * start) / length)},${roundCoordinate(my + ((end.y - my) * start) / length)}L${roundCoordinate(end.x)},${roundCoordinate(end.y)}`,
          // In the text's colour, faint: a leader in the heap's colour beside the heap line reads as more of the line.
          stroke: options.textColor,
          'stroke-opacity': 0.45,
          'stroke-width': 1,
          fill: 'none',
          class: `leader-${annotation.kind}`,
        }),
      );
    }
    lines.forEach((line, index) => {
      labels.push(
        svgText(
          {
            x: roundCoordinate(anchor === 'end' ? box.x1 - LABEL_HALO : box.x0 + LABEL_HALO),
            y: roundCoordinate(box.y0 + LABEL_HALO + fontSize * GLYPH_ASCENT + index * lineHeight),
            'text-anchor': anchor,
            class: `label-${annotation.kind}`,
          },
          line,
        ),
      );
    });
  }
  return svgGroup({ class: 'annotations' }, [
    ...leaders,
    ...markers,
    svgGroup(
      { 'font-size': fontSize, fill: options.textColor, stroke: options.halo, 'stroke-width': 2 * LABEL_HALO, 'stroke-linejoin': 'round', 'paint-order': 'stroke' },
      labels,
    ),
  ]);
}
