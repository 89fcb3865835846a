/**
 * The M4 line (Jugel et al., VLDB 2014). The summary's buckets are regrouped into one group per
 * device pixel column of the plot area, each keeping its first, min, max and last value; drawn
 * through every group as first → min → max → last, that polyline lights the same pixels as the
 * line through every entry.
 *
 * It is drawn as the filled outline of that polyline (a ribbon one line-width thick), not as a
 * stroke: in each column the ribbon spans the column's min to max, widened to meet its
 * neighbours half way (or, for step-after, to include the value held from the previous group).
 * librsvg strokes a dense zig-zag (a stack line flipping between 2 and 40 KiB in every column)
 * five times slower than it fills the same pixels. Coordinates are rounded to 0.1 px and repeated
 * points dropped, so the path stays small.
 */
import type { M4Columns, M4Series } from '../aggregate/summary.js';
import { bucketSpan } from './chart-data.js';
import type { LinearScale } from './scales.js';
import { roundCoordinate } from './svg-node.js';

/** linear: straight segments between consecutive values (the calls axis, where entries are adjacent);
 * step-after: a value holds until the next one (the time axis, where calls can be far apart). */
export type LineInterpolation = 'linear' | 'step-after';

export interface M4PathOptions {
  x: LinearScale;
  y: LinearScale;
  /** Device pixels per CSS pixel: the plot area's width × this is the number of pixel columns. */
  pixelRatio: number;
  interpolation: LineInterpolation;
  /** Line thickness in CSS px. */
  lineWidth: number;
}

/** One device pixel column's M4 tuple, in pixels (y grows downwards: min has the largest y). */
export interface ColumnGroup {
  column: number;
  firstX: number;
  lastX: number;
  firstY: number;
  lastY: number;
  /** Smallest and largest y in pixels (the max value and the min value). */
  topY: number;
  bottomY: number;
}

/** The series' non-empty buckets regrouped by device pixel column, left to right. */
export function m4ColumnGroups(series: M4Series, values: M4Columns, x: LinearScale, y: LinearScale, columns: number): ColumnGroup[] {
  const left = Math.min(x.range[0], x.range[1]);
  const width = Math.abs(x.range[1] - x.range[0]) || 1;
  const groups: ColumnGroup[] = [];
  let group: ColumnGroup | null = null;
  for (let b = 0; b < series.count.length; b += 1) {
    if (series.count[b] === 0) continue;
    const { start, end } = bucketSpan(series, b);
    const startX = x(start);
    const endX = x(end);
    const column = Math.min(columns - 1, Math.max(0, Math.floor((((startX + endX) / 2 - left) / width) * columns)));
    const maxY = y(values.max[b]);
    const minY = y(values.min[b]);
    if (group && group.column === column) {
      group.topY = Math.min(group.topY, maxY);
      group.bottomY = Math.max(group.bottomY, minY);
      group.lastX = endX;
      group.lastY = y(values.last[b]);
      continue;
    }
    group = { column, firstX: startX, lastX: endX, firstY: y(values.first[b]), lastY: y(values.last[b]), topY: maxY, bottomY: minY };
    groups.push(group);
  }
  return groups;
}

/** Path data writer: M, then L, H or V, whichever is shortest; repeated points dropped and
 * runs along one horizontal or vertical line in one direction merged into one command. */
class PathWriter {
  private parts: string[] = [];
  private x = Number.NaN;
  private y = Number.NaN;
  /** Direction of the last command when it was H or V: +1 or -1, else 0. */
  private run: { axis: 'H' | 'V' | null; direction: number } = { axis: null, direction: 0 };

  point(rawX: number, rawY: number): void {
    const x = roundCoordinate(rawX);
    const y = roundCoordinate(rawY);
    if (this.parts.length === 0) {
      this.parts.push(`M${x},${y}`);
    } else if (x === this.x && y === this.y) {
      return;
    } else if (x === this.x || y === this.y) {
      const axis = x === this.x ? 'V' : 'H';
      const direction = axis === 'V' ? Math.sign(y - this.y) : Math.sign(x - this.x);
      const command = `${axis}${axis === 'V' ? y : x}`;
      if (this.run.axis === axis && this.run.direction === direction) this.parts[this.parts.length - 1] = command;
      else this.parts.push(command);
      this.run = { axis, direction };
    } else {
      this.parts.push(`L${x},${y}`);
      this.run = { axis: null, direction: 0 };
    }
    this.x = x;
    this.y = y;
  }

  close(): string {
    return this.parts.length === 0 ? '' : `${this.parts.join('')}Z`;
  }
}

interface RibbonVertex {
  x: number;
  top: number;
  bottom: number;
}

/**
 * The straight segment from (x0, y0) to (x1, y1), x0 < x1, drawn `half` thick on each side across
 * its direction, as ribbon vertices from x0 to x1: the top and bottom of that rectangle at x0, x1
 * and at its corners between them. A near-vertical segment is thus as thick horizontally as the
 * line and never reaches above or below its end points by more than `half` (growing its vertical
 * thickness with the slope instead made a steep segment between two far-apart columns overshoot
 * by hundreds of pixels, past the plot area).
 */
