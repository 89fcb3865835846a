/**
 * Compare: the threshold parser fed mutated and random expressions in process (it must answer or
 * refuse with ThresholdError, in time bounded by the expression's length), then the compare routes
 * over HTTP: POST /compare with mutated pairs and broken multipart, GET /compare, summary.md and
 * badges with random thresholds, metrics and ids. Any 5xx but 503, any request without an answer,
 * any other exception from the parser is a failure, saved for replay.
 */
import { MAX_THRESHOLDS, parseThreshold, ThresholdError } from '../../../src/compare/thresholds.js';
import { METRIC_NAMES } from '../../../src/compare/metrics.js';
import { pool, request, saveFailure, sampleRss, startServer, statusLabel, summarise, Tally, type Answer } from '../harness.js';
import { loadFixtures, mutatedInput, Random } from '../inputs.js';
import { newResult, recordRssTarget, target, type ProbeResult } from '../result.js';
import type { ProbeContext } from '../probe.js';

const HTTP_TIMEOUT_MS = 60_000;
const VALID = ['peak.heap>+5%', 'final.heap>+1MiB', 'peak.total>=512MiB', 'meanHeap<-2.5%', 'entries>=+100', 'durationSeconds>2s', 'temporary<=0', '5%'];
const PIECES = ['>', '>=', '<', '<=', '=', '+', '-', '%', '.', 'e9', 'MiB', 'gb', 'KB', 'ms', ' ', '\t', '\u00a0', '１', 'é', '0', '9'.repeat(400), '∞', 'NaN', '\u0000', '%25', '&', '"'];

/** A threshold text: a valid one mutated (characters dropped, inserted, repeated), a random one, or a very long one. */
function thresholdText(rng: Random): string {
  const kind = rng.next();
  if (kind < 0.15) return rng.bytes(rng.int(0, 60)).toString('latin1');
  if (kind < 0.2) return rng.pick(VALID).repeat(rng.int(2, 2000));
  let text = rng.chance(0.8) ? rng.pick(VALID) : `${rng.pick(METRIC_NAMES)}${rng.pick(PIECES)}${rng.pick(PIECES)}`;
  for (let edits = rng.int(0, 4); edits > 0; edits--) {
    const at = rng.int(0, text.length);
    text = rng.chance(0.5) ? text.slice(0, at) + rng.pick(PIECES) + text.slice(at) : text.slice(0, at) + text.slice(at + rng.int(1, 3));
  }
  return text;
}

function isFailure(answer: Answer): boolean {
  return answer.status === 0 || (answer.status >= 500 && answer.status !== 503);
}

