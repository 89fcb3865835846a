/**
 * Where to put labels that belong to points (the peak and exit annotations): each label's box
 * stays inside the plot area, clear of every other label and of every marker. A label sits beside
 * its point when it can; otherwise it moves up or down the plot, to the free place that hides
 * the least of the data lines nearest to its point, and gets a leader line back to its point.
 * Pure and deterministic: same requests → same boxes.
 */

export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export function boxesOverlap(a: Box, b: Box): boolean {
  return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
}

export interface LabelRequest {
  /** The point the label belongs to, in pixels. */
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface LabelPlacement {
  box: Box;
  /** Text anchor: 'end' when the box is left of its point (text ends at box.x1), else 'start'. */
  anchor: 'start' | 'end';
  /** True when the box is away from its point: draw a leader line from the point to the box. */
  leader: boolean;
}

export interface LabelLayoutOptions {
  /** The rectangle labels must stay inside (the plot area less a margin). */
  bounds: Box;
  /** Boxes no label may cover (the markers). */
  obstacles: readonly Box[];
  /** Space between a point and a label beside it, and around every label. */
  gap: number;
  /**
   * Pixel columns in which a data line passes through a box. Crossing a line at all costs as much
   * as 40 gaps of distance (text over a line hides where it goes: a label goes almost anywhere
   * in the plot rather than cross one), each column 2 px more.
   */
  lineCover?: (box: Box) => number;
  /**
   * y of horizontal gridlines: a label across one (or within 2 px of it) costs 3 gaps of distance (its halo hides the
   * line under the glyphs, but a label between two gridlines reads cleaner).
   */
  gridLines?: readonly number[];
}

/** Point on the box nearest to (x, y). */
export function nearestOnBox(box: Box, x: number, y: number): { x: number; y: number } {
  return { x: Math.min(box.x1, Math.max(box.x0, x)), y: Math.min(box.y1, Math.max(box.y0, y)) };
}

function distanceToBox(box: Box, x: number, y: number): number {
  const near = nearestOnBox(box, x, y);
  return Math.hypot(near.x - x, near.y - y);
}

/**
 * Whether the segment from a to b passes through the inside of the box (Liang–Barsky clipping:
 * constant time, however far apart the ends are; touching an edge is not crossing).
 */
export function segmentCrosses(ax: number, ay: number, bx: number, by: number, box: Box): boolean {
  const dx = bx - ax;
  const dy = by - ay;
  let t0 = 0;
  let t1 = 1;
  // For each edge: p·t ≤ q keeps the point on the inner side of it.
  const clip = (p: number, q: number): boolean => {
    if (p === 0) return q > 0;
    const t = q / p;
    if (p < 0) {
      if (t > t0) t0 = t;
    } else if (t < t1) t1 = t;
    return t0 < t1;
  };
  return clip(-dx, ax - box.x0) && clip(dx, box.x1 - ax) && clip(-dy, ay - box.y0) && clip(dy, box.y1 - ay);
}

/** Cost of a label left out: more than any placement's. */
const DROPPED = 1e9;

interface Leader {
  ax: number;
  ay: number;
  bx: number;
  by: number;
}

/** Every order of 0..n-1, the given order first (n ≤ 4; past that only the given order). */
function orders(n: number): number[][] {
  const identity = Array.from({ length: n }, (_, i) => i);
  if (n > 4) return [identity];
  const all: number[][] = [];
  const permute = (prefix: number[], rest: number[]) => {
    if (rest.length === 0) all.push(prefix);
    rest.forEach((item, i) => permute([...prefix, item], [...rest.slice(0, i), ...rest.slice(i + 1)]));
  };
  permute([], identity);
  return all;
}

/** The cheapest free box for one label, given the boxes and leaders already placed; null when none is free. */
function placeOne(
  request: LabelRequest,
  options: LabelLayoutOptions,
  placed: readonly Box[],
  leaders: readonly Leader[],
  leadersMayCross: boolean,
): { cost: number; placement: LabelPlacement } | null {
  const { bounds, gap } = options;
  const { x, y, width, height } = request;
  const maxX0 = bounds.x1 - width;
  const maxY0 = bounds.y1 - height;
  if (maxX0 < bounds.x0 || maxY0 < bounds.y0) return null;
  // Left of the point, right of it, then further out each way (to clear a line beside the point).
  // Only a label too wide for either side is pushed back inside the bounds, over its point's x:
  // there it would stand in the way of the leaders of the labels stacked below or above it.
  const shifts: number[] = [];
  for (let shift = 0; shift <= gap * 20; shift += 6) shifts.push(shift);
  const sides = shifts.flatMap((shift) => [x - gap - width - shift, x + gap + shift]).filter((x0) => x0 >= bounds.x0 && x0 <= maxX0);
  const xs = sides.length > 0 ? sides : [...new Set([Math.min(maxX0, Math.max(bounds.x0, x - gap - width)), Math.min(maxX0, Math.max(bounds.x0, x + gap))])];
  // Just above the point, just below, then every 2 px of the height.
  const ys = [y - gap * 0.5 - height, y + gap * 0.5];
  for (let y0 = bounds.y0; y0 <= maxY0; y0 += 2) ys.push(y0);
  ys.push(maxY0);
  // Nearest first: once even the distance of the next row or column costs more than the best box, none further can win.
  const cheapest = (distance: number) => distance + (distance > gap * 1.5 ? gap * 4 : 0);
  const dy = (y0: number) => Math.max(0, y0 - y, y - (y0 + height));
  const dx = (x0: number) => Math.max(0, x0 - x, x - (x0 + width));
  const rows = [...new Set(ys)].filter((y0) => y0 >= bounds.y0 && y0 <= maxY0).sort((a, b) => dy(a) - dy(b) || a - b);
  const columns = [...new Set(xs)].sort((a, b) => dx(a) - dx(b) || a - b);
  let best: { cost: number; placement: LabelPlacement } | null = null;
  // One box reused for every candidate (many thousands per label): only the winner is copied.
  const box: Box = { x0: 0, y0: 0, x1: 0, y1: 0 };
  const margin = gap * 0.5;
  for (const y0 of rows) {
    if (best !== null && cheapest(dy(y0)) >= best.cost) break;
    let gridCrossed = 0;
    for (const line of options.gridLines ?? []) if (line > y0 - 2 && line < y0 + height + 2) gridCrossed += 1;
    const gridCost = gridCrossed * gap * 3;
    for (const x0 of columns) {
      box.x0 = x0;
      box.y0 = y0;
      box.x1 = x0 + width;
      box.y1 = y0 + height;
      const distance = distanceToBox(box, x, y);
      const leader = distance > gap * 1.5;
      const near = cheapest(distance);
      if (best !== null && near >= best.cost) break;
      if (best !== null && near + gridCost >= best.cost) continue;
      if (placed.some((other) => box.x0 - margin < other.x1 && other.x0 < box.x1 + margin && box.y0 - margin < other.y1 && other.y0 < box.y1 + margin)) continue;
      if (options.obstacles.some((other) => boxesOverlap(box, other))) continue;
      const covered = options.lineCover ? options.lineCover(box) : 0;
      const cost = near + (covered > 0 ? gap * 40 + covered * 2 : 0) + gridCost;
      if (best !== null && cost >= best.cost) continue;
      if (leader && !leadersMayCross) {
        const end = nearestOnBox(box, x, y);
        // A leader through another label, or a placed leader through this box, would read as pointing elsewhere.
        if (placed.some((other) => segmentCrosses(x, y, end.x, end.y, other))) continue;
        if (leaders.some((l) => segmentCrosses(l.ax, l.ay, l.bx, l.by, box))) continue;
      }
      best = { cost, placement: { box: { ...box }, anchor: x0 + width / 2 < x ? 'end' : 'start', leader } };
    }
  }
  return best;
}

/**
 * Boxes for the labels; null for a label that fits nowhere (wider or taller than the free room),
 * which is then not drawn rather than drawn over another. Labels are placed one at a time, each
 * in the cheapest free box; every order of placing them is tried (a few labels: at most 24) and
 * the cheapest layout kept, the given order winning ties. Earlier labels matter more (of n labels
 * the i-th's cost weighs 1 + (n - 1 - i) / 2), so the first tends to get the place nearest its point.
 */
export function layoutLabels(requests: readonly LabelRequest[], options: LabelLayoutOptions): (LabelPlacement | null)[] {
  let best: { cost: number; results: (LabelPlacement | null)[] } | null = null;
  for (const order of orders(requests.length)) {
    const placed: Box[] = [];
    const leaders: Leader[] = [];
    const results: (LabelPlacement | null)[] = requests.map(() => null);
    let cost = 0;
    for (const index of order) {
      const request = requests[index];
      // Rather than leave a label out, let its leader cross another label (which its halo hides) or another leader.
      const found = placeOne(request, options, placed, leaders, false) ?? placeOne(request, options, placed, leaders, true);
      if (found === null) {
        cost += DROPPED;
        continue;
      }
      cost += found.cost * (1 + (requests.length - 1 - index) * 0.5);
      results[index] = found.placement;
      placed.push(found.placement.box);
      if (found.placement.leader) {
        const end = nearestOnBox(found.placement.box, request.x, request.y);
        leaders.push({ ax: request.x, ay: request.y, bx: end.x, by: end.y });
      }
      if (best !== null && cost >= best.cost) break;
    }
    if (best === null || cost < best.cost) best = { cost, results };
  }
  return best?.results ?? [];
}
