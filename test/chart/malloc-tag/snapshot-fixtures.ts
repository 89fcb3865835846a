/**
 * Test-only conversion of the malloc-tag fixture JSON (../shared/fixtures/malloctag/) into
 * MallocTagSnapshot, so the chart tests need not wait for the real reader
 * (src/format/malloc-tag/read-snapshot.ts, engineer "mtag"). Both variants: 1.2+ and 1.0–1.1.
 * Recursive and unbounded: for the fixtures only.
 */
import { readFileSync } from 'node:fs';
import type { MallocTagScope, MallocTagSnapshot, MallocTagThread } from '../../../src/format/malloc-tag/snapshot.js';
import { fixturePath } from '../../fixtures.js';

type Json = Record<string, unknown>;
const num = (value: unknown): number => (typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : 0);
const numOrNull = (value: unknown): number | null => (value === undefined || value === null ? null : num(value));

function scopeFrom(key: string, node: Json, old: boolean): MallocTagScope {
  const nested = (node.nestedScopes ?? {}) as Record<string, Json>;
  return {
    name: key.replace(/^scope_/, ''),
    totalAllocated: num(old ? node.nBytesTotal : node.nBytesTotalAllocated),
    totalFreed: old ? null : numOrNull(node.nBytesTotalFreed),
    selfAllocated: num(old ? node.nBytesSelf : node.nBytesSelfAllocated),
    selfFreed: old ? null : numOrNull(node.nBytesSelfFreed),
    timesEntered: num(node.nTimesEnteredAndExited),
    weightPercent: num(node.nWeightPercentage),
    calls: { malloc: num(node.nCallsTo_malloc), realloc: num(node.nCallsTo_realloc), calloc: num(node.nCallsTo_calloc), free: num(node.nCallsTo_free) },
    children: Object.entries(nested).map(([childKey, child]) => scopeFrom(childKey, child, old)),
  };
}

export function snapshotFromJson(json: Json): MallocTagSnapshot {
  const threadKeys = Object.keys(json).filter((key) => key.startsWith('tree_for_TID'));
  const firstRoot = (tree: Json) => Object.entries(tree).find(([key]) => key.startsWith('scope_'))!;
  const old = threadKeys.some((key) => {
    const [, root] = firstRoot(json[key] as Json);
    return (root as Json).nBytesTotal !== undefined;
  });
  const threads: MallocTagThread[] = threadKeys.map((key) => {
    const tree = json[key] as Json;
    const [rootKey, root] = firstRoot(tree);
    return {
      tid: num(tree.TID),
      name: String(tree.ThreadName),
      treeLevels: num(tree.nTreeLevels),
      nodesInUse: num(tree.nTreeNodesInUse),
      maxNodes: num(tree.nMaxTreeNodes),
      pushFailures: num(tree.nPushNodeFailures),
      freeTrackingFailed: num(tree.nFreeTrackingFailed),
      vmSizeAtCreation: num(tree.nVmSizeAtCreation),
      root: scopeFrom(rootKey, root as Json, old),
    };
  });
  return {
    format: old ? '1.0-1.1' : '1.2+',
    pid: num(json.PID),
    startTime: String(json.tmStartProfiling ?? ''),
    snapshotTime: String(json.tmCurrentSnapshot ?? ''),
    threads,
    bytesAllocatedBeforeInit: numOrNull(json.nBytesAllocBeforeInit),
    mallocTagSelfUsage: numOrNull(json.nBytesMallocTagSelfUsage),
    vmSizeNow: numOrNull(json.vmSizeNowBytes),
    vmRSSNow: numOrNull(json.vmRSSNowBytes),
    totalNetTrackedBytes: numOrNull(json.nTotalNetTrackedBytes),
  };
}

/** A fixture by its file name in malloctag/, e.g. `pipeline_stats.json`. */
export function snapshotFixture(name: string): MallocTagSnapshot {
  return snapshotFromJson(JSON.parse(readFileSync(fixturePath(`malloctag/${name}`), 'utf8')) as Json);
}
