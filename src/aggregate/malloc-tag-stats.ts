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

/** A scope on the way down: its name and its parent's, so that a path is built only for the winners. */
interface PathNode {
  name: string;
  parent: PathNode | null;
}

interface TopCandidate {
  tid: number;
  node: PathNode;
  bytes: number;
}

/** The nodes from the root down to `node`. */
function chain(node: PathNode): PathNode[] {
  const nodes: PathNode[] = [];
  for (let at: PathNode | null = node; at; at = at.parent) nodes.push(at);
  return nodes.reverse();
}

function pathOf(node: PathNode): string {
  return chain(node).map((n) => n.name).join('/');
}

/**
 * The order of the two paths' strings (names joined with `/`, compared by code unit) without
 * building them: shared ancestors are skipped by identity, then names compared. Building and
 * comparing whole path strings cost a copy of the path per comparison; with a long name near the
 * root and many equal-byte scopes below it that was tens of seconds on the event loop.
 */
function comparePaths(a: PathNode, b: PathNode): number {
  if (a === b) return 0;
  const as = chain(a);
  const bs = chain(b);
  for (let i = 0; ; i++) {
    if (i === as.length || i === bs.length) return as.length - bs.length;
    const x = as[i]!;
    const y = bs[i]!;
    if (x === y || x.name === y.name) continue;
    const n = Math.min(x.name.length, y.name.length);
    for (let k = 0; k < n; k++) {
      const d = x.name.charCodeAt(k) - y.name.charCodeAt(k);
      if (d !== 0) return d;
    }
    // One name is a prefix of the other: the next code unit decides, '/' (47) if a path goes on.
    const nextX = x.name.length > n ? x.name.charCodeAt(n) : i + 1 < as.length ? 47 : -1;
    const nextY = y.name.length > n ? y.name.charCodeAt(n) : i + 1 < bs.length ? 47 : -1;
    if (nextX !== nextY) return nextX - nextY;
    // A name holding '/' where the other path has a separator: compare the strings themselves.
    const left = pathOf(a);
    const right = pathOf(b);
    return left === right ? 0 : left < right ? -1 : 1;
  }
}

/** Most bytes first; equal bytes by path (code-unit order), then tid. */
function compareTop(a: TopCandidate, b: TopCandidate): number {
  if (a.bytes !== b.bytes) return b.bytes - a.bytes;
  return comparePaths(a.node, b.node) || a.tid - b.tid;
}

/** Keeps the best TOP_SCOPES scopes seen, sorted: a bounded insertion per node. */
function offerTop(top: TopCandidate[], candidate: TopCandidate): void {
  if (top.length === TOP_SCOPES && compareTop(candidate, top[TOP_SCOPES - 1]!) >= 0) return;
  let i = top.length;
  while (i > 0 && compareTop(candidate, top[i - 1]!) < 0) i--;
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
  const top: TopCandidate[] = [];
  const totals = { threads: snapshot.threads.length, bytesAllocated: 0, bytesFreed: 0, calls: noCalls(), pushFailures: 0 };
  const threads = snapshot.threads.map((thread): MallocTagThreadStats => {
    const stats: MallocTagThreadStats = { tid: thread.tid, name: thread.name, nodes: 0, pushFailures: thread.pushFailures, bytesAllocated: 0, bytesFreed: 0, calls: noCalls() };
    const pending: Array<{ scope: MallocTagScope; node: PathNode }> = [{ scope: thread.root, node: { name: thread.root.name, parent: null } }];
    while (pending.length > 0) {
      const { scope, node } = pending.pop()!;
      stats.nodes++;
      stats.bytesAllocated += scope.selfAllocated;
      stats.bytesFreed += scope.selfFreed ?? 0;
      addCalls(stats.calls, scope.calls);
      offerTop(top, { tid: thread.tid, node, bytes: scope.selfAllocated });
      for (const child of scope.children) pending.push({ scope: child, node: { name: child.name, parent: node } });
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
    topSelfAllocated: top.map(({ tid, node, bytes }): MallocTagTopScope => ({ tid, path: pathOf(node), bytes })),
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
