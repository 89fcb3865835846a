/**
 * A scope's figure for each `measure`: what its own work weighs (the icicle's widths add these up
 * the tree) and what a bar or a label shows. `net` is allocated − freed; 1.0–1.1 snapshots have no
 * freed counts, so their net is null and charts show allocated bytes and say so.
 */
import type { MallocTagScope } from '../../format/malloc-tag/snapshot.js';
import type { ScopeMeasure } from '../../options/plot-options.js';

/** malloc, realloc and calloc calls (free is not an allocation). */
export function allocationCalls(scope: MallocTagScope): number {
  return scope.calls.malloc + scope.calls.realloc + scope.calls.calloc;
}

/** The scope's own net bytes: allocated − freed in the scope alone; null without freed counts. */
export function ownNet(scope: MallocTagScope): number | null {
  return scope.selfFreed === null ? null : scope.selfAllocated - scope.selfFreed;
}

/**
 * The scope's own share of the measure (its children's are theirs): bytes allocated for total
 * and self, net bytes for net (allocated where the file has no freed counts), calls for calls.
 */
export function ownValue(scope: MallocTagScope, measure: ScopeMeasure): number {
  switch (measure) {
    case 'total':
    case 'self':
      return scope.selfAllocated;
    case 'net':
      return ownNet(scope) ?? scope.selfAllocated;
    case 'calls':
      return allocationCalls(scope);
  }
}

/** What the measure is called on a chart (axis titles, labels, tooltips). */
export function measureTitle(measure: ScopeMeasure, hasFreed: boolean): string {
  switch (measure) {
    case 'total':
      return 'bytes allocated (scope and below)';
    case 'self':
      return 'bytes allocated in the scope itself';
    case 'net':
      return hasFreed ? 'net bytes (allocated − freed)' : 'bytes allocated (no freed counts)';
    case 'calls':
      return 'malloc, realloc and calloc calls';
  }
}

/** The note a chart shows when the measure asked for cannot be drawn as asked. */
export function measureNote(measure: ScopeMeasure, hasFreed: boolean): string | null {
  if (measure === 'net' && !hasFreed) return 'this snapshot (malloc-tag 1.0–1.1) has no freed counts: net bytes cannot be known, bytes allocated are shown instead';
  return null;
}

/** The note for own figures below zero (net bytes: malloc-tag counts a free in the scope where it happens, not where the block was allocated). */
export const NEGATIVE_OWN_NOTE = 'malloc-tag counts a free in the scope where it happens: scopes that freed more than they allocated are drawn as 0';
