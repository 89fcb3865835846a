/**
 * Hostile inputs for the fuzz probes, reproducible from a seed: mutations of the real recordings
 * in ../shared/fixtures (bit flips, truncations, splices, huge and negative values, times far
 * outside the header's start and end, gzip wrapping, random bytes) and random chart options.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ROOT } from './harness.js';

export const FIXTURES_DIR = resolve(ROOT, '../shared/fixtures');
const RECORD = 24;

/** mulberry32: a small seeded PRNG, so that a run's inputs can be made again. */
export class Random {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  bytes(n: number): Buffer {
    const out = Buffer.alloc(n);
    for (let i = 0; i < n; i++) out[i] = Math.floor(this.next() * 256);
    return out;
  }
}

/** Every .mem under the fixtures folder (recordings and hand-made edge cases). */
export function loadFixtures(): { name: string; bytes: Buffer }[] {
  const found: { name: string; bytes: Buffer }[] = [];
  for (const dir of ['', 'edge']) {
    for (const file of readdirSync(join(FIXTURES_DIR, dir))) {
      if (file.endsWith('.mem')) found.push({ name: join(dir, file), bytes: readFileSync(join(FIXTURES_DIR, dir, file)) });
    }
  }
  if (found.length === 0) throw new Error(`no .mem fixtures in ${FIXTURES_DIR}`);
  return found;
}

const EXTREME_U64 = [0n, 1n, 2n ** 63n - 1n, 2n ** 63n, 2n ** 64n - 1n, 2n ** 64n - 24n, 2n ** 32n, 2n ** 53n + 1n];

/** The header and a window of at most `maxRecords` entries of a fixture (mutations of small inputs cover the same code). */
function window(rng: Random, bytes: Buffer, maxRecords: number): Buffer {
  const entries = Math.floor((bytes.length - 2 * RECORD) / RECORD);
  if (entries <= maxRecords || bytes.length < 2 * RECORD) return Buffer.from(bytes);
  const first = rng.int(0, entries - maxRecords);
  const count = rng.int(1, maxRecords);
  return Buffer.concat([bytes.subarray(0, 2 * RECORD), bytes.subarray(2 * RECORD + first * RECORD, 2 * RECORD + (first + count) * RECORD)]);
}

function recordOffsets(rng: Random, buf: Buffer, n: number): number[] {
  const records = Math.floor(buf.length / RECORD);
  if (records === 0) return [];
  return Array.from({ length: n }, () => rng.int(0, records - 1) * RECORD);
}

function writeTime(buf: Buffer, offset: number, time: bigint): void {
  buf.writeUInt32LE(Number(time & 0xffffffffn), offset + 16);
  buf.writeUInt32LE(Number((time >> 32n) & 0xffffffffn), offset + 20);
}

export const MUTATIONS = ['bit-flips', 'truncation', 'splice', 'extreme-values', 'times-outside-header', 'header-damage', 'repeat', 'random-bytes', 'tiny', 'as-is'] as const;
export type Mutation = (typeof MUTATIONS)[number];

export interface FuzzInput {
  bytes: Buffer;
  /** What was done, e.g. "javac.mem window, times-outside-header, gzip". */
  recipe: string;
}

/** One mutated input; gzip-wrapped (sometimes truncated after wrapping) in about one case in six. */
export function mutatedInput(rng: Random, fixtures: readonly { name: string; bytes: Buffer }[]): FuzzInput {
  const source = rng.pick(fixtures);
  const mutation = rng.pick(MUTATIONS);
  let buf = window(rng, source.bytes, rng.chance(0.05) ? 1e9 : 2000);
  switch (mutation) {
    case 'bit-flips':
      for (let i = rng.int(1, 64); i > 0 && buf.length > 0; i--) buf[rng.int(0, buf.length - 1)] ^= 1 << rng.int(0, 7);
      break;
    case 'truncation':
      buf = buf.subarray(0, rng.int(0, buf.length));
      break;
    case 'splice': {
      const other = window(rng, rng.pick(fixtures).bytes, 2000);
      buf = Buffer.concat([buf.subarray(0, rng.int(0, buf.length)), other.subarray(rng.int(0, other.length))]);
      break;
    }
    case 'extreme-values':
      for (const at of recordOffsets(rng, buf, rng.int(1, 16))) {
        if (at + 16 <= buf.length) buf.writeBigUInt64LE(rng.pick(EXTREME_U64), at + (rng.chance(0.5) ? 0 : 8));
      }
      break;
    case 'times-outside-header': {
      const start = buf.length >= 24 ? BigInt(buf.readUInt32LE(16)) | (BigInt(buf.readUInt32LE(20)) << 32n) : 0n;
      for (const at of recordOffsets(rng, buf, rng.int(1, 8))) {
        if (at + 24 > buf.length) continue;
        const far = rng.pick([0n, 1n, 2n ** 64n - 1n, 2n ** 63n, start + 900_000_000_000n, start > 10n ** 12n ? start - 10n ** 12n : 0n, start * 1000n]);
        writeTime(buf, at, far & (2n ** 64n - 1n));
      }
      break;
    }
    case 'header-damage':
      if (buf.length >= 48) {
        if (rng.chance(0.5)) buf.fill(0, 0, 48);
        else {
          writeTime(buf, 24, rng.pick([0n, 2n ** 64n - 1n, 1n]));
          buf.writeBigUInt64LE(rng.pick(EXTREME_U64), 24);
          buf.writeBigUInt64LE(rng.pick(EXTREME_U64), 8);
        }
      }
      break;
    case 'repeat': {
      const records = buf.subarray(48, 48 + RECORD * rng.int(1, 4));
      buf = Buffer.concat([buf.subarray(0, 48), ...Array.from({ length: rng.int(1, 4000) }, () => records)]);
      break;
    }
    case 'random-bytes':
      buf = rng.bytes(rng.int(0, 4800));
      break;
    case 'tiny':
      buf = buf.subarray(0, rng.pick([0, 1, 23, 24, 47, 48, 49, 71, 72]));
      break;
    case 'as-is':
      break;
  }
  let recipe = `${source.name}, ${mutation}`;
  if (rng.chance(1 / 6)) {
    buf = gzipSync(buf);
    recipe += ', gzip';
    if (rng.chance(0.25)) {
      buf = buf.subarray(0, rng.int(0, buf.length));
      recipe += ' (truncated)';
    }
  }
  return { bytes: buf, recipe };
}

