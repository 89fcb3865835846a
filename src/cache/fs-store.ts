/**
 * The embedded default store: one file per entry under a directory, written atomically
 * (temporary file + rename), bounded in size by least-recently-used eviction, and self-checking:
 * each file starts with a header (magic, length, CRC-32 of key and value), so a truncated or
 * damaged entry is detected, removed and reported as a miss (the caller rebuilds it), never served.
 * The index of entries is rebuilt from the directory at open, so the cache survives restarts
 * (last use order from the files' modification times, which hits refresh).
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, unlink, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { StoreWriteError, type CacheStore } from './store.js';

const MAGIC = 0x3143504d; // "MPC1" little-endian
const HEADER_BYTES = 18;

export interface FileStoreOptions {
  dir: string;
  /** Total bytes of entry files kept; the least recently used go first past it. */
  maxBytes: number;
  /** Called when an entry fails its check (it is removed). */
  onCorrupt?: (key: string, reason: string) => void;
  /** Called with the key of each entry evicted for space (when this process knows it), e.g. to drop it from a memory tier. */
  onEvict?: (key: string) => void;
  /**
   * Keys evicted before any other (zoom index pieces: summaries and renders stay). Their files are
   * named with a suffix, so that the order holds for entries found at open too.
   */
  evictFirst?: (key: string) => boolean;
}

/** The file-name suffix of entries evicted first. */
const EVICT_FIRST_SUFFIX = '-1';

interface IndexEntry {
  size: number;
  touchedAt: number;
  /** The entry's key when this process has read or written it (entries found at open are known by file name only). */
  key?: string;
}

/** The health probe writes this much, or as much as the last failed write (up to PROBE_MAX_BYTES) until one succeeds. */
const PROBE_BYTES = 4096;
const PROBE_MAX_BYTES = 4 << 20;
/** How long a successful write probe answers for the store (ping). */
const PROBE_REUSE_MS = 1000;

/** Frames a value: magic u32 | crc32(key, value) u32 | value length u64 | key length u16 | key | value. */
export function encodeEntry(key: string, value: Buffer): Buffer[] {
  const keyBytes = Buffer.from(key, 'utf8');
  const header = Buffer.alloc(HEADER_BYTES);
  header.writeUInt32LE(MAGIC, 0);
  header.writeUInt32LE(crc32(value, crc32(keyBytes)), 4);
  header.writeBigUInt64LE(BigInt(value.length), 8);
  header.writeUInt16LE(keyBytes.length, 16);
  return [header, keyBytes, value];
}

/** The value of a framed entry, or the reason it cannot be trusted. */
export function decodeEntry(key: string, bytes: Buffer): { value: Buffer } | { corrupt: string } {
  if (bytes.length < HEADER_BYTES) return { corrupt: `${bytes.length} bytes, shorter than the header` };
  if (bytes.readUInt32LE(0) !== MAGIC) return { corrupt: 'bad magic' };
  const keyLength = bytes.readUInt16LE(16);
  const valueLength = Number(bytes.readBigUInt64LE(8));
  if (HEADER_BYTES + keyLength + valueLength !== bytes.length) {
    return { corrupt: `length ${bytes.length}, header says ${HEADER_BYTES + keyLength + valueLength}` };
  }
  const keyBytes = bytes.subarray(HEADER_BYTES, HEADER_BYTES + keyLength);
  if (keyBytes.toString('utf8') !== key) return { corrupt: 'holds another key' };
  const value = bytes.subarray(HEADER_BYTES + keyLength);
  if (crc32(value, crc32(keyBytes)) !== bytes.readUInt32LE(4)) return { corrupt: 'checksum mismatch' };
  return { value };
}

function isMissing(error: unknown): boolean {
  return (error as NodeJS.ErrnoException)?.code === 'ENOENT';
}

