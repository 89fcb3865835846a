/**
 * Reads a malloc-tag JSON snapshot (both variants: 1.0-1.1 and 1.2+) into MallocTagSnapshot,
 * bounded: at most MALLOC_TAG_LIMITS.maxBytes, nesting and object count checked on the bytes
 * as they arrive (json-scan.ts) before JSON.parse sees them, and the tree walked without
 * recursion. Anything else is a MemFormatError that says what was found: MTAG_BAD_JSON
 * (truncated, syntax), MTAG_NOT_MALLOC_TAG (valid JSON of another shape), MTAG_TOO_LARGE,
 * MTAG_TOO_COMPLEX.
 */
import { MemFormatError } from '../errors.js';
import { JsonShapeScanner, type JsonScanLimits } from './json-scan.js';
import type { MallocTagCalls, MallocTagFormat, MallocTagScope, MallocTagSnapshot, MallocTagThread } from './snapshot.js';

export interface MallocTagLimits extends JsonScanLimits {
  /** Largest snapshot, in uncompressed bytes. */
  maxBytes: number;
}

/**
 * Snapshots are KBs (256 nodes per thread of a few hundred bytes each by default): 16 MiB is
 * dozens of threads of full trees. A scope level is two JSON levels (the node and its
 * nestedScopes) under three (document, thread, root): 256 allows 126 scope levels.
 */
export const MALLOC_TAG_LIMITS: MallocTagLimits = { maxBytes: 16 << 20, maxDepth: 256, maxContainers: 200_000 };

const SCOPE_PREFIX = 'scope_';
const THREAD_PREFIX = 'tree_for_TID';
const BOM = [0xef, 0xbb, 0xbf];

/**
 * Whether an input's first bytes (uncompressed) are JSON rather than a memusage file: after an
 * optional UTF-8 byte-order mark and whitespace, `{` or `[`. A .mem file starts with eight zero bytes.
 */
export function looksLikeJson(head: Uint8Array): boolean {
  let i = 0;
  if (BOM.every((byte, k) => head[k] === byte)) i = 3;
  for (; i < head.length; i++) {
    const byte = head[i];
    if (byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d) continue;
    return byte === 0x7b || byte === 0x5b;
  }
  return false;
}

export function snapshotTooLarge(limit: number): MemFormatError {
  return new MemFormatError(
    'MTAG_TOO_LARGE',
    `the malloc-tag snapshot is larger than ${limit} bytes (after decompression)`,
    `malloc-tag snapshots are a few KB; the limit for the snapshots of one upload is ${limit} bytes`,
  );
}

/**
 * The bytes of one snapshot from a stream (already decompressed), scanned as they come: refused
 * past `limits.maxBytes` (counting `alreadyRead` bytes of the same upload), too deep or too many
 * objects at the byte that crosses the bound, truncated at the end.
 */
export async function collectSnapshotBytes(source: AsyncIterable<Uint8Array>, limits: MallocTagLimits = MALLOC_TAG_LIMITS, alreadyRead = 0): Promise<Buffer> {
  const scanner = new JsonShapeScanner(limits);
  const chunks: Buffer[] = [];
  for await (const chunk of source) {
    if (alreadyRead + scanner.bytes + chunk.length > limits.maxBytes) throw snapshotTooLarge(limits.maxBytes);
    scanner.feed(chunk);
    chunks.push(Buffer.from(chunk)); // a copy: sources reuse their buffers
  }
  scanner.finish();
  return Buffer.concat(chunks);
}

/** A snapshot from its whole (uncompressed) bytes. */
export function parseMallocTagSnapshot(bytes: Uint8Array, limits: MallocTagLimits = MALLOC_TAG_LIMITS): MallocTagSnapshot {
  if (bytes.length > limits.maxBytes) throw snapshotTooLarge(limits.maxBytes);
  const scanner = new JsonShapeScanner(limits);
  scanner.feed(bytes);
  scanner.finish();
  return drain(readScannedSnapshot(bytes));
}

/**
 * A snapshot from bytes collectSnapshotBytes has scanned already, giving the event loop a turn
 * after each thread's tree (a snapshot near the limit has tens of thousands of scopes).
 */
