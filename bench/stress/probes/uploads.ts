/**
 * Uploads that hurt: six concurrent 168 MB corpus files, slow clients sending a byte a second,
 * and clients that disconnect in the middle of the body.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, closeSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { join } from 'node:path';
import { clientAddress, every, request, ROOT, sampleRss, sleep, startServer, statusLabel, summarise, Tally, type Server } from '../harness.js';
import { FIXTURES_DIR } from '../inputs.js';
import { newResult, recordRss, recordRssTarget, target, type ProbeResult } from '../result.js';
import type { ProbeContext } from '../probe.js';

/** bench/corpus/medium.mem, recorded with ../shared/corpus/make-corpus.sh when missing (as `npm run bench` does). */
export function mediumCorpusFile(): string {
  const corpus = join(ROOT, 'bench/corpus');
  const file = join(corpus, 'medium.mem');
  if (!existsSync(file)) {
    mkdirSync(corpus, { recursive: true });
    console.error('stress: recording bench/corpus/medium.mem with ../shared/corpus/make-corpus.sh …');
    const made = spawnSync('bash', [join(ROOT, '../shared/corpus/make-corpus.sh'), corpus, 'medium'], { stdio: 'inherit' });
    if (made.status !== 0 || !existsSync(file)) throw new Error('make-corpus.sh medium failed');
  }
  return file;
}

/** `curl -T FILE -X POST` (streams the file; --data-binary would hold it in memory), time-out `maxSeconds`. */
function curlUpload(url: string, file: string, maxSeconds: number, client: string): Promise<{ status: number; ms: number; error?: string }> {
  return new Promise((ok) => {
    const started = performance.now();
    const child = spawn('curl', ['-sS', '-o', '/dev/null', '-w', '%{http_code}', '--max-time', String(maxSeconds), '-H', 'Expect:', '-H', `x-forwarded-for: ${client}`, '-H', 'content-type: application/octet-stream', '-X', 'POST', '-T', file, url]);
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('close', (code) => ok({ status: Number(out) || 0, ms: performance.now() - started, ...(code === 0 ? {} : { error: err.trim() || `curl exit ${code}` }) }));
  });
}

export async function bigUploads(ctx: ProbeContext): Promise<ProbeResult> {
  const file = mediumCorpusFile();
  const result = newResult('big-uploads', '6 concurrent uploads of the 168 MB corpus file', `\`curl -T bench/corpus/medium.mem -X POST /profiles\` × 6 at once from 6 client addresses (time-out 300 s each), while \`/healthz\` is requested every 50 ms; RSS every 100 ms`);
  const started = Date.now();
  const server = await startServer({ logFile: ctx.logFile('big-uploads') });
  const rss = sampleRss(server.pid);
  const uploads = new Tally();
  const uploadMs: number[] = [];
  try {
    const health = every(50, () => request(`${server.base}/healthz`, { timeoutMs: 30_000 }));
    await Promise.all(
      Array.from({ length: 6 }, async (_, n) => {
        const answer = await curlUpload(`${server.base}/profiles`, file, 300, clientAddress(n));
        uploads.add(answer.status === 0 ? (answer.error ?? 'no answer') : String(answer.status));
        uploadMs.push(answer.ms);
      }),
    );
    const h = await health.stop();
    result.rows.push({ label: 'uploads of medium.mem', tally: uploads, latency: summarise(uploadMs) });
    result.rows.push({ label: '`/healthz` every 50 ms', tally: h.tally, latency: summarise(h.ms) });
    const hs = summarise(h.ms);
    result.targets.push(target('/healthz during the uploads', '≤ 100 ms, 200', `max ${hs.maxMs.toFixed(0)} ms, p99 ${hs.p99Ms.toFixed(0)} ms; ${h.tally.text()}`, hs.maxMs <= 100 && [...h.tally.counts.keys()].every((k) => k === '200')));
    const answered = [...uploads.counts.keys()].every((k) => /^(200|201|503)$/.test(k));
    result.targets.push(target('every upload answered', '2xx, or 503 past the upload limit', uploads.text(), answered));
    result.lost = answered ? 'nothing' : `uploads without a proper answer: ${uploads.text()}`;
  } finally {
    recordRssTarget(result, rss.stop(), rss.killedAtMb());
    await server.discard();
  }
  result.seconds = (Date.now() - started) / 1000;
  return result;
}

/** A raw HTTP/1.1 upload whose headers promise `length` bytes; what the server answered, if anything. */
function rawUpload(server: Server, length: number, contentType = 'application/octet-stream', client = clientAddress(0)): { socket: Socket; answer: Promise<string> } {
  const socket = connect(server.port, '127.0.0.1');
  socket.setNoDelay(true);
  socket.write(`POST /profiles HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nContent-Type: ${contentType}\r\nContent-Length: ${length}\r\nX-Forwarded-For: ${client}\r\n\r\n`);
  const answer = new Promise<string>((ok) => {
    let head = '';
    socket.on('data', (d) => (head += d.toString('latin1')));
    socket.on('error', (e) => (head ||= `error ${(e as NodeJS.ErrnoException).code ?? e.message}`));
    socket.on('close', () => ok(/^HTTP\/1\.1 (\d+)/.exec(head)?.[1] ?? (head.startsWith('error') ? head : 'closed without an answer')));
  });
  return { socket, answer };
}