export class FileStore implements CacheStore {
  readonly kind = 'filesystem';
  readonly dir: string;
  readonly maxBytes: number;
  private readonly entriesDir: string;
  private readonly tmpDir: string;
  private readonly onCorrupt?: (key: string, reason: string) => void;
  private readonly onEvict?: (key: string) => void;
  /** The last entry write that failed, until a write (or a health probe of its size) succeeds. */
  private writeFailure: { error: StoreWriteError; size: number } | null = null;
  /** File name → size, in least- to most-recently-used order (Map iteration order). */
  private readonly index = new Map<string, IndexEntry>();
  /** The same for entries evicted first (evictFirst). */
  private readonly firstOut = new Map<string, IndexEntry>();
  private readonly evictFirst: (key: string) => boolean;
  private totalBytes = 0;

  private constructor(options: FileStoreOptions) {
    this.dir = options.dir;
    this.maxBytes = options.maxBytes;
    this.entriesDir = join(options.dir, 'entries');
    this.tmpDir = join(options.dir, 'tmp');
    this.onCorrupt = options.onCorrupt;
    this.onEvict = options.onEvict;
    this.evictFirst = options.evictFirst ?? (() => false);
  }

  /** The index an entry's file name belongs to. */
  private indexOf(name: string): Map<string, IndexEntry> {
    return name.endsWith(EVICT_FIRST_SUFFIX) ? this.firstOut : this.index;
  }

  /** Opens (creating it if needed) the cache directory and indexes what a previous run left. */
  static async open(options: FileStoreOptions): Promise<FileStore> {
    if (!(options.maxBytes > 0)) throw new RangeError(`FileStore maxBytes must be positive, received ${options.maxBytes}`);
    const store = new FileStore(options);
    await store.load();
    return store;
  }

  /** Bytes of entry files currently indexed. */
  get size(): number {
    return this.totalBytes;
  }

  get count(): number {
    return this.index.size + this.firstOut.size;
  }

  private async load(): Promise<void> {
    // Temporary files are writes that never finished (a crash between write and rename).
    await rm(this.tmpDir, { recursive: true, force: true });
    await mkdir(this.tmpDir, { recursive: true });
    await mkdir(this.entriesDir, { recursive: true });
    const found: Array<{ name: string; size: number; mtimeMs: number }> = [];
    for (const shard of await readdir(this.entriesDir)) {
      if (!/^[0-9a-f]{2}$/.test(shard)) continue;
      for (const name of await readdir(join(this.entriesDir, shard)).catch(() => [] as string[])) {
        if (!/^[0-9a-f]{64}(-1)?$/.test(name)) continue;
        try {
          const info = await stat(join(this.entriesDir, shard, name));
          if (info.isFile()) found.push({ name, size: info.size, mtimeMs: info.mtimeMs });
        } catch (error) {
          if (!isMissing(error)) throw error;
        }
      }
    }
    found.sort((a, b) => a.mtimeMs - b.mtimeMs);
    for (const entry of found) this.remember(entry.name, entry.size, entry.mtimeMs);
    await this.evict();
  }

  private fileName(key: string): string {
    return createHash('sha256').update(key).digest('hex') + (this.evictFirst(key) ? EVICT_FIRST_SUFFIX : '');
  }

  private pathOf(name: string): string {
    return join(this.entriesDir, name.slice(0, 2), name);
  }

  private remember(name: string, size: number, touchedAt: number, key?: string): void {
    const index = this.indexOf(name);
    key ??= index.get(name)?.key;
    this.forget(name);
    index.set(name, { size, touchedAt, key });
    this.totalBytes += size;
  }

  private forget(name: string): void {
    const index = this.indexOf(name);
    const old = index.get(name);
    if (old) {
      this.totalBytes -= old.size;
      index.delete(name);
    }
  }

  private async evict(): Promise<void> {
    while (this.totalBytes > this.maxBytes && this.count > 0) {
      const index = this.firstOut.size > 0 ? this.firstOut : this.index;
      const [name, entry] = index.entries().next().value as [string, IndexEntry];
      this.forget(name);
      if (entry.key !== undefined) this.onEvict?.(entry.key);
      await unlink(this.pathOf(name)).catch((error) => {
        if (!isMissing(error)) throw error;
      });
    }
  }