export async function readCollectedSnapshot(bytes: Uint8Array): Promise<MallocTagSnapshot> {
  const steps = readScannedSnapshot(bytes);
  for (let step = steps.next(); ; step = steps.next()) {
    if (step.done) return step.value;
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

function drain<T>(steps: Generator<void, T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** JSON.parse, then the shape, one thread per step: bytes whose nesting and size are known to be bounded. */
function* readScannedSnapshot(bytes: Uint8Array): Generator<void, MallocTagSnapshot> {
  let doc: unknown;
  const hasBom = BOM.every((byte, k) => bytes[k] === byte);
  try {
    doc = JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8', hasBom ? BOM.length : 0));
  } catch (error) {
    throw new MemFormatError('MTAG_BAD_JSON', `invalid JSON: ${(error as Error).message}`, 'upload the snapshot file malloc-tag wrote, unchanged');
  }
  yield;
  return yield* snapshotSteps(doc);
}

function notMallocTag(message: string): MemFormatError {
  return new MemFormatError(
    'MTAG_NOT_MALLOC_TAG',
    message,
    'expected a malloc-tag snapshot: {"PID": …, "tree_for_TID<tid>": {…}, …} as written by MTAG_STATS_OUTPUT_JSON (or a memusage .mem file)',
  );
}

function describeJson(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

function quoteKey(key: string): string {
  return JSON.stringify(key.length > 40 ? `${key.slice(0, 40)}…` : key);
}

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function numberAt(obj: Json, key: string, where: string): number {
  const value = obj[key];
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw notMallocTag(`${where}: ${key} is ${value === undefined ? 'missing' : describeJson(value)}, expected a number`);
  }
  return value;
}

function optionalNumber(obj: Json, keys: string[], where: string): number | null {
  for (const key of keys) if (obj[key] !== undefined) return numberAt(obj, key, where);
  return null;
}

function stringAt(obj: Json, key: string, where: string): string {
  const value = obj[key];
  if (typeof value !== 'string') throw notMallocTag(`${where}: ${key} is ${value === undefined ? 'missing' : describeJson(value)}, expected a string`);
  return value;
}

/** nWeightPercentage: a number (1.2+) or a decimal string (1.0-1.1). */
function weightAt(obj: Json, where: string): number {
  const value = obj.nWeightPercentage;
  if (value === undefined) return 0;
  const weight = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof weight !== 'number' || !Number.isFinite(weight)) throw notMallocTag(`${where}: nWeightPercentage is ${JSON.stringify(value)}, expected a number`);
  return weight;
}

function formatOf(node: Json, where: string): MallocTagFormat {
  if ('nBytesTotalAllocated' in node) return '1.2+';
  if ('nBytesTotal' in node) return '1.0-1.1';
  throw notMallocTag(`${where}: neither nBytesTotalAllocated (malloc-tag 1.2+) nor nBytesTotal (1.0-1.1)`);
}

function readCalls(node: Json, where: string): MallocTagCalls {
  return {
    malloc: numberAt(node, 'nCallsTo_malloc', where),
    realloc: numberAt(node, 'nCallsTo_realloc', where),
    calloc: numberAt(node, 'nCallsTo_calloc', where),
    free: numberAt(node, 'nCallsTo_free', where),
  };
}

/** One node's own figures (children are filled in by readTree). */
function readScope(name: string, node: Json, format: MallocTagFormat, where: string): MallocTagScope {
  const modern = format === '1.2+';
  return {
    name,
    totalAllocated: numberAt(node, modern ? 'nBytesTotalAllocated' : 'nBytesTotal', where),
    totalFreed: modern ? numberAt(node, 'nBytesTotalFreed', where) : null,
    selfAllocated: numberAt(node, modern ? 'nBytesSelfAllocated' : 'nBytesSelf', where),
    selfFreed: modern ? numberAt(node, 'nBytesSelfFreed', where) : null,
    timesEntered: optionalNumber(node, ['nTimesEnteredAndExited'], where) ?? 0,
    weightPercent: weightAt(node, where),
    calls: readCalls(node, where),
    children: [],
  };
}

/** The `scope_<name>` keys of an object, in file order. */
function scopeKeys(obj: Json): string[] {
  return Object.keys(obj).filter((key) => key.startsWith(SCOPE_PREFIX));
}

/** A thread's scope tree, walked with an explicit stack (the depth was bounded by the scan, but recursion is not needed). */
function readTree(rootKey: string, rootNode: unknown, format: MallocTagFormat, threadWhere: string): MallocTagScope {
  const pending: Array<{ key: string; node: unknown; where: string; attach: (scope: MallocTagScope) => void }> = [];
  let root: MallocTagScope | null = null;
  pending.push({ key: rootKey, node: rootNode, where: `${threadWhere}.${rootKey}`, attach: (scope) => (root = scope) });
  while (pending.length > 0) {
    const { key, node, where, attach } = pending.pop()!;
    if (!isObject(node)) throw notMallocTag(`${where} is ${describeJson(node)}, expected a scope object`);
    const scope = readScope(key.slice(SCOPE_PREFIX.length), node, format, where);
    attach(scope);
    const nested = node.nestedScopes;
    if (nested === undefined) continue;
    if (!isObject(nested)) throw notMallocTag(`${where}.nestedScopes is ${describeJson(nested)}, expected an object`);
    const keys = scopeKeys(nested);
    scope.children = new Array<MallocTagScope>(keys.length);
    // Pushed in reverse so that children are read in file order; each fills its own slot.
    for (let k = keys.length - 1; k >= 0; k--) {
      pending.push({ key: keys[k], node: nested[keys[k]], where: `${where}.${keys[k]}`, attach: (child) => (scope.children[k] = child) });
    }
  }
  return root!;
}

function readThread(key: string, value: unknown, format: MallocTagFormat | null): MallocTagThread & { format: MallocTagFormat } {
  if (!isObject(value)) throw notMallocTag(`${key} is ${describeJson(value)}, expected an object`);
  const roots = scopeKeys(value);
  if (roots.length !== 1) throw notMallocTag(`${key} has ${roots.length} scope_<thread name> keys, expected one`);
  const rootNode = value[roots[0]];
  const threadFormat = format ?? (isObject(rootNode) ? formatOf(rootNode, `${key}.${roots[0]}`) : '1.2+');
  return {
    format: threadFormat,
    tid: numberAt(value, 'TID', key),
    name: stringAt(value, 'ThreadName', key),
    treeLevels: optionalNumber(value, ['nTreeLevels'], key) ?? 0,
    nodesInUse: optionalNumber(value, ['nTreeNodesInUse'], key) ?? 0,
    maxNodes: optionalNumber(value, ['nMaxTreeNodes'], key) ?? 0,
    pushFailures: optionalNumber(value, ['nPushNodeFailures'], key) ?? 0,
    freeTrackingFailed: optionalNumber(value, ['nFreeTrackingFailed'], key) ?? 0,
    vmSizeAtCreation: optionalNumber(value, ['nVmSizeAtCreation'], key) ?? 0,
    root: readTree(roots[0], rootNode, threadFormat, key),
  };
}

/** MallocTagSnapshot from a parsed document; MTAG_NOT_MALLOC_TAG naming what was found otherwise. */
export function snapshotOf(doc: unknown): MallocTagSnapshot {
  return drain(snapshotSteps(doc));
}

/** snapshotOf, one step per thread. */
function* snapshotSteps(doc: unknown): Generator<void, MallocTagSnapshot> {
  if (!isObject(doc)) throw notMallocTag(`JSON ${describeJson(doc)}, not a malloc-tag snapshot object`);
  const threadKeys = Object.keys(doc).filter((key) => key.startsWith(THREAD_PREFIX));
  if (doc.PID === undefined || threadKeys.length === 0) {
    const keys = Object.keys(doc);
    const shown = keys.slice(0, 5).map(quoteKey).join(', ');
    const found = keys.length === 0 ? 'no keys' : `keys ${shown}${keys.length > 5 ? `, … (${keys.length} in all)` : ''}`;
    throw notMallocTag(`JSON without PID/tree_for_TID keys (found ${found})`);
  }
  let format: MallocTagFormat | null = null;
  const threads: MallocTagThread[] = [];
  for (const key of threadKeys) {
    const { format: threadFormat, ...thread } = readThread(key, doc[key], format);
    format ??= threadFormat;
    threads.push(thread);
    yield;
  }
  const time = (key: string) => (doc[key] === undefined ? '' : stringAt(doc, key, 'the snapshot'));
  return {
    format: format!,
    pid: numberAt(doc, 'PID', 'the snapshot'),
    startTime: time('tmStartProfiling'),
    snapshotTime: time('tmCurrentSnapshot'),
    threads,
    bytesAllocatedBeforeInit: optionalNumber(doc, ['nBytesAllocBeforeInit'], 'the snapshot'),
    mallocTagSelfUsage: optionalNumber(doc, ['nBytesMallocTagSelfUsage'], 'the snapshot'),
    vmSizeNow: optionalNumber(doc, ['vmSizeNowBytes', 'VmSizeNow'], 'the snapshot'),
    vmRSSNow: optionalNumber(doc, ['vmRSSNowBytes', 'VmRSSNow'], 'the snapshot'),
    totalNetTrackedBytes: optionalNumber(doc, ['nTotalNetTrackedBytes'], 'the snapshot'),
  };
}