export async function slowClients(ctx: ProbeContext): Promise<ProbeResult> {
  const clients = 6;
  const seconds = ctx.quick ? 15 : 40;
  const result = newResult(
    'slow-clients',
    `${clients} clients sending 1 byte/s`,
    `${clients} raw uploads to \`POST /profiles\` (Content-Length 100000) each from its own client address, sending one byte a second for ${seconds} s; from the 3rd second a normal upload of javac.mem from another address every 3 s (time-out 30 s)`,
  );
  const started = Date.now();
  const server = await startServer({ logFile: ctx.logFile('slow-clients') });
  const javac = readFileSync(join(FIXTURES_DIR, 'javac.mem'));
  try {
    const slow = Array.from({ length: clients }, (_, n) => rawUpload(server, 100_000, 'application/octet-stream', clientAddress(n)));
    const drip = setInterval(() => {
      for (const s of slow) if (!s.socket.destroyed) s.socket.write(Buffer.from([0]));
    }, 1000);
    const normal = new Tally();
    const normalMs: number[] = [];
    await sleep(3000);
    while (Date.now() - started < seconds * 1000) {
      const answer = await request(`${server.base}/profiles`, { method: 'POST', body: javac, headers: { 'content-type': 'application/octet-stream', 'x-forwarded-for': clientAddress(clients) }, timeoutMs: 30_000 });
      normal.add(statusLabel(answer));
      normalMs.push(answer.ms);
      await sleep(3000);
    }
    clearInterval(drip);
    const stillOpen = slow.filter((s) => !s.socket.destroyed).length;
    for (const s of slow) s.socket.destroy();
    const slowTally = new Tally();
    for (const outcome of await Promise.all(slow.map((s) => s.answer))) slowTally.add(outcome);
    result.rows.push({ label: 'normal uploads meanwhile', tally: normal, latency: summarise(normalMs) });
    result.rows.push({ label: 'slow clients (outcome)', tally: slowTally });
    result.notes.push(`${stillOpen} of ${clients} slow clients were still connected after ${seconds} s (closed by the probe).`);
    const ns = summarise(normalMs);
    const notBlocked = ns.count > 0 && [...normal.counts.keys()].every((k) => k === '200' || k === '201');
    result.targets.push(target('a normal upload is not blocked', 'every one 2xx', `${normal.text()}; max ${ns.maxMs.toFixed(0)} ms`, notBlocked));
  } finally {
    await server.discard();
  }
  result.seconds = (Date.now() - started) / 1000;
  return result;
}

function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath ?? (e as unknown as { path: string }).path, e.name));
}

/** The first `bytes` bytes of a file. */
function head(file: string, bytes: number): Buffer {
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.alloc(bytes);
    const n = readSync(fd, buf, 0, bytes, 0);
    return buf.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

export async function abortedUploads(ctx: ProbeContext): Promise<ProbeResult> {
  const count = ctx.quick ? 10 : 40;
  const bodyBytes = 48 * 1024 * 1024;
  const result = newResult(
    'aborted-uploads',
    `${count} uploads aborted mid-body`,
    `${count} raw uploads of the first ${bodyBytes >> 20} MiB of medium.mem (half as multipart), 2 at a time, each disconnected after a random share (0–99 %) of the body; then the cache folder is listed and a normal upload is tried`,
  );
  const started = Date.now();
  const body = head(mediumCorpusFile(), bodyBytes);
  const server = await startServer({ logFile: ctx.logFile('aborted-uploads') });
  const rss = sampleRss(server.pid);
  const before = new Set(listFiles(server.cacheDir));
  const outcomes = new Tally();
  try {
    let next = 0;
    await Promise.all(
      Array.from({ length: 2 }, async () => {
        while (next < count) {
          const i = next++;
          const share = ((i * 7919) % 100) / 100; // spread over 0–99 %, reproducible
          const multipart = i % 2 === 1;
          const boundary = 'stressboundary';
          const prefix = multipart ? Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="m.mem"\r\nContent-Type: application/octet-stream\r\n\r\n`) : Buffer.alloc(0);
          const suffix = multipart ? Buffer.from(`\r\n--${boundary}--\r\n`) : Buffer.alloc(0);
          const total = prefix.length + body.length + suffix.length;
          const { socket, answer } = rawUpload(server, total, multipart ? `multipart/form-data; boundary=${boundary}` : 'application/octet-stream');
          const cut = Math.floor(total * share);
          const payload = Buffer.concat([prefix, body, suffix]).subarray(0, cut);
          await new Promise<void>((ok) => socket.write(payload, () => ok()));
          await sleep(50);
          socket.destroy();
          outcomes.add(await answer);
        }
      }),
    );
    await sleep(2000);
    const left = listFiles(server.cacheDir).filter((f) => !before.has(f));
    const health = await request(`${server.base}/healthz`, { timeoutMs: 5000 });
    const normal = await request(`${server.base}/profiles`, { method: 'POST', body: readFileSync(join(FIXTURES_DIR, 'javac.mem')), headers: { 'content-type': 'application/octet-stream' }, timeoutMs: 30_000 });
    result.rows.push({ label: 'aborted uploads (answer seen before the cut, if any)', tally: outcomes });
    result.targets.push(target('files left in the cache folder by aborted uploads', 'none', left.length === 0 ? 'none' : left.slice(0, 5).join(', '), left.length === 0));
    result.targets.push(target('server afterwards', '/healthz 200, an upload 2xx', `/healthz ${statusLabel(health)}, upload ${statusLabel(normal)}`, health.status === 200 && (normal.status === 200 || normal.status === 201)));
    result.lost = left.length === 0 ? 'nothing' : `${left.length} files left behind`;
  } finally {
    recordRss(result, rss.stop(), rss.killedAtMb());
    await server.discard();
  }
  result.seconds = (Date.now() - started) / 1000;
  return result;
}
