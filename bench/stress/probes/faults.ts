/**
 * Faults around the server: the cache disk full, Redis gone and back, and the server killed with
 * SIGKILL in the middle of writes, then restarted on the same cache.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { freePort } from '../../http.js';
import { request, sleep, startServer, statusLabel, storedId, summarise, Tally, uploadBytes, type Server } from '../harness.js';
import { distinctValidInput, loadFixtures, Random } from '../inputs.js';
import { newResult, target, type ProbeResult, type Target } from '../result.js';
import type { ProbeContext } from '../probe.js';

const only = (tally: Tally, allowed: RegExp) => tally.total > 0 && [...tally.counts.keys()].every((k) => allowed.test(k));

/** Writes zeros into `file` until the filesystem is full or `maxBytes` are written; the bytes written. */
function fillDisk(file: string, maxBytes = Number.POSITIVE_INFINITY): number {
  const fd = openSync(file, 'w');
  const chunk = Buffer.alloc(64 * 1024);
  let written = 0;
  try {
    while (written < maxBytes) written += writeSync(fd, chunk);
  } catch {
    // ENOSPC: full
  } finally {
    closeSync(fd);
  }
  return written;
}

/**
 * After a fault is repaired: /healthz polled until 200 (within `withinMs`), then a new upload;
 * the target "recovery without restart" from both.
 */
async function recovery(server: Server, withinMs: number, input: Buffer, what: string): Promise<Target> {
  const from = Date.now();
  let recoveredAfterMs = -1;
  while (Date.now() - from < withinMs) {
    const answer = await request(`${server.base}/healthz`, { timeoutMs: 5000 });
    if (answer.status === 200) {
      recoveredAfterMs = Date.now() - from;
      break;
    }
    await sleep(200);
  }
  const after = await uploadBytes(server, input);
  return target(
    what,
    '/healthz 200, upload 2xx',
    `/healthz ${recoveredAfterMs >= 0 ? `200 after ${recoveredAfterMs} ms` : `not 200 within ${withinMs / 1000} s`}, upload ${statusLabel(after)}`,
    recoveredAfterMs >= 0 && (after.status === 200 || after.status === 201),
  );
}

export async function fullDisk(ctx: ProbeContext): Promise<ProbeResult> {
  const result = newResult(
    'full-disk',
    'the cache on a full 8 MiB tmpfs',
    'Filesystem cache on `mount -t tmpfs -o size=8m` (MEMPLOT_CACHE_MAX_BYTES=1GiB, so eviction does not make room): 6.5 MiB taken by a file, then uploads and renders of new inputs until one fails, then what is left filled by a second file; uploads and /healthz on the full disk; both files removed; /healthz and an upload again, same server',
  );
  const started = Date.now();
  const dir = mkdtempSync(join(tmpdir(), 'memplot-stress-tmpfs-'));
  const mount = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=8m', 'tmpfs', dir], { encoding: 'utf8' });
  if (mount.status !== 0) {
    result.skipped = `mount -t tmpfs failed (${(mount.stderr || mount.error?.message || '').trim()}): run as root to measure a full disk`;
    console.error(`stress: full-disk SKIPPED: ${result.skipped}`);
    rmSync(dir, { recursive: true, force: true });
    return result;
  }
  const rng = new Random(ctx.seed + 3);
  const fixtures = loadFixtures();
  let server: Server | null = null;
  try {
    const cacheDir = join(dir, 'cache');
    server = await startServer({ cacheDir, env: { MEMPLOT_CACHE_MAX_BYTES: '1GiB' }, logFile: ctx.logFile('full-disk') });
    const s = server;
    const fillers = [join(dir, 'filler-1'), join(dir, 'filler-2')];
    fillDisk(fillers[0], 6.5 * 1024 * 1024);
    const filling = new Tally();
    for (let i = 0; i < 80; i++) {
      const stored = await uploadBytes(s, distinctValidInput(rng, fixtures, i));
      filling.add(`upload ${statusLabel(stored)}`);
      const id = storedId(stored);
      if (!id) break;
      const png = await request(`${s.base}/profiles/${id}/plot.png?width=1600&height=1200`, { timeoutMs: 30_000 });
      filling.add(`render ${statusLabel(png)}`);
      if (png.status !== 200) break;
    }
    result.rows.push({ label: 'filling the disk: new uploads and renders until one fails (80 at most)', tally: filling });
    result.notes.push(`Second filler file: ${(fillDisk(fillers[1]) / 1024).toFixed(0)} KiB written until ENOSPC.`);
    const full = new Tally();
    const fullMs: number[] = [];
    for (let i = 0; i < 4; i++) {
      const stored = await uploadBytes(s, distinctValidInput(rng, fixtures, 1000 + i));
      full.add(`upload ${statusLabel(stored)}`);
      fullMs.push(stored.ms);
    }
    const health = await request(`${s.base}/healthz`, { timeoutMs: 5000 });
    full.add(`/healthz ${statusLabel(health)}`);
    result.rows.push({ label: 'on the full disk', tally: full, latency: summarise(fullMs) });
    const uploadsRefused = [...full.counts.keys()].filter((k) => k.startsWith('upload')).every((k) => k.startsWith('upload 503'));
    result.targets.push(target('uploads on the full disk', '503 (never 500)', full.text(), uploadsRefused));
    result.targets.push(target('/healthz on the full disk', '503', statusLabel(health), health.status === 503));

    for (const file of fillers) rmSync(file);
    result.targets.push(await recovery(s, 15_000, distinctValidInput(rng, fixtures, 2000), 'recovery after space is freed (no restart)'));
    const errors = [...filling.counts.entries(), ...full.counts.entries()].filter(([k]) => / 5\d\d/.test(k) && !/ 503/.test(k));
    if (errors.length > 0) result.lost = `no stored data, but ${errors.map(([k, v]) => `${k} × ${v}`).join(', ')}: a server fault's answer to a full disk`;
  } finally {
    await server?.stop();
    spawnSync('umount', [dir]);
    rmSync(dir, { recursive: true, force: true });
  }
  result.seconds = (Date.now() - started) / 1000;
  return result;
}

