/**
 * A malloc-tag JSON snapshot, read into memplot's own shape (https://github.com/f18m/malloc-tag).
 * The reader (`read-snapshot.ts`) turns both file variants into this; stats, charts and the cache
 * only ever see this shape. Byte and call counts are JSON numbers (64-bit in the file, exact below 2^53).
 */

/** `1.0-1.1`: `nBytesTotal`/`nBytesSelf` (allocations only, no freed counts); `1.2+`: allocated and freed. */
export type MallocTagFormat = '1.0-1.1' | '1.2+';

export type MallocTagCalls = { malloc: number; realloc: number; calloc: number; free: number };

/** One scope (a `MallocTagScope` name) in one thread's tree. */
export type MallocTagScope = {
  /** The name without malloc-tag's `scope_` key prefix; may contain `/`. */
  name: string;
  /** This scope and everything below it. `totalFreed` is null in the 1.0-1.1 format. */
  totalAllocated: number;
  totalFreed: number | null;
  /** This scope alone. `selfFreed` is null in the 1.0-1.1 format. */
  selfAllocated: number;
  selfFreed: number | null;
  /** `nTimesEnteredAndExited` (0 where the file has none). */
  timesEntered: number;
  /** `nWeightPercentage`: the scope's share of all threads' bytes, in percent (a string in 1.0-1.1, read as a number). */
  weightPercent: number;
  /** This scope's own calls. */
  calls: MallocTagCalls;
  /** Nested scopes in file order. */
  children: MallocTagScope[];
};

/** One `tree_for_TID<tid>`. */
export type MallocTagThread = {
  tid: number;
  name: string;
  treeLevels: number;
  nodesInUse: number;
  maxNodes: number;
  /** `nPushNodeFailures`: scopes that found the tree full (their bytes are counted in the parent). */
  pushFailures: number;
  /** `nFreeTrackingFailed` (0 where the file has none). */
  freeTrackingFailed: number;
  vmSizeAtCreation: number;
  /** The thread's root scope (named after the thread). */
  root: MallocTagScope;
};

export type MallocTagSnapshot = {
  format: MallocTagFormat;
  pid: number;
  /** As written, e.g. "2026-12-02 @ 04:16:51 UTC". */
  startTime: string;
  snapshotTime: string;
  /** In file order. */
  threads: MallocTagThread[];
  /** Process figures; null where the file does not have them. */
  bytesAllocatedBeforeInit: number | null;
  mallocTagSelfUsage: number | null;
  vmSizeNow: number | null;
  vmRSSNow: number | null;
  totalNetTrackedBytes: number | null;
};
