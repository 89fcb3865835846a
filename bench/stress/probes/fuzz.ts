/**
 * Fuzz: mutated inputs over HTTP (uploads to /plot and /profiles, then renders of what was stored,
 * with random options) and through the CLI. Any 5xx other than 503, any request without an answer,
 * any CLI exit code outside 0–3, stack trace on stderr or time-out is a failure, saved for replay.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pool, request, ROOT, sampleRss, saveFailure, startServer, statusLabel, summarise, Tally, type Answer } from '../harness.js';
import { chartOptions, cliFlags, loadFixtures, mutatedInput, queryString, Random } from '../inputs.js';
import { newResult, recordRss, target, type ProbeResult } from '../result.js';
import type { ProbeContext } from '../probe.js';

const HTTP_TIMEOUT_MS = 60_000;
const CLI_TIMEOUT_MS = 30_000;

function isFailure(answer: Answer): boolean {
  return answer.status === 0 || (answer.status >= 500 && answer.status !== 503);
}

function uploadInit(rng: Random, bytes: Buffer, gzipped: boolean): RequestInit {
  if (rng.chance(0.2)) {
    const form = new FormData();
    form.set('file', new Blob([bytes]), 'input.mem');
    return { method: 'POST', body: form };
  }
  const headers: Record<string, string> = { 'content-type': rng.pick(['application/octet-stream', 'application/gzip', 'application/x-www-form-urlencoded']) };
  if (gzipped && rng.chance(0.3)) headers['content-encoding'] = 'gzip';
  return { method: 'POST', body: bytes, headers };
}

export async function fuzzHttp(ctx: ProbeContext): Promise<ProbeResult> {
  const count = ctx.quick ? 400 : 10_000;
  const concurrency = 6;
  const budgetMs = (ctx.quick ? 90 : 360) * 1000;
  const result = newResult(
    'fuzz-http',
    `${count.toLocaleString('en')} mutated inputs over HTTP`,
    `Seed ${ctx.seed}; ${concurrency} clients; each case is an upload of a mutated fixture (raw body, multipart or gzip): 20 % to \`POST /plot?…\` with random options, 40 % to \`POST /profiles\` alone, 40 % to \`POST /profiles\` then \`GET /profiles/:id/plot.:format?…\`; sizes mostly ≤ 480×360, 2 % anywhere up to 4096×4096 at scale 3; one query in ten has a malformed option; rate limits off and one upload slot per client (the limits have their own tests); client time-out ${HTTP_TIMEOUT_MS / 1000} s`,
  );
  const started = Date.now();
  const rng = new Random(ctx.seed);
  const fixtures = loadFixtures();
  // Input handling under fuzz, not the per-client limits (those have their own tests): all the fuzz's clients come from one address.
  const server = await startServer({
    logFile: ctx.logFile('fuzz-http'),
    env: { MEMPLOT_UPLOAD_RATE_LIMIT: '0', MEMPLOT_RENDER_RATE_LIMIT: '0', MEMPLOT_UPLOAD_CLIENT_CONCURRENCY: String(concurrency), MEMPLOT_UPLOAD_CONCURRENCY: String(concurrency), ...(process.env.STRESS_FUZZ_ENV ? JSON.parse(process.env.STRESS_FUZZ_ENV) : {}) },
  });
  const rss = sampleRss(server.pid, 250);
  const uploads = new Tally();
  const renders = new Tally();
  const uploadMs: number[] = [];
  const renderMs: number[] = [];
  let failures = 0;
  let requests = 0;
  const record = (label: 'upload' | 'render', input: Buffer, recipe: string, url: string, answer: Answer) => {
    requests++;
    (label === 'upload' ? uploads : renders).add(statusLabel(answer));
    (label === 'upload' ? uploadMs : renderMs).push(answer.ms);
    if (isFailure(answer)) {
      failures++;
      result.saved.push(
        saveFailure('fuzz-http', requests, input, { recipe, url, status: answer.status, error: answer.error, body: answer.body.subarray(0, 2000).toString('utf8') }),
      );
    }
  };
  try {
    // Each case sends one or two requests: `count` cases send at least `count` requests.
    await pool(count, concurrency, started + budgetMs, async () => {
      const caseRng = new Random(rng.int(0, 2 ** 32 - 1));
      const { bytes, recipe } = mutatedInput(caseRng, fixtures);
      const options = chartOptions(caseRng, 0.02);
      const query = queryString(caseRng, options);
      const gzipped = recipe.includes('gzip');
      const kind = caseRng.next();
      if (kind < 0.2) {
        const url = `${server.base}/plot?${query}`;
        record('upload', bytes, recipe, url, await request(url, { ...uploadInit(caseRng, bytes, gzipped), timeoutMs: HTTP_TIMEOUT_MS }));
        return;
      }
      const url = `${server.base}/profiles`;
      const stored = await request(url, { ...uploadInit(caseRng, bytes, gzipped), timeoutMs: HTTP_TIMEOUT_MS });
      record('upload', bytes, recipe, url, stored);
      if (kind < 0.6 || (stored.status !== 200 && stored.status !== 201)) return;
      const id = JSON.parse(stored.body.toString('utf8')).id as string;
      const plotUrl = `${server.base}/profiles/${id}/plot.${options.format}?${query}`;
      record('render', bytes, recipe, plotUrl, await request(plotUrl, { timeoutMs: HTTP_TIMEOUT_MS }));
    });
  } finally {
    recordRss(result, rss.stop(), rss.killedAtMb());
    const healthy = await request(`${server.base}/healthz`, { timeoutMs: 5000 });
    result.notes.push(`/healthz after the fuzz: ${statusLabel(healthy)}.`);
    await server.discard();
  }
  result.rows.push({ label: 'uploads (POST /plot, POST /profiles)', tally: uploads, latency: summarise(uploadMs) });
  result.rows.push({ label: 'renders of stored ids (GET …/plot.:format)', tally: renders, latency: summarise(renderMs) });
  result.targets.push(target('requests sent', `≥ ${count.toLocaleString('en')}`, requests.toLocaleString('en'), requests >= count));
  result.targets.push(target('5xx other than 503, or no answer', '0', String(failures), failures === 0));
  result.lost = failures === 0 ? 'nothing' : `${failures} requests failed (saved)`;
  result.seconds = (Date.now() - started) / 1000;
  return result;
}

interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
  ms: number;
  timedOut: boolean;
}

function runCli(args: string[], stdin: Buffer | null): Promise<CliRun> {
  return new Promise((ok) => {
    const started = performance.now();
    const child = spawn(process.execPath, [join(ROOT, 'bin/memplot.js'), ...args], { stdio: [stdin ? 'pipe' : 'ignore', 'pipe', 'pipe'] });
    let stderr = '';
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, CLI_TIMEOUT_MS);
    child.stdout!.resume();
    child.stderr!.on('data', (d) => (stderr += d));
    if (stdin) {
      child.stdin!.on('error', () => {}); // the CLI may exit before reading all of a bad input
      child.stdin!.end(stdin);
    }
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      ok({ code, signal, stderr, ms: performance.now() - started, timedOut });
    });
  });
}

const STACK_TRACE = /^\s+at .+[(:]\d+/m;

export async function fuzzCli(ctx: ProbeContext): Promise<ProbeResult> {
  const count = ctx.quick ? 60 : 1000;
  const concurrency = 3;
  const budgetMs = (ctx.quick ? 60 : 360) * 1000;
  const result = newResult(
    'fuzz-cli',
    `${count.toLocaleString('en')} mutated inputs through the CLI`,
    `Seed ${ctx.seed + 1}; \`node bin/memplot.js\`, ${concurrency} at a time: 25 % plots (random flags and output format, sizes up to 480×360: large sizes are the HTTP fuzz's), 37.5 % \`stats\`, 37.5 % \`print\`; one run in ten reads standard input; time-out ${CLI_TIMEOUT_MS / 1000} s`,
  );
  const started = Date.now();
  const rng = new Random(ctx.seed + 1);
  const fixtures = loadFixtures();
  const work = mkdtempSync(join(tmpdir(), 'memplot-stress-cli-'));
  const tally = new Tally();
  const times: number[] = [];
  let failures = 0;
  let runs = 0;
  try {
    await pool(count, concurrency, started + budgetMs, async (i) => {
      const caseRng = new Random(rng.int(0, 2 ** 32 - 1));
      const { bytes, recipe } = mutatedInput(caseRng, fixtures);
      const fromStdin = caseRng.chance(0.1);
      const input = join(work, `in-${i}.mem`);
      if (!fromStdin) writeFileSync(input, bytes);
      const source = fromStdin ? '-' : input;
      const kind = caseRng.next();
      let args: string[];
      if (kind < 0.25) {
        const options = chartOptions(caseRng, 0);
        const ext = options.format === 'jpeg' ? 'jpg' : options.format;
        args = [...cliFlags(options), source, join(work, `out-${i}.${ext}`)];
      } else {
        args = [kind < 0.625 ? 'stats' : 'print', source];
      }
      const run = await runCli(args, fromStdin ? bytes : null);
      runs++;
      times.push(run.ms);
      const label = run.timedOut ? 'time-out' : run.signal ? `signal ${run.signal}` : `exit ${run.code}`;
      tally.add(label);
      const crashed = run.timedOut || run.signal !== null || run.code === null || run.code > 3 || STACK_TRACE.test(run.stderr);
      if (crashed) {
        failures++;
        result.saved.push(saveFailure('fuzz-cli', i, bytes, { recipe, args, stdin: fromStdin, outcome: label, stderr: run.stderr.slice(0, 4000) }));
      }
      rmSync(input, { force: true });
      rmSync(join(work, `out-${i}.${args.at(-1)?.split('.').pop()}`), { force: true });
    });
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  result.rows.push({ label: 'CLI runs', tally, latency: summarise(times) });
  result.targets.push(target('runs', `≥ ${count.toLocaleString('en')}`, runs.toLocaleString('en'), runs >= count));
  result.targets.push(target('crashes (exit code not 0–3, signal, stack trace) or hangs', '0', String(failures), failures === 0));
  result.lost = failures === 0 ? 'nothing' : `${failures} runs crashed or hung (saved)`;
  result.seconds = (Date.now() - started) / 1000;
  return result;
}