async function startRedis(port: number): Promise<ChildProcess> {
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  for (let i = 0; i < 50; i++) {
    const up = await new Promise<boolean>((ok) => {
      const socket = createConnection(port, '127.0.0.1', () => {
        socket.destroy();
        ok(true);
      });
      socket.on('error', () => ok(false));
    });
    if (up) return child;
    await sleep(100);
  }
  child.kill('SIGKILL');
  throw new Error(`redis-server did not listen on ${port}`);
}

function stopRedis(child: ChildProcess): Promise<void> {
  return new Promise((ok) => {
    if (child.exitCode !== null || child.signalCode !== null) return ok();
    child.once('exit', () => ok());
    child.kill('SIGKILL');
  });
}

export async function redisOutage(ctx: ProbeContext): Promise<ProbeResult> {
  const outageS = 10;
  const result = newResult(
    'redis-outage',
    'Redis stopped and restarted',
    `A redis-server of the probe's own (no persistence) behind MEMPLOT_REDIS_URL; an upload and a render; Redis killed; for ${outageS} s every 250 ms one of /healthz, GET of the stored id, a new render, a new upload (client time-out 10 s); Redis restarted on the same port (empty); /healthz polled until 200; an upload again`,
  );
  const started = Date.now();
  if (spawnSync('sh', ['-c', 'command -v redis-server']).status !== 0) {
    result.skipped = 'redis-server is not installed (apt-get install redis-server)';
    console.error(`stress: redis-outage SKIPPED: ${result.skipped}`);
    return result;
  }
  const port = await freePort();
  let redis = await startRedis(port);
  let server: Server | null = null;
  try {
    server = await startServer({ env: { MEMPLOT_REDIS_URL: `redis://127.0.0.1:${port}` }, logFile: ctx.logFile('redis-outage') });
    const s = server;
    const rng = new Random(ctx.seed + 4);
    const fixtures = loadFixtures();
    const id = storedId(await uploadBytes(s, distinctValidInput(rng, fixtures, 0)));
    if (!id) throw new Error('the first upload to the Redis-backed server failed');
    await request(`${s.base}/profiles/${id}/plot.png`);
    await stopRedis(redis);
    const kinds = ['/healthz', 'GET /profiles/:id', 'new render', 'new upload'] as const;
    const tallies = new Map(kinds.map((k) => [k, { tally: new Tally(), ms: [] as number[] }]));
    const outageEnd = Date.now() + outageS * 1000;
    for (let i = 0; Date.now() < outageEnd; i++) {
      const kind = kinds[i % kinds.length];
      const answer =
        kind === '/healthz'
          ? await request(`${s.base}/healthz`, { timeoutMs: 10_000 })
          : kind === 'GET /profiles/:id'
            ? await request(`${s.base}/profiles/${id}`, { timeoutMs: 10_000 })
            : kind === 'new render'
              ? await request(`${s.base}/profiles/${id}/plot.png?title=outage-${i}`, { timeoutMs: 10_000 })
              : await uploadBytes(s, distinctValidInput(rng, fixtures, i + 1));
      tallies.get(kind)!.tally.add(statusLabel(answer));
      tallies.get(kind)!.ms.push(answer.ms);
      await sleep(250);
    }
    let slowest = 0;
    let all500Free = true;
    for (const [kind, { tally, ms }] of tallies) {
      result.rows.push({ label: `during the outage: ${kind}`, tally, latency: summarise(ms) });
      slowest = Math.max(slowest, ...ms);
      if (!only(tally, /^(200|503)/)) all500Free = false;
    }
    result.targets.push(target('answers during the outage', '≤ 1 s', `slowest ${slowest.toFixed(0)} ms`, slowest <= 1000));
    result.targets.push(target('statuses during the outage', '503 (200 from the memory tier)', [...tallies.values()].map((v) => v.tally.text()).join('; '), all500Free));
    const h = tallies.get('/healthz')!.tally;
    result.targets.push(target('/healthz during the outage', '503', h.text(), only(h, /^503/)));

    redis = await startRedis(port);
    result.targets.push(await recovery(s, 30_000, distinctValidInput(rng, fixtures, 9999), 'recovery without restart'));
  } finally {
    await server?.stop();
    await stopRedis(redis);
    if (server) rmSync(server.cacheDir, { recursive: true, force: true });
  }
  result.seconds = (Date.now() - started) / 1000;
  return result;
}

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

