/**
 * Hostile malloc-tag snapshot uploads: a 100 MB JSON, a gzip bomb of JSON, 100,000-deep nestings,
 * a million empty objects, snapshots cut, flipped and spliced at random, and the largest snapshot
 * accepted (just under the default limit, 4 MiB), while /healthz is asked every 50 ms. Each must be
 * answered (2xx or 4xx, the named cases with their code), the event loop must keep answering and
 * the server's memory must stay bounded.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { clientAddress, every, request, sampleRss, startServer, statusLabel, storedId, summarise, Tally, type Answer, type Server } from '../harness.js';
import { FIXTURES_DIR, Random } from '../inputs.js';
import { newResult, recordRssTarget, target, type ProbeResult } from '../result.js';
import type { ProbeContext } from '../probe.js';

interface Case {
  name: string;
  bytes: Buffer;
  /** The status and code the case must get; null: any 2xx or 4xx. */
  expect: string | null;
}

const node = (name: string, bytes: number, children: string) =>
  `"scope_${name}": {"nBytesTotalAllocated": ${bytes}, "nBytesTotalFreed": 0, "nBytesSelfAllocated": ${bytes}, "nBytesSelfFreed": 0, "nTimesEnteredAndExited": 1, "nWeightPercentage": 0.1, "nCallsTo_malloc": 1, "nCallsTo_realloc": 0, "nCallsTo_calloc": 0, "nCallsTo_free": 0, "nestedScopes": {${children}}}`;

/** A valid snapshot of `threads` threads, each a root with `width` children of `width` children: close to `targetBytes`. */
export function largeSnapshot(targetBytes: number): Buffer {
  const width = 15; // 1 + 15 + 225 = 241 nodes per thread, under malloc-tag's default 256
  const thread = (tid: number) => {
    const leaves = (p: number) => Array.from({ length: width }, (_, i) => node(`leaf_${p}_${i}`, 64 + i, '')).join(', ');
    const middles = Array.from({ length: width }, (_, p) => node(`mid_${p}`, 32, leaves(p))).join(', ');
    return `"tree_for_TID${tid}": {"TID": ${tid}, "ThreadName": "worker/${tid}", "nTreeLevels": 3, "nTreeNodesInUse": 241, "nMaxTreeNodes": 256, "nPushNodeFailures": 0, "nFreeTrackingFailed": 0, "nVmSizeAtCreation": 1000, ${node(`worker/${tid}`, 0, middles)}}`;
  };
  const one = Buffer.byteLength(thread(1000));
  const count = Math.max(1, Math.floor((targetBytes - 200) / (one + 2)));
  const threads = Array.from({ length: count }, (_, i) => thread(1000 + i)).join(',\n');
  return Buffer.from(`{"PID": 1000, "tmStartProfiling": "2026-12-02 @ 04:16:51 UTC", "tmCurrentSnapshot": "2026-12-02 @ 04:16:52 UTC",\n${threads},\n"nBytesAllocBeforeInit": 1, "nBytesMallocTagSelfUsage": 1, "vmSizeNowBytes": 1, "vmRSSNowBytes": 1, "nTotalNetTrackedBytes": 1}`);
}

function snapshotFixtures(): { name: string; bytes: Buffer }[] {
  const dir = join(FIXTURES_DIR, 'malloctag');
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json') && !name.endsWith('.ref.json'))
    .map((name) => ({ name, bytes: readFileSync(join(dir, name)) }));
}

/** A fixture snapshot cut, with bytes flipped, with a piece of another spliced in, or gzip'd after one of those. */
function mutatedSnapshot(rng: Random, fixtures: readonly { name: string; bytes: Buffer }[]): Case {
  const { name, bytes } = rng.pick(fixtures);
  let out = Buffer.from(bytes);
  const how = rng.pick(['cut', 'flip', 'splice', 'digits'] as const);
  if (how === 'cut') out = out.subarray(0, rng.int(1, out.length - 1));
  if (how === 'flip') for (let i = rng.int(1, 8); i > 0; i--) out[rng.int(0, out.length - 1)] = rng.int(0, 255);
  if (how === 'splice') {
    const other = rng.pick(fixtures).bytes;
    const from = rng.int(0, other.length - 1);
    out = Buffer.concat([out.subarray(0, rng.int(0, out.length)), other.subarray(from, from + rng.int(1, 2000)), out.subarray(rng.int(0, out.length))]);
  }
  if (how === 'digits') out = Buffer.from(out.toString('latin1').replace(/\d+/g, (d) => (rng.chance(0.1) ? rng.pick(['-1', '1e308', '18446744073709551615', '"x"', 'null', '{}']) : d)), 'latin1');
  const gzipped = rng.chance(0.3);
  return { name: `${name} ${how}${gzipped ? ' gzip' : ''}`, bytes: gzipped ? gzipSync(out) : out, expect: null };
}

