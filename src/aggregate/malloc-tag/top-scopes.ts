/**
 * The N scopes that weigh most by a measure: by their subtree for `total`, by their own figure for
 * self, net and calls. Roots of bands are left out for `total` (each would just be its thread's
 * sum). Ties keep file order. Linear in the rows plus N log N; paths only for the winners.
 */
import type { ScopeMeasure } from '../../options/plot-options.js';
import { scopePath, type ScopeRow } from './scope-table.js';

export interface RankedScope {
  row: number;
  band: number;
  path: string;
  value: number;
}

export function rankValue(row: ScopeRow, measure: ScopeMeasure): number {
  return measure === 'total' ? row.subtree : row.own;
}

export function topScopes(rows: readonly ScopeRow[], measure: ScopeMeasure, count: number): RankedScope[] {
  const candidates: number[] = [];
  const better = (a: number, b: number) => rankValue(rows[b], measure) - rankValue(rows[a], measure) || a - b;
  for (let i = 0; i < rows.length; i += 1) {
    if (measure === 'total' && rows[i].parent < 0) continue;
    if (rankValue(rows[i], measure) <= 0) continue;
    // Keep at most 2N candidates: sort and cut when full, so the cost stays linear in the rows.
    candidates.push(i);
    if (candidates.length >= 2 * count + 64) {
      candidates.sort(better);
      candidates.length = count;
    }
  }
  candidates.sort(better);
  return candidates.slice(0, count).map((row) => ({ row, band: rows[row].band, path: scopePath(rows, row), value: rankValue(rows[row], measure) }));
}
