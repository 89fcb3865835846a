/**
 * The stats of a malloc-tag snapshot (`memplot stats x.json`, GET /profiles/:id), with the field
 * names of the reference readings: per thread the sums of every node's *self* figures, totals
 * over the threads, the five scopes with the most self-allocated bytes, the process figures and
 * warnings. One walk over each tree with an explicit stack: the cost is the number of nodes.
 */
import type { MallocTagCalls, MallocTagFormat, MallocTagScope, MallocTagSnapshot } from '../format/malloc-tag/snapshot.js';
import type { ProfileWarning } from './summary.js';

export type MallocTagThreadStats = {
  tid: number;
  name: string;
  /** Scopes in the thread's tree, its root included. */
  nodes: number;
  pushFailures: number;
  /** Sum of the nodes' self-allocated bytes (= the root's total). */
  bytesAllocated: number;
  /** Sum of the nodes' self-freed bytes (0 in the 1.0-1.1 format, which has no freed counts). */
  bytesFreed: number;
  calls: MallocTagCalls;
};

export type MallocTagTopScope = {
  tid: number;
  /** Names from the thread's root scope, joined with `/` (names may contain `/` themselves). */
  path: string;
  bytes: number;
};

export type MallocTagStats = {
  format: MallocTagFormat;
  pid: number;
  /** As the snapshot writes them, e.g. "2026-12-02 @ 04:16:51 UTC" ('' when absent). */
  time: { start: string; snapshot: string };
  threads: MallocTagThreadStats[];
  totals: { threads: number; bytesAllocated: number; bytesFreed: number; calls: MallocTagCalls; pushFailures: number };
  topSelfAllocated: MallocTagTopScope[];
  /** The process figures; null where the snapshot does not have them. */
  process: {
    vmRSSNow: number | null;
    vmSizeNow: number | null;
    bytesAllocatedBeforeInit: number | null;
    mallocTagSelfUsage: number | null;
    totalNetTrackedBytes: number | null;
  };
  warnings: ProfileWarning[];
};

/** How many scopes topSelfAllocated lists. */
export const TOP_SCOPES = 5;

const noCalls = (): MallocTagCalls => ({ malloc: 0, realloc: 0, calloc: 0, free: 0 });

function addCalls(into: MallocTagCalls, calls: MallocTagCalls): void {
  into.malloc += calls.malloc;
  into.realloc += calls.realloc;
  into.calloc += calls.calloc;
  into.free += calls.free;
}

/** Most bytes first; equal bytes by path (code-unit order), then tid. */
function compareTop(a: MallocTagTopScope, b: MallocTagTopScope): number {
  if (a.bytes !== b.bytes) return b.bytes - a.bytes;
  if (a.path !== b.path) return a.path < b.path ? -1 : 1;
  return a.tid - b.tid;
}

/** Keeps the best TOP_SCOPES scopes seen, sorted: a bounded insertion per node. */
function offerTop(top: MallocTagTopScope[], candidate: MallocTagTopScope): void {
  if (top.length === TOP_SCOPES && compareTop(candidate, top[TOP_SCOPES - 1]) >= 0) return;
  let i = top.length;
  while (i > 0 && compareTop(candidate, top[i - 1]) < 0) i--;
  top.splice(i, 0, candidate);
  if (top.length > TOP_SCOPES) top.pop();
}

function warningsOf(snapshot: MallocTagSnapshot): ProfileWarning[] {
  const warnings: ProfileWarning[] = [];
  for (const thread of snapshot.threads) {
    if (thread.pushFailures > 0) {
      warnings.push({
        code: 'MTAG_PUSH_NODE_FAILURES',
        message:
          `thread ${thread.tid} (${thread.name}): ${thread.pushFailures} scope pushes found the tree full ` +
          `(${thread.nodesInUse} of ${thread.maxNodes} nodes in use); their bytes are counted in the parent scope (raise MTAG_MAX_TREE_NODES)`,
      });
    }
    if (thread.freeTrackingFailed > 0) {
      warnings.push({
        code: 'MTAG_FREE_TRACKING_FAILED',
        message: `thread ${thread.tid} (${thread.name}): ${thread.freeTrackingFailed} frees could not be matched to the scope that allocated them; freed and net bytes are understated`,
      });
    }
  }
  return warnings;
}

export function mallocTagStats(snapshot: MallocTagSnapshot): MallocTagStats {
  const top: MallocTagTopScope[] = [];
  const totals = { threads: snapshot.threads.length, bytesAllocated: 0, bytesFreed: 0, calls: noCalls(), pushFailures: 0 };
  const threads = snapshot.threads.map((thread): MallocTagThreadStats => {
    const stats: MallocTagThreadStats = { tid: thread.tid, name: thread.name, nodes: 0, pushFailures: thread.pushFailures, bytesAllocated: 0, bytesFreed: 0, calls: noCalls() };
    const pending: Array<{ scope: MallocTagScope; path: string }> = [{ scope: thread.root, path: thread.root.name }];
    while (pending.length > 0) {
      const { scope, path } = pending.pop()!;
      stats.nodes++;
      stats.bytesAllocated += scope.selfAllocated;
      stats.bytesFreed += scope.selfFreed ?? 0;
      addCalls(stats.calls, scope.calls);
      offerTop(top, { tid: thread.tid, path, bytes: scope.selfAllocated });
      for (const child of scope.children) pending.push({ scope: child, path: `${path}/${child.name}` });
    }
    totals.bytesAllocated += stats.bytesAllocated;
    totals.bytesFreed += stats.bytesFreed;
    addCalls(totals.calls, stats.calls);
    totals.pushFailures += stats.pushFailures;
    return stats;
  });
  return {
    format: snapshot.format,
    pid: snapshot.pid,
    time: { start: snapshot.startTime, snapshot: snapshot.snapshotTime },
    threads,
    totals,
    topSelfAllocated: top,
    process: {
      vmRSSNow: snapshot.vmRSSNow,
      vmSizeNow: snapshot.vmSizeNow,
      bytesAllocatedBeforeInit: snapshot.bytesAllocatedBeforeInit,
      mallocTagSelfUsage: snapshot.mallocTagSelfUsage,
      totalNetTrackedBytes: snapshot.totalNetTrackedBytes,
    },
    warnings: warningsOf(snapshot),
  };
}
