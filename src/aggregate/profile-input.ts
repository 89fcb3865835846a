/**
 * An input read by its kind (sniffed from its content, plain or gzip): a .mem file summarised in
 * one streaming pass, or a malloc-tag snapshot read whole (it is KBs; bounded by
 * MALLOC_TAG_LIMITS). Then the inputs of one upload made into the profile they describe:
 *
 * - one .mem → its summary, id = sha256 of its uncompressed bytes;
 * - one .mem + a snapshot in `tags` → the same, with the snapshot (and its stats) beside it;
 * - one snapshot → a malloc-tag profile, id = sha256 of its uncompressed bytes;
 * - several snapshots → a malloc-tag timeline, id = timelineId of theirs, in order.
 */
import { createHash } from 'node:crypto';
import { MemFormatError } from '../format/errors.js';
import { sniffInput } from '../format/sniff-input.js';
import { collectSnapshotBytes, MALLOC_TAG_LIMITS, readCollectedSnapshot, type MallocTagLimits } from '../format/malloc-tag/read-snapshot.js';
import type { MallocTagSnapshot } from '../format/malloc-tag/snapshot.js';
import { mallocTagStats } from './malloc-tag-stats.js';
import { summarizeMemStream, type SummarizeOptions } from './summarize.js';
import type { MallocTagSummary, MallocTagTimelineStats, ProfileSummary, ProfileWarning, StoredProfile } from './summary.js';
import { SUMMARY_VERSION } from '../versions.js';

export type ProfileInput =
  | { kind: 'mem'; summary: ProfileSummary }
  | {
      kind: 'malloc-tag';
      snapshot: MallocTagSnapshot;
      /** sha256 (hex) of the uncompressed bytes. */
      id: string;
      /** Uncompressed bytes. */
      bytes: number;
    };

/** Most snapshots one upload may carry (their bytes together are bounded by MALLOC_TAG_LIMITS.maxBytes). */
export const MAX_SNAPSHOTS_PER_UPLOAD = 64;

export interface ReadInputOptions extends SummarizeOptions {
  /** Bytes of snapshots already read in the same upload: the snapshot limit is for all of them together. */
  snapshotBytesRead?: number;
  /** The snapshot limit (at most MALLOC_TAG_LIMITS.maxBytes, the default). */
  maxSnapshotBytes?: number;
  /**
   * Where a .mem cannot be (a second file of an upload, part "tags"): said here, a .mem is refused
   * (MTAG_BAD_COMBINATION) as soon as its first bytes are seen, not after a pass over it.
   */
  snapshotOnly?: string;
}

/** Reads one input (one upload part, one file) by its kind. MemFormatError / InputTooLargeError for bad input. */
export async function readProfileInput(source: AsyncIterable<Uint8Array>, options: ReadInputOptions = {}): Promise<ProfileInput> {
  const { kind, bytes, close } = await sniffInput(source, { maxBytes: options.maxBytes });
  if (kind === 'mem' && options.snapshotOnly !== undefined) {
    await close();
    throw badCombination(`${options.snapshotOnly} is a .mem file, where only a malloc-tag snapshot can be`, 'upload one .mem per profile as part "file", with its snapshot as part "tags", or snapshots alone as "file" parts');
  }
  if (kind === 'mem') return { kind, summary: await summarizeMemStream(bytes, options) };
  const limits: MallocTagLimits = { ...MALLOC_TAG_LIMITS, maxBytes: Math.min(options.maxSnapshotBytes ?? MALLOC_TAG_LIMITS.maxBytes, MALLOC_TAG_LIMITS.maxBytes) };
  const text = await collectSnapshotBytes(bytes, limits, options.snapshotBytesRead ?? 0);
  const snapshot = await readCollectedSnapshot(text);
  return { kind, snapshot, id: createHash('sha256').update(text).digest('hex'), bytes: text.length };
}

/**
 * The id of several snapshots uploaded together: the sha256 of their own ids (sha256 hex of each
 * one's uncompressed bytes), in upload order, each followed by a newline. In a shell:
 * `for f in a.json b.json c.json; do sha256sum < "$f" | cut -c1-64; done | sha256sum`
 * (on the uncompressed files). It cannot equal a single file's id unless sha256 collides.
 */
export function timelineId(snapshotIds: readonly string[]): string {
  const hash = createHash('sha256');
  for (const id of snapshotIds) hash.update(`${id}\n`);
  return hash.digest('hex');
}

