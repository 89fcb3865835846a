/** Hostile malloc-tag snapshots built in code: very wide, very deep, 1-byte scopes, huge names, many threads. */
import type { MallocTagScope, MallocTagSnapshot, MallocTagThread } from '../../../src/format/malloc-tag/snapshot.js';

export function scope(name: string, selfAllocated: number, children: MallocTagScope[] = [], selfFreed: number | null = 0): MallocTagScope {
  const totalAllocated = selfAllocated + children.reduce((sum, child) => sum + child.totalAllocated, 0);
  const totalFreed = selfFreed === null ? null : selfFreed + children.reduce((sum, child) => sum + (child.totalFreed ?? 0), 0);
  return { name, totalAllocated, totalFreed, selfAllocated, selfFreed, timesEntered: 1, weightPercent: 0, calls: { malloc: 1, realloc: 0, calloc: 0, free: 0 }, children };
}

export function thread(tid: number, name: string, root: MallocTagScope): MallocTagThread {
  return { tid, name, treeLevels: 0, nodesInUse: 0, maxNodes: 0, pushFailures: 0, freeTrackingFailed: 0, vmSizeAtCreation: 0, root };
}

export function snapshotOf(threads: MallocTagThread[], snapshotTime = '2026-12-02 @ 04:16:51 UTC'): MallocTagSnapshot {
  return { format: '1.2+', pid: 1, startTime: snapshotTime, snapshotTime, threads, bytesAllocatedBeforeInit: null, mallocTagSelfUsage: null, vmSizeNow: null, vmRSSNow: null, totalNetTrackedBytes: null };
}

/** One thread whose root has `count` 1-byte scopes. */
export function wideSnapshot(count: number): MallocTagSnapshot {
  return snapshotOf([thread(1, 'wide', scope('wide', 0, Array.from({ length: count }, (_, i) => scope(`s${i}`, 1))))]);
}

/** One thread whose tree is a chain `depth` scopes deep (built without recursion). */
export function deepSnapshot(depth: number): MallocTagSnapshot {
  let node = scope(`d${depth}`, 1);
  for (let level = depth - 1; level >= 0; level -= 1) node = scope(`d${level}`, 1, [node]);
  return snapshotOf([thread(1, 'deep', node)]);
}

/** Threads with names of `length` characters, each with a scope named as long. */
export function hugeNameSnapshot(length: number, threads = 3): MallocTagSnapshot {
  return snapshotOf(Array.from({ length: threads }, (_, i) => thread(i + 1, `${'n'.repeat(length)}${i}`, scope(`${'r'.repeat(length)}`, 10, [scope(`${'x'.repeat(length)}`, 100 * (i + 1))]))));
}

/** `count` threads named worker/0…, each a small tree. */
export function manyThreadsSnapshot(count: number): MallocTagSnapshot {
  return snapshotOf(Array.from({ length: count }, (_, i) => thread(i + 1, `worker/${i}`, scope(`worker/${i}`, 0, [scope('job', 10 + (i % 7))]))));
}
