/**
 * The scopes of some bands as one flat table in pre-order (parents before children), with the
 * figures the charts rank and draw: each scope's own value for a measure and its subtree's sum.
 * Built iteratively in one pass over the nodes, so a deep or wide hostile tree costs its size and
 * never the stack; paths are only written for the rows a chart shows (`scopePath`).
 */
import type { MallocTagScope } from '../../format/malloc-tag/snapshot.js';
import type { ScopeMeasure } from '../../options/plot-options.js';
import { ownValue } from './scope-measure.js';
import type { ThreadBand } from './thread-bands.js';

export interface ScopeRow {
  /** Index of the band (thread or group) the scope belongs to. */
  band: number;
  /** Index of the parent row, -1 for a band's root. */
  parent: number;
  depth: number;
  scope: MallocTagScope;
  /** The scope's own share of the measure, and its subtree's (own + every descendant's own). */
  own: number;
  subtree: number;
}

export function scopeTable(bands: readonly ThreadBand[], measure: ScopeMeasure): ScopeRow[] {
  const rows: ScopeRow[] = [];
  bands.forEach((band, bandIndex) => {
    const work: { scope: MallocTagScope; parent: number; depth: number }[] = [{ scope: band.root, parent: -1, depth: 0 }];
    while (work.length > 0) {
      const { scope, parent, depth } = work.pop()!;
      const own = ownValue(scope, measure);
      const index = rows.push({ band: bandIndex, parent, depth, scope, own, subtree: own }) - 1;
      // Pushed in reverse so that children come out in file order.
      for (let i = scope.children.length - 1; i >= 0; i -= 1) work.push({ scope: scope.children[i], parent: index, depth: depth + 1 });
    }
  });
  for (let i = rows.length - 1; i >= 0; i -= 1) {
    const parent = rows[i].parent;
    if (parent >= 0) rows[parent].subtree += rows[i].subtree;
  }
  return rows;
}

/** Longest path text written: a deeper path keeps its last names, after an ellipsis. */
export const PATH_MAX_LENGTH = 300;

/** Names from the band's root down to the row, joined with ` › ` (scope names may contain `/`), bounded. */
export function scopePath(rows: readonly ScopeRow[], index: number, separator = ' › '): string {
  const names: string[] = [];
  let length = 0;
  for (let at = index; at >= 0; at = rows[at].parent) {
    if (length > PATH_MAX_LENGTH) {
      names.push('…');
      break;
    }
    names.push(rows[at].scope.name);
    length += rows[at].scope.name.length + separator.length;
  }
  return names.reverse().join(separator);
}