function hostileCases(): Case[] {
  const hundredMb = Buffer.alloc(100 << 20, 0x61);
  Buffer.from('{"PID": 1, "x": "').copy(hundredMb);
  hundredMb.write('"}', hundredMb.length - 2);
  const bomb = Buffer.alloc(256 << 20, 0x20);
  Buffer.from('{"PID": 1, "x": ').copy(bomb);
  return [
    { name: '100 MB JSON', bytes: hundredMb, expect: '413 MTAG_TOO_LARGE' },
    { name: 'gzip bomb: 256 MiB of JSON in a MB', bytes: gzipSync(bomb), expect: '413 MTAG_TOO_LARGE' },
    { name: '100,000-deep arrays', bytes: Buffer.from('['.repeat(100_000) + ']'.repeat(100_000)), expect: '422 MTAG_TOO_COMPLEX' },
    { name: '100,000-deep objects, gzip', bytes: gzipSync('{"a":'.repeat(100_000) + '1' + '}'.repeat(100_000)), expect: '422 MTAG_TOO_COMPLEX' },
    { name: '100,000-deep, never closed', bytes: Buffer.from('{"PID": 1, "tree_for_TID1": ' + '{"scope_a": '.repeat(100_000)), expect: '422 MTAG_TOO_COMPLEX' },
    { name: 'a million empty objects', bytes: Buffer.from(`[${'{},'.repeat(1_000_000)}{}]`), expect: '422 MTAG_TOO_COMPLEX' },
    { name: 'a 3 MB string of escaped quotes', bytes: Buffer.from(`{"PID": 1, "s": "${'\\"'.repeat(3 << 19)}"}`), expect: '422 MTAG_NOT_MALLOC_TAG' },
    { name: 'not malloc-tag (package.json)', bytes: Buffer.from('{"name": "x", "version": "1.0.0"}'), expect: '422 MTAG_NOT_MALLOC_TAG' },
    { name: 'truncated_stats.json', bytes: readFileSync(join(FIXTURES_DIR, 'malloctag/truncated_stats.json')), expect: '422 MTAG_BAD_JSON' },
  ];
}

const HOSTILE_CASES = 9;
/** The server's default MEMPLOT_MAX_SNAPSHOT_BYTES. */
const DEFAULT_SNAPSHOT_LIMIT = 4 << 20;

function upload(server: Server, bytes: Buffer, n: number): Promise<Answer> {
  return request(`${server.base}/profiles`, { method: 'POST', body: bytes, headers: { 'content-type': 'application/octet-stream', 'x-forwarded-for': clientAddress(n) }, timeoutMs: 60_000 });
}