  async get(key: string): Promise<Buffer | null> {
    const name = this.fileName(key);
    const path = this.pathOf(name);
    let bytes: Buffer;
    try {
      bytes = await readFile(path);
    } catch (error) {
      if (!isMissing(error)) throw error;
      this.forget(name);
      return null;
    }
    const decoded = decodeEntry(key, bytes);
    if ('corrupt' in decoded) {
      this.forget(name);
      await unlink(path).catch(() => undefined);
      this.onCorrupt?.(key, decoded.corrupt);
      return null;
    }
    const now = Date.now();
    const previous = this.indexOf(name).get(name);
    this.remember(name, bytes.length, now, key);
    // Persist the use for the next start's LRU order; at most once a minute per entry.
    if (!previous || now - previous.touchedAt > 60_000) {
      const seconds = now / 1000;
      utimes(path, seconds, seconds).catch(() => undefined);
    }
    return decoded.value;
  }

  async set(key: string, value: Buffer): Promise<void> {
    const name = this.fileName(key);
    const parts = encodeEntry(key, value);
    const size = parts.reduce((n, p) => n + p.length, 0);
    if (size > this.maxBytes) return; // larger than the whole cache: not kept
    const tmp = this.tmpPath(name);
    try {
      await mkdir(join(this.entriesDir, name.slice(0, 2)), { recursive: true });
      await writeFile(tmp, parts);
      await rename(tmp, this.pathOf(name));
    } catch (error) {
      await unlink(tmp).catch(() => undefined);
      // A full disk, a quota, a read-only or failing mount: remembered for /healthz until a write succeeds.
      this.writeFailure = { error: new StoreWriteError(this.kind, error), size };
      throw this.writeFailure.error;
    }
    this.writeFailure = null;
    this.remember(name, size, Date.now(), key);
    await this.evict();
  }

  private tmpPath(name: string): string {
    return join(this.tmpDir, `${name}.${process.pid}.${randomBytes(6).toString('hex')}`);
  }


  async has(key: string): Promise<boolean> {
    const name = this.fileName(key);
    const known = this.indexOf(name).get(name);
    if (known) {
      // A check is a use: an id whose renders are served keeps its summary (index order only, no I/O).
      this.remember(name, known.size, Date.now(), key);
      return true;
    }
    // Another process sharing the directory may have written it.
    try {
      const info = await stat(this.pathOf(name));
      this.remember(name, info.size, info.mtimeMs, key);
      return true;
    } catch (error) {
      if (isMissing(error)) return false;
      throw error;
    }
  }

  async delete(key: string): Promise<boolean> {
    const name = this.fileName(key);
    this.forget(name);
    try {
      await unlink(this.pathOf(name));
      return true;
    } catch (error) {
      if (isMissing(error)) return false;
      throw error;
    }
  }

  /**
   * Healthy when the directory takes a write: a probe file is written to tmp/ and removed, of
   * 4 KiB, or while the last entry write failed, of that entry's size (at most 4 MiB), so that a
   * disk that fills up is reported until it can take entries again, and no longer.
   */
  /** The last write probe and when it started: reused for a second while it has not failed. */
  private lastProbe: { at: number; result: Promise<void> } | null = null;

  /**
   * Writes and removes a probe file (the disk may be full while reads still work). At most one
   * probe a second: /healthz polled often, or by many balancers, costs no more disk work, and a
   * write failure anywhere in the store is probed again at once.
   */
  ping(): Promise<void> {
    const now = Date.now();
    if (!this.writeFailure && this.lastProbe && now - this.lastProbe.at < PROBE_REUSE_MS) return this.lastProbe.result;
    const result = this.probe();
    this.lastProbe = { at: now, result };
    result.catch(() => {
      if (this.lastProbe?.result === result) this.lastProbe = null;
    });
    return result;
  }

  private async probe(): Promise<void> {
    const size = this.writeFailure ? Math.min(Math.max(this.writeFailure.size, PROBE_BYTES), PROBE_MAX_BYTES) : PROBE_BYTES;
    const probe = this.tmpPath('probe');
    try {
      await writeFile(probe, Buffer.alloc(size));
    } catch (error) {
      throw new StoreWriteError(this.kind, error);
    } finally {
      await unlink(probe).catch(() => undefined);
    }
    this.writeFailure = null;
  }

  async close(): Promise<void> {}
}
