import t from 'tap';
import { parseBadge } from '../chart/badge-xml.js';
import { BASE_RUN, HEAD_RUN } from '../compare/recorded-runs.js';
import { runCapture } from '../cli/cli-io.js';
import { build, fixture, multipartBody } from '../helper.js';
import { FORMATS } from '../../src/render/formats.js';

/** A multipart body with one file part per entry and optional fields. */
function multipartFiles(files: Record<string, Buffer>, fields: Record<string, string> = {}) {
  const boundary = `----memplot${Math.random().toString(16).slice(2)}`;
  const parts = [
    ...Object.entries(fields).map(([name, value]) => Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`)),
    ...Object.entries(files).map(([name, bytes]) =>
      Buffer.concat([
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"; filename="${name}.mem"\r\nContent-Type: application/octet-stream\r\n\r\n`),
        bytes,
        Buffer.from('\r\n'),
      ]),
    ),
  ];
  return { payload: Buffer.concat([...parts, Buffer.from(`--${boundary}--\r\n`)]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

const both = () => multipartFiles({ base: BASE_RUN.bytes, head: HEAD_RUN.bytes });
const pair = `/compare/${BASE_RUN.id}/${HEAD_RUN.id}`;

t.test('GET /compare/:base/:head is exactly `memplot compare --format json`; fail_on evaluated; immutable, 304', async (t) => {
  const app = await build(t);
  for (const run of [BASE_RUN, HEAD_RUN]) t.equal((await app.inject({ method: 'POST', url: '/profiles', ...multipartBody(run.bytes) })).statusCode, 201);
  const cli = await runCapture(['compare', BASE_RUN.path, HEAD_RUN.path, '--format=json']);
  const res = await app.inject({ method: 'GET', url: pair });
  t.equal(res.statusCode, 200);
  t.same(res.json(), JSON.parse(cli.stdout.toString()));
  t.equal(res.headers['cache-control'], 'public, max-age=31536000, immutable');
  const etag = res.headers.etag as string;
  t.match(etag, /^"[0-9a-f]{64}"$/);
  t.equal((await app.inject({ method: 'GET', url: pair, headers: { 'if-none-match': etag } })).statusCode, 304);

  const broken = await app.inject({ method: 'GET', url: `${pair}?fail_on=${encodeURIComponent('peak.heap>+5%')}&fail_on=${encodeURIComponent('final.heap>+1MiB')}` });
  t.equal(broken.statusCode, 200);
  const verdict = broken.json().verdict;
  t.same(verdict.thresholds, ['peak.heap>+5%', 'final.heap>+1MiB']);
  t.equal(verdict.passed, false);
  t.same(verdict.failures.map((f: { metric: string }) => f.metric), ['peak.heap'], 'the failure names the metric');
  const cliBroken = await runCapture(['compare', BASE_RUN.path, HEAD_RUN.path, '--format=json', '--fail-on=peak.heap>+5%', '--fail-on=final.heap>+1MiB']);
  t.equal(cliBroken.code, 1);
  t.same(broken.json(), JSON.parse(cliBroken.stdout.toString()), 'the same verdict as the CLI');
  t.not(broken.headers.etag, etag, 'thresholds are part of the ETag');
  const kept = await app.inject({ method: 'GET', url: `${pair}?fail_on=${encodeURIComponent('peak.heap>+1000%')}` });
  t.same(kept.json().verdict, { thresholds: ['peak.heap>+1000%'], passed: true, failures: [] });
  const seconds = await app.inject({ method: 'GET', url: `${pair}?ticks_per_second=1e9` });
  t.equal(seconds.json().head.stats.durationSeconds, seconds.json().head.stats.duration / 1e9);
});

t.test('GET …/summary.md: the Markdown of the CLI with the server URL, table, verdict line, links', async (t) => {
  const app = await build(t, { config: { publicUrl: 'https://memplot.example.com' } });
  await app.inject({ method: 'POST', url: '/compare', ...both() });
  const res = await app.inject({ method: 'GET', url: `${pair}/summary.md?fail_on=${encodeURIComponent('peak.heap>+5%')}` });
  t.equal(res.statusCode, 200);
  t.equal(res.headers['content-type'], 'text/markdown; charset=utf-8');
  t.equal(res.headers['cache-control'], 'public, max-age=31536000, immutable');
  const cli = await runCapture(['compare', BASE_RUN.path, HEAD_RUN.path, '--format=markdown', '--url=https://memplot.example.com', '--fail-on=peak.heap>+5%']);
  t.equal(res.body, cli.stdout.toString());
  t.match(res.body, /^\| metric \| base \| head \| change \| change % \|$/m);
  t.match(res.body, /^\| `peak\.heap` \| 17\.9 MiB \| 167 MiB \| \+149 MiB \| \+830\.0 % \|$/m);
  t.match(res.body, /^\*\*❌ Failed:\*\* 1 of 1 threshold failed:$/m);
  t.match(res.body, `[base chart](https://memplot.example.com/profiles/${BASE_RUN.id}/plot.png)`);
  t.match(res.body, `![overlay of base and head](https://memplot.example.com${pair}/plot.png)`);
  t.comment(res.body);
});

t.test('POST /compare: both stored, the JSON of GET plus URLs; thresholds as query or field', async (t) => {
  const app = await build(t);
  const first = await app.inject({ method: 'POST', url: `/compare?fail_on=${encodeURIComponent('peak.heap>+5%')}`, ...both() });
  t.equal(first.statusCode, 201);
  t.equal(first.headers.location, pair);
  const body = first.json();
  t.equal(body.verdict.passed, false);
  t.equal(body.verdict.failures[0].metric, 'peak.heap');
  t.equal(body.urls.compare, `http://localhost:80${pair}`);
  t.equal(body.urls.summary, `http://localhost:80${pair}/summary.md`);
  t.equal(body.urls.overlay.png, `http://localhost:80${pair}/plot.png`);
  t.equal(body.urls.base.png, `http://localhost:80/profiles/${BASE_RUN.id}/plot.png`);
  const { urls, ...report } = body;
  t.ok(urls);
  const get = await app.inject({ method: 'GET', url: `${pair}?fail_on=${encodeURIComponent('peak.heap>+5%')}` });
  t.same(report, get.json(), 'the JSON of GET /compare');
  const again = await app.inject({ method: 'POST', url: '/compare', ...multipartFiles({ head: HEAD_RUN.bytes, base: BASE_RUN.bytes }, { fail_on: 'peak.heap>+1000%' }) });
  t.equal(again.statusCode, 200, 'both known: 200; parts in any order');
  t.same(again.json().verdict, { thresholds: ['peak.heap>+1000%'], passed: true, failures: [] });
  t.equal((await app.inject({ method: 'GET', url: `/profiles/${HEAD_RUN.id}` })).statusCode, 200, 'stored as by POST /profiles');
});

t.test('bad requests: 400 naming what was expected, 404 for unknown ids, 4xx for bad uploads; never a 500', async (t) => {
  const app = await build(t);
  await app.inject({ method: 'POST', url: '/compare', ...both() });
  const unknown = 'f'.repeat(64);
  const cases: [string, string, number, string, RegExp?][] = [
    ['GET', `/compare/${BASE_RUN.id}/${unknown}`, 404, 'PROFILE_NOT_FOUND', new RegExp(unknown)],
    ['GET', `/compare/${unknown}/${HEAD_RUN.id}/summary.md`, 404, 'PROFILE_NOT_FOUND'],
    ['GET', `${pair}?fail_on=peak.hep%3E1%25`, 400, 'BAD_THRESHOLD', /unknown metric "peak.hep": expected one of peak\.heap/],
    ['GET', `${pair}?fail_on=5%25`, 400, 'BAD_THRESHOLD', /names no metric/],
    ['GET', `${pair}?fail_on=${'x'.repeat(500)}`, 400, 'BAD_THRESHOLD'],
    ['GET', `${pair}?ticks_per_second=0`, 400, 'BAD_OPTION'],
    ['GET', `/compare/nothex/${HEAD_RUN.id}`, 400, 'FST_ERR_VALIDATION'],
    ['GET', `${pair}?failon=1`, 400, 'BAD_OPTION', /option failon: expected one of the parameters fail_on, ticks_per_second/],
    ['GET', `${pair}/summary.md?theme=dark`, 400, 'BAD_OPTION'],
    ['GET', `${pair}?v=2&_=17`, 200, ''],
  ];
  for (const [method, url, status, code, message] of cases) {
    const res = await app.inject({ method: method as 'GET', url });
    t.equal(res.statusCode, status, url.slice(0, 120));
    if (status === 200) continue;
    t.equal(res.json().error, code);
    if (message) t.match(res.json().message, message);
    t.ok(res.json().hint || status === 404 || code === 'FST_ERR_VALIDATION', 'a hint');
  }
  const missing = await app.inject({ method: 'POST', url: '/compare', ...multipartFiles({ base: BASE_RUN.bytes }) });
  t.equal(missing.statusCode, 400);
  t.equal(missing.json().error, 'MISSING_PARTS');
  t.match(missing.json().message, /no part named "head"/);
  const extra = await app.inject({ method: 'POST', url: '/compare', ...multipartFiles({ base: BASE_RUN.bytes, file: HEAD_RUN.bytes }) });
  t.equal(extra.statusCode, 400);
  t.equal(extra.json().error, 'UNEXPECTED_FILE');
  const third = await app.inject({ method: 'POST', url: '/compare', ...multipartFiles({ base: BASE_RUN.bytes, head: HEAD_RUN.bytes, extra: HEAD_RUN.bytes }) });
  t.equal(third.statusCode, 400, 'a third file part');
  t.equal(third.json().error, 'UNEXPECTED_FILE');
  const raw = await app.inject({ method: 'POST', url: '/compare', payload: BASE_RUN.bytes, headers: { 'content-type': 'application/octet-stream' } });
  t.equal(raw.statusCode, 415);
  const notMem = await app.inject({ method: 'POST', url: '/compare', ...multipartFiles({ base: BASE_RUN.bytes, head: Buffer.from('hello world, not a mem file at all: 48 bytes long.') }) });
  t.equal(notMem.statusCode, 422);
  const badThreshold = await app.inject({ method: 'POST', url: '/compare?fail_on=nope', ...both() });
  t.equal(badThreshold.statusCode, 400, 'a bad threshold before the upload is read');
  t.equal(badThreshold.json().error, 'BAD_THRESHOLD');
});

t.test('badges: XML whose text fits, red over the threshold, green under it, grey when equal; immutable', async (t) => {
  const app = await build(t);
  await app.inject({ method: 'POST', url: '/compare', ...both() });
  const profile = await app.inject({ method: 'GET', url: `/profiles/${HEAD_RUN.id}/badge.svg?metric=peak.heap` });
  t.equal(profile.statusCode, 200);
  t.equal(profile.headers['content-type'], FORMATS.svg.contentType);
  t.equal(profile.headers['cache-control'], 'public, max-age=31536000, immutable');
  t.equal(profile.headers['content-security-policy'], "default-src 'none'; style-src 'unsafe-inline'");
  t.equal(parseBadge(profile.body).title, 'peak heap: 167 MiB');
  t.equal((await app.inject({ method: 'GET', url: `/profiles/${HEAD_RUN.id}/badge.svg?metric=peak.heap`, headers: { 'if-none-match': profile.headers.etag as string } })).statusCode, 304);

  const badge = async (query: string) => {
    const res = await app.inject({ method: 'GET', url: `${pair}/badge.svg?${query}` });
    return { res, badge: parseBadge(res.body) };
  };
  const over = await badge('metric=peak.heap&fail_on=5%25');
  t.equal(over.res.statusCode, 200);
  t.equal(over.badge.title, 'peak heap: +830.0 %');
  t.equal(over.badge.rects[1].fill, '#e05d44', 'red over the threshold');
  t.equal((await badge('metric=peak.heap&fail_on=1000%25')).badge.rects[1].fill, '#44cc11', 'green under it');
  const equal = await badge('metric=peak.stack&fail_on=5%25');
  t.equal(equal.badge.title, 'peak stack: 0.0 %');
  t.equal(equal.badge.rects[1].fill, '#9f9f9f', 'grey when equal');
  t.equal((await badge('metric=final.heap')).badge.rects[1].fill, '#e05d44', 'no threshold: any increase is red');

  for (const [query, status, code] of [
    ['metric=peak.hep', 400, 'BAD_METRIC'],
    ['metric=peak.heap&fail_on=final.heap>1%25', 400, 'BAD_THRESHOLD'],
    ['metric=peak.heap&fail_on=lots', 400, 'BAD_THRESHOLD'],
    ['metric=peak.heap&label=x', 400, 'BAD_OPTION'],
  ] as const) {
    const bad = await badge(query);
    t.equal(bad.res.statusCode, status, query);
    t.equal(bad.res.headers['x-memplot-error'], code);
    t.equal(bad.badge.texts[2].text, code, 'the error as a badge');
  }
  const gone = await app.inject({ method: 'GET', url: `/profiles/${'0'.repeat(64)}/badge.svg` });
  t.equal(gone.statusCode, 404);
  t.equal(parseBadge(gone.body).title, 'memplot: PROFILE_NOT_FOUND');
  t.not(gone.headers['cache-control'], 'public, max-age=31536000, immutable', 'errors are not kept for a year');
});

t.test('the shared fixtures compare too: a crashed run against a complete one', async (t) => {
  const app = await build(t);
  const killed = fixture('killed.mem');
  const headerOnly = fixture('header-only.mem');
  const res = await app.inject({ method: 'POST', url: `/compare?fail_on=${encodeURIComponent('final.heap>+1%')}`, ...multipartFiles({ base: headerOnly.bytes, head: killed.bytes }) });
  t.equal(res.statusCode, 201);
  const body = res.json();
  t.same(body.deltas['final.heap'], { base: null, head: body.head.stats.final.heap, change: null, ratio: null }, 'no entries: null, not 0');
  t.match(body.verdict.failures[0].message, /not available/);
});

t.test('GET /profiles/:id?ticks_per_second=: durationSeconds as `memplot stats --ticks-per-second`', async (t) => {
  const app = await build(t);
  await app.inject({ method: 'POST', url: '/profiles', ...multipartBody(HEAD_RUN.bytes) });
  const res = await app.inject({ method: 'GET', url: `/profiles/${HEAD_RUN.id}?ticks_per_second=2.5e9` });
  const cli = await runCapture(['stats', '--ticks-per-second=2.5e9', HEAD_RUN.path]);
  t.same(res.json().stats, JSON.parse(cli.stdout.toString()));
  t.equal(res.json().stats.durationSeconds, res.json().stats.duration / 2.5e9);
  t.equal((await app.inject({ method: 'GET', url: `/profiles/${HEAD_RUN.id}` })).json().stats.durationSeconds, null);
  t.equal((await app.inject({ method: 'GET', url: `/profiles/${HEAD_RUN.id}?ticks_per_second=-1` })).statusCode, 400);
});