export function segmentVertices(x0: number, y0: number, x1: number, y1: number, half: number): { x: number; top: number; bottom: number }[] {
  const length = Math.hypot(x1 - x0, y1 - y0) || 1;
  // The normal pointing up the image (towards smaller y).
  const nx = ((y1 - y0) / length) * half;
  const ny = (-(x1 - x0) / length) * half;
  const corners: [number, number][] = [
    [x0 + nx, y0 + ny],
    [x1 + nx, y1 + ny],
    [x1 - nx, y1 - ny],
    [x0 - nx, y0 - ny],
  ];
  const xs = [x0, x1, ...corners.map(([cx]) => cx).filter((cx) => cx > x0 && cx < x1)].sort((a, b) => a - b);
  const vertices: { x: number; top: number; bottom: number }[] = [];
  for (const x of xs) {
    if (vertices.length > 0 && vertices[vertices.length - 1].x === x) continue;
    let top = Number.POSITIVE_INFINITY;
    let bottom = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < 4; i += 1) {
      const [ax, ay] = corners[i];
      const [bx, by] = corners[(i + 1) % 4];
      if (x < Math.min(ax, bx) - 1e-9 || x > Math.max(ax, bx) + 1e-9) continue;
      const ys = Math.abs(bx - ax) < 1e-9 ? [ay, by] : [ay + ((by - ay) * (x - ax)) / (bx - ax)];
      for (const y of ys) {
        top = Math.min(top, y);
        bottom = Math.max(bottom, y);
      }
    }
    vertices.push({ x, top, bottom });
  }
  return vertices;
}

/**
 * Ribbon vertices, left to right. Neighbouring columns (the dense case) each span their min to
 * max, widened to meet half way. Columns far apart (few entries on a wide plot, quiet stretches
 * of the time axis) are drawn as a bar one line-width wide per column joined by straight segments
 * one line-width thick across their direction (linear, see segmentVertices) or by a held value
 * (step-after). No vertex lies more than half a line-width beyond the values it joins.
 */
function ribbonVertices(groups: readonly ColumnGroup[], columnWidth: number, interpolation: LineInterpolation, half: number): RibbonVertex[] {
  const step = interpolation === 'step-after';
  const reach = Math.max(half, columnWidth / 2);
  const centre = (group: ColumnGroup) => (group.firstX + group.lastX) / 2;
  const apart = (a: ColumnGroup, b: ColumnGroup) => centre(b) - centre(a) > 2 * reach + columnWidth;
  const vertices: RibbonVertex[] = [];
  const first = groups[0];
  const last = groups[groups.length - 1];
  // A line of a single point gets one column's width, to be seen.
  const pad = last.lastX - first.firstX < columnWidth ? columnWidth / 2 : 0;
  vertices.push({ x: first.firstX - pad, top: first.firstY - half, bottom: first.firstY + half });
  for (let i = 0; i < groups.length; i += 1) {
    const group = groups[i];
    const previous = groups[i - 1];
    const next = groups[i + 1];
    const x = centre(group);
    let top = group.topY - half;
    let bottom = group.bottomY + half;
    const widen = (y: number) => {
      top = Math.min(top, y - half);
      bottom = Math.max(bottom, y + half);
    };
    const arrives = previous !== undefined && apart(previous, group);
    let entry: RibbonVertex | null = null;
    let exit: RibbonVertex[] = [];
    if (arrives && step) {
      // Arrive at the bar's left side at the value held since the previous column.
      widen(previous.lastY);
      entry = { x: x - reach, top: previous.lastY - half, bottom: previous.lastY + half };
    } else if (previous && step && !arrives) {
      // The previous value holds up to this column, where it jumps.
      if (group.column - previous.column > 1) vertices.push({ x: x - columnWidth / 2, top: previous.lastY - half, bottom: previous.lastY + half });
      widen(previous.lastY);
    } else if (previous && !arrives) {
      // Neighbouring columns: the segment between them is shared half and half.
      widen((previous.lastY + group.firstY) / 2);
    }
    // (linear, far apart: the previous column wrote the segment up to this bar's left side.)
    if (next && apart(group, next)) {
      exit = step
        ? [{ x: x + reach, top: group.lastY - half, bottom: group.lastY + half }]
        : segmentVertices(x + reach, group.lastY, centre(next) - reach, next.firstY, half);
    } else if (next && !step) {
      widen((group.lastY + next.firstY) / 2);
    }
    if (entry) vertices.push(entry);
    if (arrives) vertices.push({ x: x - reach, top, bottom });
    vertices.push({ x, top, bottom });
    if (exit.length > 0) vertices.push({ x: x + reach, top, bottom }, ...exit);
  }
  vertices.push({ x: last.lastX + pad, top: last.lastY - half, bottom: last.lastY + half });
  return vertices;
}

/** SVG path data (a closed, filled ribbon) of one series' M4 line; empty text when the series has no entries. */
export function m4LinePath(series: M4Series, values: M4Columns, options: M4PathOptions): string {
  const { x, y } = options;
  const width = Math.abs(x.range[1] - x.range[0]);
  const columns = Math.max(1, Math.round(width * options.pixelRatio));
  const groups = m4ColumnGroups(series, values, x, y, columns);
  if (groups.length === 0) return '';
  const vertices = ribbonVertices(groups, width / columns, options.interpolation, options.lineWidth / 2);
  const writer = new PathWriter();
  for (const vertex of vertices) writer.point(vertex.x, vertex.top);
  for (let i = vertices.length - 1; i >= 0; i -= 1) writer.point(vertices[i].x, vertices[i].bottom);
  return writer.close();
}
