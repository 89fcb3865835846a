/**
 * The profile summary: everything memplot knows about one .mem file after a single pass,
 * small enough to cache (at most 1 MB serialised) and rich enough to draw any chart up to
 * 4096 px wide without reading the file again.
 */
import type { STATS_VERSION, SUMMARY_VERSION } from '../versions.js';
import type { MallocTagSnapshot } from '../format/malloc-tag/snapshot.js';
import type { MallocTagStats } from './malloc-tag-stats.js';

// ProfileWarning and ProfileStats are type aliases, not interfaces, so that they fit the JSON Schema
// types of the HTTP responses that carry them (an interface has no implicit index signature).
export type ProfileWarning = {
  /** Stable machine-readable code, e.g. `HEADER_INCOMPLETE`, `TRAILING_BYTES`, `HEAP_NEGATIVE`. */
  code: string;
  message: string;
};

export interface DeltaHistogramRow {
  /** Size class [minBytes, maxBytes] of |heap[i] - heap[i-1]|: a power-of-two class. */
  minBytes: number;
  maxBytes: number;
  /** Consecutive heap differences in this class that grew the heap. */
  growth: number;
  /** ... that shrank it. */
  shrink: number;
}

/**
 * The stats printed by `memplot stats` and served by `GET /profiles/:id`.
 * Absolute times are exact unsigned decimal strings (raw CPU ticks can exceed 2^53);
 * everything else is a JSON number. Heap values are the signed reading of the counter.
 */
export type ProfileStats = {
  /** The shape of this JSON (STATS_VERSION): bumped when a field is added or changes meaning. */
  version: typeof STATS_VERSION;
  entries: number;
  bytes: number;
  trailingBytes: number;
  headerComplete: boolean;
  /** Largest signed heap, largest stack, and largest heap + stack of any one entry (0 with no entries). */
  peak: { heap: number; stack: number; total: number };
  /** Where the first entry with the peak heap is: its 0-based entry index and absolute time. Null with no entries. */
  peakHeapAt: { index: number; time: string } | null;
  /** The last entry: heap still allocated at exit is the leak signal. Null with no entries. */
  final: { heap: number; stack: number } | null;
  /** The header as written (heap read as signed; zeros for a program that never reached its exit handler). */
  header: { peakHeap: number; peakStack: number; peakTotal: number; startTime: string; endTime: string };
  time: {
    /** Header start time. */
    start: string;
    /** Header end time; recomputed from the entries (latest entry time) when the header is incomplete. */
    end: string;
    first: string | null;
    last: string | null;
    min: string | null;
    max: string | null;
    /** Number of consecutive entries whose time is smaller than the one before (the tick counter is read per CPU; entries can be written out of order). */
    nonMonotonicSteps: number;
  };
  heapChanges: { increases: number; decreases: number; unchanged: number };
  deltaHistogram: DeltaHistogramRow[];
  /**
   * Time-weighted mean heap, in bytes: each entry's heap held from its time to the next entry's
   * (steps back in time hold nothing), summed and divided by the ticks summed, i.e. over the time
   * from the first entry to the last. Null with no entries or when the entries span no time.
   */
  meanHeap: number | null;
  /** Mean heap over entries (every call, and timer samples with the timer on), unweighted. Null with no entries. */
  meanHeapOverCalls: number | null;
  /**
   * Temporary allocations (heaptrack's term), approximated on the counter: steps that raise the
   * heap by d whose next heap-changing step lowers it by exactly d. Entries that leave the heap
   * unchanged (timer samples, malloc(0), free(NULL)) are skipped over.
   */
  temporary: number;
  /** time.end − time.start in ticks (0 when the end is before the start). */
  duration: number;
  /** duration in seconds when a tick rate was given (--ticks-per-second, ticks_per_second), else null. */
  durationSeconds: number | null;
  warnings: ProfileWarning[];
  /** The stats of the malloc-tag snapshot uploaded with the .mem (part `tags`), when there was one. */
  mallocTag?: MallocTagStats;
};

export type M4Axis = 'index' | 'time';

/** First, last, min and max of one series in each bucket. */
export interface M4Columns {
  first: number[];
  last: number[];
  min: number[];
  max: number[];
}

/**
 * M4 downsampling (Jugel et al., VLDB 2014) of heap, stack and heap + stack along one axis.
 * Bucket `b` covers positions [b * bucketWidth, (b + 1) * bucketWidth) where a position is the
 * entry index (`index` axis) or the time in ticks since the header start time (`time` axis).
 * Empty buckets (possible on the time axis) have `count[b] === 0` and zeros elsewhere.
 * The total's first/last are heap + stack of the first/last entry: `heap.first[b] + stack.first[b]`.
 */
export interface M4Series {
  axis: M4Axis;
  bucketWidth: number;
  /** Entries in each bucket. */
  count: number[];
  heap: M4Columns;
  stack: M4Columns;
  total: { min: number[]; max: number[] };
  /** Largest position seen (entries - 1, or the latest relative time); -1 with no entries. */
  maxPosition: number;
}

export interface ProfileSummary {
  version: typeof SUMMARY_VERSION;
  /** Absent or 'mem': a .mem profile (see StoredProfile). */
  kind?: 'mem';
  /** sha256 (hex) of the uncompressed .mem bytes when it was computed, else null. */
  id: string | null;
  stats: ProfileStats;
  m4: { index: M4Series; time: M4Series };
  /** The malloc-tag snapshot of the same process, uploaded with the .mem (part `tags`): kind=scopes draws both. */
  mallocTag?: MallocTagSnapshot;
}

/** The stats of several snapshots of one process (a timeline profile), in upload order. */
export type MallocTagTimelineStats = {
  snapshots: MallocTagStats[];
  warnings: ProfileWarning[];
};

/** A profile of malloc-tag snapshots alone: one snapshot, or several (a timeline) in upload order. */
export interface MallocTagSummary {
  version: typeof SUMMARY_VERSION;
  kind: 'malloc-tag';
  /** One snapshot: the sha256 of its uncompressed bytes; several: see timelineId (malloc-tag-profile.ts). */
  id: string | null;
  stats: MallocTagStats | MallocTagTimelineStats;
  snapshots: MallocTagSnapshot[];
}

/** What a profile id names in the store: the summary codec writes and reads this, `kind` telling which. */
export type StoredProfile = ProfileSummary | MallocTagSummary;