export async function kill9(ctx: ProbeContext): Promise<ProbeResult> {
  const rounds = ctx.quick ? 1 : 3;
  const result = newResult(
    'kill-9',
    'kill -9 during writes, restart on the same cache',
    `${rounds} rounds: 4 clients upload new inputs and request renders (SVG and PNG, random small sizes) until the server is killed with SIGKILL 1.5–4 s in; restarted on the same cache folder; every id sent is then read back (stats, and the SVG and PNG requested) and compared with a server on a fresh cache given the same bytes`,
  );
  const started = Date.now();
  const rng = new Random(ctx.seed + 5);
  const fixtures = loadFixtures();
  const cacheDir = mkdtempSync(join(tmpdir(), 'memplot-stress-kill9-'));
  // Durability, not the per-client limits: every request here comes from one address.
  const unlimited = { MEMPLOT_UPLOAD_RATE_LIMIT: '0', MEMPLOT_RENDER_RATE_LIMIT: '0' };
  const reference = await startServer({ logFile: ctx.logFile('kill-9-reference'), env: unlimited });
  const checks = new Tally();
  const killed = new Tally();
  let serial = 0;
  let corrupt = 0;
  try {
    for (let round = 0; round < rounds; round++) {
      const server = await startServer({ cacheDir, logFile: ctx.logFile('kill-9'), env: unlimited });
      const sent: { bytes: Buffer; renders: string[] }[] = [];
      let alive = true;
      const clients = Array.from({ length: 4 }, async () => {
        while (alive) {
          const bytes = distinctValidInput(rng, fixtures, serial++);
          const entry = { bytes, renders: [] as string[] };
          sent.push(entry);
          const stored = await uploadBytes(server, bytes, 30_000);
          killed.add(`upload ${statusLabel(stored)}`);
          const id = storedId(stored);
          if (!id) continue;
          for (const format of ['svg', 'png']) {
            const path = `/profiles/${id}/plot.${format}?width=${rng.int(200, 900)}&height=${rng.int(150, 700)}`;
            entry.renders.push(path);
            killed.add(`render ${statusLabel(await request(`${server.base}${path}`, { timeoutMs: 30_000 }))}`);
          }
        }
      });
      await sleep(rng.int(1500, 4000));
      await server.kill9();
      alive = false;
      await Promise.all(clients);

      const restarted = await startServer({ cacheDir, logFile: ctx.logFile('kill-9'), env: unlimited });
      try {
        for (const { bytes, renders } of sent) {
          const id = sha256(bytes);
          const stats = await request(`${restarted.base}/profiles/${id}`, { timeoutMs: 30_000 });
          if (stats.status === 404) {
            checks.add('id absent (404)');
            continue;
          }
          const ref = await uploadBytes(reference, bytes, 30_000);
          const same = stats.status === 200 && JSON.stringify(JSON.parse(stats.body.toString()).stats) === JSON.stringify(JSON.parse(ref.body.toString()).stats);
          checks.add(same ? 'id present, stats correct' : `id answered ${statusLabel(stats)}${stats.status === 200 ? ', stats WRONG' : ''}`);
          if (!same) corrupt++;
          for (const path of renders) {
            const [mine, theirs] = await Promise.all([request(`${restarted.base}${path}`, { timeoutMs: 30_000 }), request(`${reference.base}${path}`, { timeoutMs: 30_000 })]);
            const equal = mine.status === 200 && theirs.status === 200 && Buffer.compare(mine.body, theirs.body) === 0;
            const outcome = equal
              ? `render correct (${path.includes('.svg') ? 'SVG' : 'PNG'})`
              : theirs.status !== 200
                ? `reference server answered ${statusLabel(theirs)}`
                : `render ${statusLabel(mine)} ${mine.status === 200 ? 'DIFFERS' : ''}`.trim();
            checks.add(outcome);
            if (!equal) corrupt++;
          }
        }
      } finally {
        await restarted.stop();
      }
    }
  } finally {
    await reference.discard();
    rmSync(cacheDir, { recursive: true, force: true });
  }
  result.rows.push({ label: 'before the kill (requests cut by it answer "fetch failed" or a reset)', tally: killed });
  result.rows.push({ label: 'after the restart, per id and render sent', tally: checks });
  result.targets.push(target('ids and renders after restart', 'correct or absent', `${corrupt} wrong or failing of ${checks.total}`, corrupt === 0));
  result.lost = corrupt === 0 ? 'nothing but what was being written when the server died (absent, as expected)' : `${corrupt} wrong or failing answers`;
  result.seconds = (Date.now() - started) / 1000;
  return result;
}