export async function snapshotUploads(ctx: ProbeContext): Promise<ProbeResult> {
  const mutations = ctx.quick ? 100 : 2000;
  const result = newResult(
    'snapshot-uploads',
    'hostile malloc-tag snapshot uploads',
    `Seed ${ctx.seed}; one at a time to \`POST /profiles\` (raw body): ${HOSTILE_CASES} named hostile JSON inputs (100 MB, a 256 MiB gzip bomb, 100,000-deep nestings, a million objects…), the largest snapshot accepted (just under the default MEMPLOT_MAX_SNAPSHOT_BYTES, 4 MiB: about 12,000 scopes) three times, and ${mutations} fixture snapshots cut, flipped, spliced or with numbers replaced; \`/healthz\` every 50 ms throughout; RSS every 100 ms`,
  );
  const started = Date.now();
  const server = await startServer({ logFile: ctx.logFile('snapshot-uploads'), env: { MEMPLOT_UPLOAD_RATE_LIMIT: '0' } });
  const rss = sampleRss(server.pid);
  const rng = new Random(ctx.seed);
  const fixtures = snapshotFixtures();
  const named = new Tally();
  const mutated = new Tally();
  const largest = new Tally();
  const largestMs: number[] = [];
  const wrong: string[] = [];
  let failures = 0;
  let n = 0;
  let lastBig: Answer | null = null;
  // Every input is made before /healthz is polled: making them (gzip of 256 MiB) would stall this process's own timer.
  const cases = hostileCases();
  const big = largeSnapshot(DEFAULT_SNAPSHOT_LIMIT - 4096);
  const bigOnes = [0, 1, 2].map((i) => Buffer.from(big.toString('latin1').replace('"PID": 1000', `"PID": ${1000 + i}`), 'latin1'));
  const mutatedCases = Array.from({ length: mutations }, () => mutatedSnapshot(rng, fixtures));
  try {
    const poll = () => every(50, () => request(`${server.base}/healthz`, { timeoutMs: 30_000 }));
    const phases: Array<{ label: string; ms: number[]; tally: Tally }> = [];
    let health = poll();
    const endPhase = async (label: string) => {
      phases.push({ label, ...(await health.stop()) });
      health = poll();
    };
    for (const c of cases) {
      const answer = await upload(server, c.bytes, n++);
      const label = statusLabel(answer);
      named.add(label);
      if (label !== c.expect) wrong.push(`${c.name}: ${label} (expected ${c.expect})`);
      await endPhase(`\`/healthz\` during ${c.name}`);
    }
    for (const bytes of bigOnes) {
      // Distinct bytes each time (a new PID), so each is read, not found in the cache.
      const answer = await upload(server, bytes, n++);
      lastBig = answer;
      largest.add(statusLabel(answer));
      largestMs.push(answer.ms);
    }
    await endPhase('`/healthz` during the largest snapshots');
    // Its charts: each kind, drawn in a render worker (bounded by the picture, not the 65,000 scopes).
    const renders = new Tally();
    const renderMs: number[] = [];
    const bigId = lastBig ? storedId(lastBig) : null;
    for (const kind of ['icicle', 'bars', 'timeline']) {
      if (!bigId) break;
      const answer = await request(`${server.base}/profiles/${bigId}/plot.png?kind=${kind}&threads=merge`, { timeoutMs: 60_000 });
      renders.add(statusLabel(answer));
      renderMs.push(answer.ms);
    }
    result.rows.push({ label: 'charts of the largest snapshot (icicle, bars, timeline; PNG)', tally: renders, latency: summarise(renderMs) });
    result.targets.push(target('charts of the largest snapshot', '200', renders.text(), renders.total === 3 && [...renders.counts.keys()].every((k) => k === '200')));
    await endPhase('`/healthz` during the charts of the largest snapshot');
    for (const c of mutatedCases) {
      const answer = await upload(server, c.bytes, n++);
      const label = statusLabel(answer);
      mutated.add(label);
      if (answer.status === 0 || (answer.status >= 500 && answer.status !== 503)) {
        failures++;
        wrong.push(`${c.name}: ${label}`);
      }
    }
    await endPhase('`/healthz` during the mutated snapshots');
    await health.stop();
    const h = { ms: phases.flatMap((p) => p.ms), tally: new Tally() };
    for (const p of phases) for (const [k, v] of p.tally.counts) for (let i = 0; i < v; i++) h.tally.add(k);
    result.rows.push({ label: 'named hostile inputs', tally: named });
    result.rows.push({ label: `largest accepted snapshot (${(big.length / 2 ** 20).toFixed(1)} MiB)`, tally: largest, latency: summarise(largestMs) });
    result.rows.push({ label: 'mutated fixture snapshots', tally: mutated });
    for (const p of phases) result.rows.push({ label: p.label, tally: p.tally, latency: summarise(p.ms) });
    const hs = summarise(h.ms);
    result.targets.push(target('named hostile inputs refused with their code', 'all', wrong.filter((w) => w.includes('expected')).join('; ') || 'all', !wrong.some((w) => w.includes('expected'))));
    result.targets.push(target('largest accepted snapshot stored', '201', largest.text(), [...largest.counts.keys()].every((k) => k === '201')));
    result.targets.push(target('mutated snapshots: 5xx other than 503, or no answer', '0', String(failures), failures === 0));
    result.targets.push(target('/healthz during the uploads', '≤ 250 ms, 200', `max ${hs.maxMs.toFixed(0)} ms, p99 ${hs.p99Ms.toFixed(0)} ms; ${h.tally.text()}`, hs.maxMs <= 250 && [...h.tally.counts.keys()].every((k) => k === '200')));
    result.notes.push(
      'Reading a snapshot near the limit blocks the event loop in three pieces: JSON.parse (~130 ms unloaded), the tree into memplot\'s shape and its stats (a turn between threads), and the summary\'s JSON.stringify (its gzip runs on the thread pool). The mutated snapshots (5 KB each) show the machine\'s own noise floor.',
    );
    result.lost = wrong.length === 0 ? 'nothing' : wrong.slice(0, 10).join('; ');
  } finally {
    recordRssTarget(result, rss.stop(), rss.killedAtMb());
    await server.discard();
  }
  result.seconds = (Date.now() - started) / 1000;
  return result;
}
