/**
 * Markers for what a reader looks for first: the peak heap, the peak total (heap + stack of one
 * entry), and the heap still allocated at exit when it is not zero (the leak hint); each with a
 * label saying the value and where it happened, placed where it overlaps no other label.
 */
import type { ProfileSummary } from '../aggregate/summary.js';
import type { PlotOptions } from '../options/plot-options.js';
import { formatBytes } from './byte-format.js';
import { positionOfMax, ticksSinceStart, type ChartData } from './chart-data.js';
import type { ChartDensity, PlotArea } from './layout.js';
import type { LinearScale } from './scales.js';
import { roundCoordinate, svgElement, svgGroup, svgText, type SvgElement } from './svg-node.js';
import { textWidth } from './text-metrics.js';

export type AnnotationKind = 'peak-heap' | 'peak-total' | 'exit-heap';

export interface Annotation {
  kind: AnnotationKind;
  /** Position along the x axis and value on the heap (left) scale. */
  position: number;
  value: number;
  label: string;
  color: string;
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
export function chartAnnotations(context: AnnotationContext): Annotation[] {
  const { summary, data, options, density, describePosition } = context;
  const { stats } = summary;
  const annotations: Annotation[] = [];
  const labelled = (long: string, short: string) => (density === 'full' ? long : density === 'compact' ? short : '');
  if (stats.peakHeapAt) {
    const position = options.axis === 'time' ? ticksSinceStart(summary, stats.peakHeapAt.time) : stats.peakHeapAt.index;
    const value = formatBytes(stats.peak.heap);
    annotations.push({
      kind: 'peak-heap',
      position,
      value: stats.peak.heap,
      label: labelled(`peak heap ${value} at ${describePosition(position, true)}`, `peak ${value}`),
      color: context.colors.heap,
    });
  }
  if (options.total && stats.entries > 0) {
    const position = positionOfMax(data.series, data.total, stats.peak.total);
    if (position !== null) {
      const value = formatBytes(stats.peak.total);
      const exact = data.series.bucketWidth === 1 && options.axis === 'calls';
      annotations.push({
        kind: 'peak-total',
        position,
        value: stats.peak.total,
        label: labelled(`peak heap + stack ${value} at ${exact ? '' : '~'}${describePosition(position, exact)}`, `total ${value}`),
        color: context.colors.total,
      });
    }
  }
  if (stats.final && stats.final.heap !== 0 && stats.time.last !== null) {
    const position = options.axis === 'time' ? ticksSinceStart(summary, stats.time.last) : stats.entries - 1;
    const value = formatBytes(stats.final.heap);
    annotations.push({
      kind: 'exit-heap',
      position,
      value: stats.final.heap,
      label: labelled(stats.final.heap > 0 ? `${value} still allocated at exit` : `heap at exit ${value} (below zero)`, `exit ${value}`),
      color: context.colors.heap,
    });
  }
  return annotations;
}

interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

function overlaps(a: Box, b: Box): boolean {
  return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
}

export interface AnnotationLayoutOptions {
  x: LinearScale;
  y: LinearScale;
  area: PlotArea;
  fontSize: number;
  lineHeight: number;
  textColor: string;
  halo: string;
}

/**
 * Label position next to a marker: above-left, above-right, below-left, below-right, then further
 * down on the left; the first that stays inside the plot area and clear of placed labels and markers.
 */
function placeLabel(mx: number, my: number, width: number, options: AnnotationLayoutOptions, taken: readonly Box[]) {
  const { area, fontSize } = options;
  const offset = fontSize * 0.6;
  const candidates: { x: number; y: number; anchor: 'start' | 'end' }[] = [];
  for (let step = 0; step < 6; step += 1) {
    const down = step * options.lineHeight;
    candidates.push({ x: mx - offset, y: my - offset + down, anchor: 'end' });
    candidates.push({ x: mx + offset, y: my - offset + down, anchor: 'start' });
    candidates.push({ x: mx - offset, y: my + offset + fontSize + down, anchor: 'end' });
    candidates.push({ x: mx + offset, y: my + offset + fontSize + down, anchor: 'start' });
  }
  const inside = (box: Box) => box.x0 >= area.left + 2 && box.x1 <= area.left + area.width - 2 && box.y0 >= area.top + 2 && box.y1 <= area.top + area.height - 2;
  const boxOf = (candidate: (typeof candidates)[number]): Box => {
    const x0 = candidate.anchor === 'end' ? candidate.x - width : candidate.x;
    return { x0, y0: candidate.y - fontSize, x1: x0 + width, y1: candidate.y + fontSize * 0.3 };
  };
  for (const candidate of candidates) {
    const box = boxOf(candidate);
    if (inside(box) && !taken.some((other) => overlaps(box, other))) return { ...candidate, box };
  }
  const fallback = candidates[0];
  return { ...fallback, box: boxOf(fallback) };
}

export function annotationMarks(annotations: readonly Annotation[], options: AnnotationLayoutOptions): SvgElement | null {
  if (annotations.length === 0) return null;
  const markers: SvgElement[] = [];
  const labels: SvgElement[] = [];
  const radius = Math.max(2.5, options.fontSize * 0.3);
  const points = annotations.map((annotation) => ({ annotation, mx: roundCoordinate(options.x(annotation.position)), my: roundCoordinate(options.y(annotation.value)) }));
  const taken: Box[] = points.map(({ mx, my }) => ({ x0: mx - radius - 1, y0: my - radius - 1, x1: mx + radius + 1, y1: my + radius + 1 }));
  for (const { annotation, mx, my } of points) {
    const hollow = annotation.kind === 'exit-heap';
    markers.push(
      svgElement('circle', {
        cx: mx,
        cy: my,
        r: roundCoordinate(radius),
        fill: hollow ? options.halo : annotation.color,
        stroke: hollow ? annotation.color : options.halo,
        'stroke-width': hollow ? 2 : 1.5,
        class: `marker-${annotation.kind}`,
      }),
    );
    if (!annotation.label) continue;
    const width = textWidth(annotation.label, { size: options.fontSize });
    const placed = placeLabel(mx, my, width, options, taken);
    taken.push(placed.box);
    labels.push(svgText({ x: roundCoordinate(placed.x), y: roundCoordinate(placed.y), 'text-anchor': placed.anchor, class: `label-${annotation.kind}` }, annotation.label));
  }
  return svgGroup({ class: 'annotations' }, [
    ...markers,
    svgGroup(
      { 'font-size': options.fontSize, fill: options.textColor, stroke: options.halo, 'stroke-width': 4, 'stroke-linejoin': 'round', 'paint-order': 'stroke' },
      labels,
    ),
  ]);
}