export async function compareProbe(ctx: ProbeContext): Promise<ProbeResult> {
  const parses = ctx.quick ? 50_000 : 500_000;
  const cases = ctx.quick ? 300 : 5000;
  const concurrency = 4;
  const budgetMs = (ctx.quick ? 90 : 360) * 1000;
  const result = newResult(
    'compare',
    `threshold parser and compare routes under ${parses.toLocaleString('en')} + ${cases.toLocaleString('en')} hostile inputs`,
    `Seed ${ctx.seed + 7}. In process: ${parses.toLocaleString('en')} threshold texts (valid ones mutated, random bytes, up to 30,000 characters). ` +
      `Over HTTP, ${concurrency} clients: 30 % \`POST /compare\` of two mutated fixtures (a part missing, doubled or misnamed one time in five), ` +
      `70 % GETs of a stored or unknown pair (\`/compare/:a/:b\`, \`summary.md\`, \`badge.svg\`) with 0 to ${MAX_THRESHOLDS + 8} random \`fail_on\` and a random \`metric\`; client time-out ${HTTP_TIMEOUT_MS / 1000} s`,
  );
  const started = Date.now();
  const rng = new Random(ctx.seed + 7);

  // The parser alone.
  const outcomes = new Tally();
  let parserFailures = 0;
  // The slowest texts, timed again (median of 21) so that a GC pause or a descheduled thread is not taken for the parser.
  let slowest: { ms: number; text: string; metric?: string }[] = [];
  for (let i = 0; i < parses && Date.now() - started < budgetMs / 3; i++) {
    const text = thresholdText(rng);
    const metric = rng.chance(0.2) ? rng.pick(METRIC_NAMES) : undefined;
    const t0 = performance.now();
    try {
      parseThreshold(text, metric);
      outcomes.add('read');
    } catch (error) {
      if (error instanceof ThresholdError) outcomes.add('refused (BAD_THRESHOLD)');
      else {
        parserFailures++;
        outcomes.add(`threw ${(error as Error).name}`);
        result.saved.push(saveFailure('compare-parser', i, Buffer.from(text), { metric, error: String(error) }));
      }
    }
    const ms = performance.now() - t0;
    if (slowest.length < 10 || ms > slowest[slowest.length - 1].ms) {
      slowest = [...slowest, { ms, text, metric }].sort((a, b) => b.ms - a.ms).slice(0, 10);
    }
  }
  const retimed = slowest.map(({ text, metric }) => {
    const times: number[] = [];
    for (let r = 0; r < 21; r++) {
      const t0 = performance.now();
      try {
        parseThreshold(text, metric);
      } catch {
        // refused: timed all the same
      }
      times.push(performance.now() - t0);
    }
    return { ms: times.sort((a, b) => a - b)[10], length: text.length };
  });
  const worst = retimed.reduce((a, b) => (b.ms > a.ms ? b : a), { ms: 0, length: 0 });
  result.rows.push({ label: 'threshold texts parsed in process', tally: outcomes });
  result.targets.push(target('parser: an answer or ThresholdError, nothing else', '0 other exceptions', String(parserFailures), parserFailures === 0));
  result.targets.push(target('parser: the 10 slowest texts timed again (median of 21)', '≤ 1 ms', `${worst.ms.toFixed(3)} ms (${worst.length.toLocaleString('en')} characters)`, worst.ms <= 1));

  // The routes.
  const fixtures = loadFixtures();
  const server = await startServer({
    logFile: ctx.logFile('compare'),
    env: { MEMPLOT_UPLOAD_RATE_LIMIT: '0', MEMPLOT_RENDER_RATE_LIMIT: '0', MEMPLOT_UPLOAD_CLIENT_CONCURRENCY: String(concurrency), MEMPLOT_UPLOAD_CONCURRENCY: String(concurrency) },
  });
  const rss = sampleRss(server.pid, 250);
  const uploads = new Tally();
  const reads = new Tally();
  const uploadMs: number[] = [];
  const readMs: number[] = [];
  const ids: string[] = [];
  let failures = 0;
  let requests = 0;
  const record = (kind: 'upload' | 'read', url: string, input: Buffer, answer: Answer) => {
    requests++;
    (kind === 'upload' ? uploads : reads).add(statusLabel(answer));
    (kind === 'upload' ? uploadMs : readMs).push(answer.ms);
    if (isFailure(answer)) {
      failures++;
      result.saved.push(saveFailure('compare-http', requests, input, { url, status: answer.status, error: answer.error, body: answer.body.subarray(0, 2000).toString('utf8') }));
    }
  };
  try {
    await pool(cases, concurrency, started + budgetMs, async () => {
      const caseRng = new Random(rng.int(0, 2 ** 32 - 1));
      if (ids.length < 2 || caseRng.chance(0.3)) {
        const base = mutatedInput(caseRng, fixtures).bytes;
        const head = mutatedInput(caseRng, fixtures).bytes;
        const form = new FormData();
        const names = caseRng.chance(0.8) ? ['base', 'head'] : caseRng.pick([['base'], ['head', 'head'], ['base', 'file'], ['file'], ['base', 'head', 'extra']]);
        names.forEach((name, i) => form.append(name, new Blob([i === 0 ? base : head]), `${name}.mem`));
        if (caseRng.chance(0.3)) form.append('fail_on', thresholdText(caseRng));
        const url = `${server.base}/compare`;
        const answer = await request(url, { method: 'POST', body: form, timeoutMs: HTTP_TIMEOUT_MS });
        record('upload', url, Buffer.concat([base, head]), answer);
        if (answer.status === 200 || answer.status === 201) {
          const body = JSON.parse(answer.body.toString('utf8')) as { base: { id: string }; head: { id: string } };
          ids.push(body.base.id, body.head.id);
        }
        return;
      }
      const id = () => (caseRng.chance(0.9) ? caseRng.pick(ids) : caseRng.chance(0.5) ? 'f'.repeat(64) : caseRng.bytes(8).toString('hex'));
      const query = new URLSearchParams();
      for (let n = caseRng.int(0, caseRng.chance(0.1) ? MAX_THRESHOLDS + 8 : 3); n > 0; n--) query.append('fail_on', thresholdText(caseRng));
      const route = caseRng.pick(['', '/summary.md', '/badge.svg']);
      if (route === '/badge.svg' && caseRng.chance(0.9)) query.set('metric', caseRng.chance(0.8) ? caseRng.pick(METRIC_NAMES) : thresholdText(caseRng));
      if (caseRng.chance(0.1)) query.set(caseRng.pick(['ticks_per_second', 'metric', 'theme', 'v']), caseRng.pick(['1e9', '0', '-1', 'x', '']));
      const url = `${server.base}/compare/${id()}/${id()}${route}?${query}`;
      record('read', url, Buffer.from(url), await request(url, { timeoutMs: HTTP_TIMEOUT_MS }));
    });
  } finally {
    recordRssTarget(result, rss.stop(), rss.killedAtMb());
    const healthy = await request(`${server.base}/healthz`, { timeoutMs: 5000 });
    result.notes.push(`/healthz after the probe: ${statusLabel(healthy)}.`);
    await server.discard();
  }
  result.rows.push({ label: 'POST /compare', tally: uploads, latency: summarise(uploadMs) });
  result.rows.push({ label: 'GET /compare/:a/:b[/summary.md|/badge.svg]', tally: reads, latency: summarise(readMs) });
  result.targets.push(target('5xx other than 503, or no answer', '0', String(failures), failures === 0));
  result.notes.push('GET latencies here are under concurrent uploads of mutated files on the same two cores; `npm run bench -- compare` measures GET /compare alone.');
  result.lost = failures + parserFailures === 0 ? 'nothing' : `${failures} requests and ${parserFailures} parses failed (saved)`;
  result.seconds = (Date.now() - started) / 1000;
  return result;
}
