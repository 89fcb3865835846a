import { promisify } from 'node:util';
import { gunzipSync, gzip, gzipSync } from 'node:zlib';
import type { MallocTagSnapshot } from '../format/malloc-tag/snapshot.js';
import { type M4Series, type MallocTagSummary, type ProfileSummary, type StoredProfile } from './summary.js';
import { SUMMARY_VERSION } from '../versions.js';

/** A stored summary that cannot be used: corrupt, truncated, or of another version. */
export class SummaryCodecError extends Error {
  readonly code = 'SUMMARY_UNREADABLE';
  constructor(message: string) {
    super(message);
    this.name = 'SummaryCodecError';
  }
}

/** Columns are stored as differences from the previous value: neighbouring buckets are close. */
type Encoded = { d: number[] } | { v: number[] };

function encodeColumn(values: number[]): Encoded {
  if (!values.every(Number.isSafeInteger)) return { v: values };
  const d = new Array<number>(values.length);
  let previous = 0;
  for (let i = 0; i < values.length; i++) {
    d[i] = values[i] - previous;
    previous = values[i];
  }
  return { d };
}

function decodeColumn(encoded: Encoded, length: number, name: string): number[] {
  const values = 'v' in encoded ? encoded.v : 'd' in encoded ? encoded.d : undefined;
  if (!Array.isArray(values) || values.length !== length || !values.every((x) => typeof x === 'number')) {
    throw new SummaryCodecError(`summary column ${name}: expected ${length} numbers`);
  }
  if ('v' in encoded) return values;
  const out = new Array<number>(length);
  let previous = 0;
  for (let i = 0; i < length; i++) out[i] = previous += values[i];
  return out;
}

const COLUMNS = ['heap.first', 'heap.last', 'heap.min', 'heap.max', 'stack.first', 'stack.last', 'stack.min', 'stack.max', 'total.min', 'total.max'] as const;

function encodeSeries(series: M4Series) {
  const columns: Record<string, Encoded> = { count: encodeColumn(series.count) };
  for (const name of COLUMNS) {
    const [group, field] = name.split('.') as ['heap' | 'stack' | 'total', 'first' | 'last' | 'min' | 'max'];
    columns[name] = encodeColumn((series[group] as unknown as Record<string, number[]>)[field]);
  }
  return { axis: series.axis, bucketWidth: series.bucketWidth, maxPosition: series.maxPosition, length: series.count.length, columns };
}

function decodeSeries(raw: unknown, axis: 'index' | 'time'): M4Series {
  const s = raw as ReturnType<typeof encodeSeries> | undefined;
  if (!s || s.axis !== axis || typeof s.bucketWidth !== 'number' || typeof s.length !== 'number' || typeof s.columns !== 'object') {
    throw new SummaryCodecError(`summary series ${axis}: missing or malformed`);
  }
  const col = (name: string) => {
    const encoded = s.columns[name];
    if (!encoded || typeof encoded !== 'object') throw new SummaryCodecError(`summary column ${axis}.${name}: missing`);
    return decodeColumn(encoded, s.length, `${axis}.${name}`);
  };
  return {
    axis,
    bucketWidth: s.bucketWidth,
    maxPosition: s.maxPosition,
    count: col('count'),
    heap: { first: col('heap.first'), last: col('heap.last'), min: col('heap.min'), max: col('heap.max') },
    stack: { first: col('stack.first'), last: col('stack.last'), min: col('stack.min'), max: col('stack.max') },
    total: { min: col('total.min'), max: col('total.max') },
  };
}

/**
 * The summary as bytes to store: gzip'd JSON with delta-coded columns (well under 1 MB), its
 * `kind` stored ('mem' or 'malloc-tag') so that reading it never guesses.
 */
export function serializeSummary(summary: StoredProfile): Buffer {
  return gzipSync(summaryDocument(summary), { level: 6 });
}

const gzipAsync = promisify(gzip);

/** serializeSummary with the compression on libuv's thread pool: a malloc-tag profile near its limit takes a few hundred ms to compress. */
export function serializeSummaryAsync(summary: StoredProfile): Promise<Buffer> {
  return gzipAsync(summaryDocument(summary), { level: 6 });
}

function summaryDocument(summary: StoredProfile): string {
  const doc =
    summary.kind === 'malloc-tag'
      ? { version: summary.version, kind: summary.kind, id: summary.id, stats: summary.stats, snapshots: summary.snapshots }
      : {
          version: summary.version,
          kind: 'mem',
          id: summary.id,
          stats: summary.stats,
          m4: { index: encodeSeries(summary.m4.index), time: encodeSeries(summary.m4.time) },
          ...(summary.mallocTag ? { mallocTag: summary.mallocTag } : {}),
        };
  return JSON.stringify(doc);
}

type StoredDoc = { version?: unknown; kind?: unknown; id?: unknown; stats?: unknown; m4?: { index?: unknown; time?: unknown }; snapshots?: unknown; mallocTag?: unknown };

/** A stored snapshot, checked as far as a corrupt entry would show (its figures are what the reader wrote). */
function storedSnapshot(raw: unknown, name: string): MallocTagSnapshot {
  const snapshot = raw as MallocTagSnapshot | null;
  if (!snapshot || typeof snapshot !== 'object' || !Array.isArray(snapshot.threads) || typeof snapshot.pid !== 'number') {
    throw new SummaryCodecError(`stored ${name} is not a malloc-tag snapshot`);
  }
  return snapshot;
}

function decodeMallocTag(doc: StoredDoc): MallocTagSummary {
  if (!doc.stats || typeof doc.stats !== 'object' || !Array.isArray(doc.snapshots) || doc.snapshots.length === 0) {
    throw new SummaryCodecError('stored malloc-tag summary lacks stats or snapshots');
  }
  return {
    version: SUMMARY_VERSION,
    kind: 'malloc-tag',
    id: typeof doc.id === 'string' ? doc.id : null,
    stats: doc.stats as MallocTagSummary['stats'],
    snapshots: doc.snapshots.map((snapshot, i) => storedSnapshot(snapshot, `snapshot ${i}`)),
  };
}

/** The summary back from serializeSummary's bytes; throws SummaryCodecError on anything else. */
export function deserializeSummary(bytes: Uint8Array): StoredProfile {
  let doc: StoredDoc;
  try {
    doc = JSON.parse(gunzipSync(bytes).toString('utf8'));
  } catch (error) {
    throw new SummaryCodecError(`stored summary is corrupt: ${(error as Error).message}`);
  }
  if (!doc || typeof doc !== 'object') throw new SummaryCodecError('stored summary is not an object');
  if (doc.version !== SUMMARY_VERSION) {
    throw new SummaryCodecError(`stored summary has version ${String(doc.version)}, expected ${SUMMARY_VERSION}`);
  }
  if (doc.kind === 'malloc-tag') return decodeMallocTag(doc);
  if (doc.kind !== 'mem') throw new SummaryCodecError(`stored summary has kind ${JSON.stringify(doc.kind)}, expected "mem" or "malloc-tag"`);
  if (!doc.stats || typeof doc.stats !== 'object' || !doc.m4) throw new SummaryCodecError('stored summary lacks stats or series');
  const summary: ProfileSummary = {
    version: SUMMARY_VERSION,
    id: typeof doc.id === 'string' ? doc.id : null,
    stats: doc.stats as ProfileSummary['stats'],
    m4: { index: decodeSeries(doc.m4.index, 'index'), time: decodeSeries(doc.m4.time, 'time') },
  };
  if (doc.mallocTag !== undefined) summary.mallocTag = storedSnapshot(doc.mallocTag, 'paired snapshot');
  return summary;
}
