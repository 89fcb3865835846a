/**
 * The bands a malloc-tag chart draws, one per thread or per group of threads: `threads=merge`
 * joins threads whose names differ only by trailing numbers (worker/0, worker/1 → worker/*),
 * `aggregate=REGEX` joins the threads it matches (what mtag-postprocess's aggregation rules do).
 * Joined trees add up scope by scope (children matched by name). Pure; the work is linear in the
 * snapshot's nodes, iterative (no recursion: a deep tree cannot exhaust the stack).
 */
import type { MallocTagScope, MallocTagSnapshot, MallocTagThread } from '../../format/malloc-tag/snapshot.js';
import { THREAD_NAME_MAX_LENGTH, type ThreadMode } from '../../options/plot-options.js';
import { compileThreadNamePattern } from '../../options/thread-name-pattern.js';

export interface ThreadBand {
  /** The thread's name, or the group's (`worker/*`, or the aggregate pattern). */
  label: string;
  /** Threads drawn in this band, in file order. */
  tids: readonly number[];
  /** The band's root scope, named `label`; the sum of its threads' trees. */
  root: MallocTagScope;
}

export interface BandOptions {
  threads: ThreadMode;
  /** Source of a regular expression (already validated by the options), or null. */
  aggregate: string | null;
}

/** A thread or scope name as matched and shown: bounded, so a hostile name costs no more than this. */
export function boundedName(name: string): string {
  return name.length > THREAD_NAME_MAX_LENGTH ? `${name.slice(0, THREAD_NAME_MAX_LENGTH)}…` : name;
}

/** The name with its trailing number replaced by `*` (worker/12 → worker/*), or null when it has none. */
export function mergedThreadName(name: string): string | null {
  const match = /^(.*?)\d+$/.exec(name);
  return match ? `${match[1]}*` : null;
}

const addNullable = (a: number | null, b: number | null): number | null => (a === null || b === null ? null : a + b);

/** A scope with no figures and no children; freed counts null when the snapshot has none (1.0–1.1). */
function emptyScope(name: string, hasFreed: boolean): MallocTagScope {
  const freed = hasFreed ? 0 : null;
  return { name, totalAllocated: 0, totalFreed: freed, selfAllocated: 0, selfFreed: freed, timesEntered: 0, weightPercent: 0, calls: { malloc: 0, realloc: 0, calloc: 0, free: 0 }, children: [] };
}

function addFigures(into: MallocTagScope, from: MallocTagScope): void {
  into.totalAllocated += from.totalAllocated;
  into.totalFreed = addNullable(into.totalFreed, from.totalFreed);
  into.selfAllocated += from.selfAllocated;
  into.selfFreed = addNullable(into.selfFreed, from.selfFreed);
  into.timesEntered += from.timesEntered;
  into.weightPercent += from.weightPercent;
  into.calls.malloc += from.calls.malloc;
  into.calls.realloc += from.calls.realloc;
  into.calls.calloc += from.calls.calloc;
  into.calls.free += from.calls.free;
}

/** Adds `source` and everything below it into `target` (a tree of our own): children with the same name add up. */
function addInto(target: MallocTagScope, source: MallocTagScope): void {
  const work: [MallocTagScope, MallocTagScope][] = [[target, source]];
  while (work.length > 0) {
    const [into, from] = work.pop()!;
    addFigures(into, from);
    const byName = new Map(into.children.map((child) => [child.name, child]));
    for (const child of from.children) {
      let existing = byName.get(child.name);
      if (!existing) {
        existing = emptyScope(child.name, child.totalFreed !== null);
        into.children.push(existing);
        byName.set(child.name, existing);
      }
      work.push([existing, child]);
    }
  }
}

/** One tree that is the sum of the threads' trees, its root named `label`. */
export function mergeThreadTrees(label: string, threads: readonly MallocTagThread[]): MallocTagScope {
  const root = emptyScope(label, threads.every((thread) => thread.root.totalFreed !== null));
  for (const thread of threads) addInto(root, thread.root);
  return root;
}

/** The snapshot's threads grouped into bands, in the order of each group's first thread. */
export function threadBands(snapshot: MallocTagSnapshot, options: BandOptions): ThreadBand[] {
  const pattern = options.aggregate === null ? null : compileThreadNamePattern(options.aggregate);
  const groups = new Map<string, MallocTagThread[]>();
  const keyOf = (thread: MallocTagThread): string => {
    const name = boundedName(thread.name);
    if (pattern && pattern.test(name)) return `aggregate\u0000${options.aggregate}`;
    if (options.threads === 'merge') {
      const merged = mergedThreadName(name);
      if (merged !== null) return `merge\u0000${merged}`;
    }
    return `thread\u0000${thread.tid}\u0000${name}`;
  };
  for (const thread of snapshot.threads) {
    const key = keyOf(thread);
    const group = groups.get(key);
    if (group) group.push(thread);
    else groups.set(key, [thread]);
  }
  return [...groups.entries()].map(([key, threads]) => {
    const kind = key.slice(0, key.indexOf('\u0000'));
    const label =
      threads.length === 1 && kind !== 'aggregate'
        ? boundedName(threads[0].name)
        : kind === 'aggregate'
          ? `/${options.aggregate}/ (${threads.length} thread${threads.length === 1 ? '' : 's'})`
          : `${mergedThreadName(boundedName(threads[0].name))} (${threads.length} threads)`;
    const root = threads.length === 1 ? { ...threads[0].root, name: label } : mergeThreadTrees(label, threads);
    return { label, tids: threads.map((thread) => thread.tid), root };
  });
}