/**
 * The id of a .mem paired with its snapshot: the sha256 of the .mem's id and the snapshot's, each
 * followed by a newline. In a shell: `(sha256sum < x.mem; sha256sum < x.json) | cut -c1-64 | sha256sum`
 * (uncompressed files). Another snapshot is another profile, so the immutable charts and
 * comparisons of one pairing are never those of another (the .mem alone keeps its own id).
 */
export function pairedId(memId: string, snapshotId: string): string {
  return createHash('sha256').update(`${memId}\n${snapshotId}\n`).digest('hex');
}

function badCombination(message: string, hint: string): MemFormatError {
  return new MemFormatError('MTAG_BAD_COMBINATION', message, hint);
}

const kindName = (input: ProfileInput) => (input.kind === 'mem' ? 'a .mem file' : 'a malloc-tag snapshot');

/** Warnings of every snapshot (each once), and one when they are not all of the same process. */
function timelineWarnings(snapshots: MallocTagSummary['snapshots'], stats: MallocTagTimelineStats['snapshots']): ProfileWarning[] {
  const seen = new Set<string>();
  const warnings: ProfileWarning[] = [];
  stats.forEach((one, i) =>
    one.warnings.forEach((warning) => {
      const message = `snapshot ${i + 1}: ${warning.message}`;
      if (!seen.has(`${warning.code}:${warning.message}`)) warnings.push({ code: warning.code, message });
      seen.add(`${warning.code}:${warning.message}`);
    }),
  );
  const pids = [...new Set(snapshots.map((snapshot) => snapshot.pid))];
  if (pids.length > 1) {
    warnings.push({ code: 'MTAG_SEVERAL_PROCESSES', message: `the snapshots are of ${pids.length} processes (PIDs ${pids.slice(0, 5).join(', ')}${pids.length > 5 ? ', …' : ''}), not one` });
  }
  return warnings;
}

function snapshotProfile(inputs: Array<Extract<ProfileInput, { kind: 'malloc-tag' }>>): MallocTagSummary {
  const snapshots = inputs.map((input) => input.snapshot);
  if (inputs.length === 1) {
    return { version: SUMMARY_VERSION, kind: 'malloc-tag', id: inputs[0].id, stats: mallocTagStats(snapshots[0]), snapshots };
  }
  const stats = snapshots.map(mallocTagStats);
  return {
    version: SUMMARY_VERSION,
    kind: 'malloc-tag',
    id: timelineId(inputs.map((input) => input.id)),
    stats: { snapshots: stats, warnings: timelineWarnings(snapshots, stats) },
    snapshots,
  };
}

/** The profile the inputs of one upload make (`files`: parts named file, in order; `tags`: the part named tags). */
export function combineInputs(files: readonly ProfileInput[], tags: ProfileInput | null): StoredProfile {
  if (files.length === 0) throw badCombination('the upload has no file', 'send the .mem file or malloc-tag snapshot(s) as part "file"');
  const mems = files.filter((input) => input.kind === 'mem');
  if (mems.length > 0 && files.length > 1) {
    throw badCombination(
      `the upload has ${files.length} files, ${mems.length} of them .mem: only malloc-tag snapshots can be read several at a time (a timeline)`,
      'upload one .mem per profile; pair it with its snapshot as part "tags"',
    );
  }
  if (tags) {
    if (tags.kind !== 'malloc-tag') throw badCombination('part "tags" is a .mem file, not a malloc-tag snapshot', 'send the malloc-tag JSON snapshot as "tags" and the .mem as "file"');
    const mem = files[0];
    if (mem.kind !== 'mem') throw badCombination('part "tags" pairs a snapshot with a .mem file, but part "file" is a malloc-tag snapshot', 'send the .mem as "file" (or the snapshots alone, as "file" parts)');
    const tagStats = mallocTagStats(tags.snapshot);
    const warnings = [...mem.summary.stats.warnings, ...tagStats.warnings.map((w) => ({ code: w.code, message: `tags: ${w.message}` }))];
    const id = mem.summary.id === null ? null : pairedId(mem.summary.id, tags.id);
    const summary: ProfileSummary = { ...mem.summary, id, stats: { ...mem.summary.stats, warnings, mallocTag: tagStats }, mallocTag: tags.snapshot };
    return summary;
  }
  if (mems.length === 1) return mems[0].summary;
  return snapshotProfile(files as Array<Extract<ProfileInput, { kind: 'malloc-tag' }>>);
}