export interface ChartOptions {
  axis: 'calls' | 'time';
  total: boolean;
  stack: 'separate' | 'same' | 'none';
  theme: 'light' | 'dark' | 'classic';
  format: 'png' | 'svg' | 'webp' | 'avif' | 'jpeg';
  width: number;
  height: number;
  scale: number;
  title?: string;
  ticksPerSecond?: number;
}

/**
 * Random chart options: every axis/total/stack/theme/format combination is drawn; sizes are
 * mostly small (renders cost pixels, and the fuzz is about inputs), with a share `bigShare`
 * anywhere up to the largest allowed.
 */
export function chartOptions(rng: Random, bigShare: number): ChartOptions {
  const big = rng.chance(bigShare);
  const options: ChartOptions = {
    axis: rng.pick(['calls', 'time'] as const),
    total: rng.chance(0.5),
    stack: rng.pick(['separate', 'same', 'none'] as const),
    theme: rng.pick(['light', 'dark', 'classic'] as const),
    format: rng.pick(['png', 'svg', 'webp', 'avif', 'jpeg'] as const),
    width: big ? rng.int(100, 4096) : rng.int(100, 480),
    height: big ? rng.int(80, 4096) : rng.int(80, 360),
    scale: big ? rng.int(1, 3) : rng.chance(0.8) ? 1 : 2,
  };
  if (rng.chance(0.3)) options.title = rng.pick(['build', '<script>alert(1)</script>', 'ü'.repeat(rng.int(1, 200)), 'a b & c "d"', '']);
  if (rng.chance(0.2)) options.ticksPerSecond = rng.pick([1, 1e9, 2.5e9, 0.001, 1e300]);
  return options;
}

/** Query string of the HTTP options; one time in ten a value is out of range or malformed (a 400 is the right answer). */
export function queryString(rng: Random, o: ChartOptions): string {
  const params = new URLSearchParams({ axis: o.axis, stack: o.stack, theme: o.theme, format: o.format, width: String(o.width), height: String(o.height), scale: String(o.scale) });
  if (o.total) params.set('total', 'true');
  if (o.title !== undefined) params.set('title', o.title);
  if (o.ticksPerSecond !== undefined) params.set('ticks_per_second', String(o.ticksPerSecond));
  if (rng.chance(0.1)) params.set(rng.pick(['width', 'height', 'scale', 'axis', 'ticks_per_second', 'format']), rng.pick(['-1', '0', '1e9', 'NaN', '4097', '99999999999999999999', 'x', '']));
  return params.toString();
}

/** The same options as memplot's CLI flags (output format from the OUTFILE's extension). */
export function cliFlags(o: ChartOptions): string[] {
  const flags = ['-x', String(o.width), '-y', String(o.height), '--stack', o.stack, '--theme', o.theme, '--scale', String(o.scale)];
  if (o.axis === 'time') flags.push('-t');
  if (o.total) flags.push('-T');
  if (o.title !== undefined) flags.push('-s', o.title);
  if (o.ticksPerSecond !== undefined) flags.push('--ticks-per-second', String(o.ticksPerSecond));
  return flags;
}

/** The stall input of issue 9: four records, times near 9e11 ticks and one entry at 2^20 << 32. */
export function stallInput(): Buffer {
  const record = (heap: number, stack: number, time: number) => {
    const b = Buffer.alloc(RECORD);
    b.writeBigUInt64LE(BigInt(heap), 0);
    b.writeBigUInt64LE(BigInt(stack), 8);
    b.writeUInt32LE(time % 2 ** 32, 16);
    b.writeUInt32LE(Math.floor(time / 2 ** 32), 20);
    return b;
  };
  const T = 900_000_000_000;
  return Buffer.concat([record(0, 1064, T), record(1000, 64, T), record(100, 64, T), record(1e6, 1e6, 1048576)]);
}

/**
 * A valid input no other call returns: a window of a real recording (header kept) with one
 * entry's stack changed, so that every call makes a new id.
 */
export function distinctValidInput(rng: Random, fixtures: readonly { name: string; bytes: Buffer }[], serial: number): Buffer {
  const recordings = fixtures.filter((f) => !f.name.includes('edge') && f.bytes.length > 1000);
  const buf = window(rng, rng.pick(recordings).bytes, 20_000);
  const entries = Math.floor((buf.length - 2 * RECORD) / RECORD);
  if (entries > 0) buf.writeUInt32LE(serial >>> 0, 2 * RECORD + rng.int(0, entries - 1) * RECORD + 8);
  return buf;
}
