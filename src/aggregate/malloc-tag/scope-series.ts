/**
 * Several snapshots of one process as series: each scope (matched across snapshots by its band
 * and its names from the root) gets its own figure in every snapshot; the top N scopes by their
 * largest figure (in magnitude) get a series, the others add up to "other scopes". Scope identities live in one
 * trie keyed by (parent, name): linear in the snapshots' nodes whatever their depth.
 */
import type { MallocTagSnapshot } from '../../format/malloc-tag/snapshot.js';
import type { ScopeMeasure } from '../../options/plot-options.js';
import { scopeTable } from './scope-table.js';
import { PATH_MAX_LENGTH } from './scope-table.js';
import { threadBands, type BandOptions } from './thread-bands.js';

export interface ScopeSeries {
  /** Band label and the scope's names from its root, joined with ` › ` (bounded). */
  label: string;
  /** One figure per snapshot; a net figure can be below zero (malloc-tag counts a free in the scope where it happens). */
  values: number[];
}

export interface SnapshotSeries {
  series: ScopeSeries[];
  /** The rest of the scopes, summed; null when there is no rest. */
  other: number[] | null;
  /** Every scope's figure summed, per snapshot (the process's net bytes for net). */
  totals: number[];
  /** Some figure is below zero. */
  negative: boolean;
}

/**
 * What the timeline stacks: each scope's own figure, so the stack sums to the process's (a
 * scope's total would count its children twice). `total` and `net` stack net bytes, `self`
 * allocated bytes, `calls` calls.
 */
export function timelineMeasure(measure: ScopeMeasure): ScopeMeasure {
  return measure === 'total' ? 'net' : measure;
}

export function snapshotSeries(snapshots: readonly MallocTagSnapshot[], measure: ScopeMeasure, bandOptions: BandOptions, count: number): SnapshotSeries {
  const ids = new Map<string, number>();
  const parents: number[] = [];
  const names: string[] = [];
  // Sparse: a scope's figures only where it appears, so memory follows the snapshots' nodes, not scopes × snapshots.
  const figures: [number, number][][] = [];
  const peak: number[] = [];
  const totals = snapshots.map(() => 0);
  let negative = false;
  snapshots.forEach((snapshot, at) => {
    const rows = scopeTable(threadBands(snapshot, bandOptions), measure);
    const rowIds: number[] = [];
    for (const row of rows) {
      const parentId = row.parent < 0 ? -1 : rowIds[row.parent];
      const key = `${parentId}\u0000${row.scope.name}`;
      let id = ids.get(key);
      if (id === undefined) {
        id = parents.length;
        ids.set(key, id);
        parents.push(parentId);
        names.push(row.scope.name);
        figures.push([]);
        peak.push(0);
      }
      rowIds.push(id);
      if (row.own < 0) negative = true;
      const value = row.own;
      const list = figures[id];
      if (list.length > 0 && list[list.length - 1][0] === at) list[list.length - 1][1] += value;
      else list.push([at, value]);
      peak[id] = Math.max(peak[id], Math.abs(list[list.length - 1][1]));
      totals[at] += value;
    }
  });
  const order = peak.map((_, id) => id).filter((id) => peak[id] > 0);
  order.sort((a, b) => peak[b] - peak[a] || a - b);
  const chosen = order.slice(0, count);
  const label = (id: number) => {
    const path: string[] = [];
    let length = 0;
    for (let at = id; at >= 0; at = parents[at]) {
      if (length > PATH_MAX_LENGTH) {
        path.push('…');
        break;
      }
      path.push(names[at]);
      length += names[at].length + 3;
    }
    return path.reverse().join(' › ');
  };
  const series = chosen.map((id) => {
    const values = snapshots.map(() => 0);
    for (const [at, value] of figures[id]) values[at] = value;
    return { label: label(id), values };
  });
  const other = order.length > count ? totals.map((total, at) => total - series.reduce((sum, one) => sum + one.values[at], 0)) : null;
  return { series, other, totals, negative };
}
