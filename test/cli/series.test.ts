import t from 'tap';
import { runCapture } from './cli-io.js';
import { fixturePath } from '../fixtures.js';
import { SERIES_CSV_HEADER } from '../../src/aggregate/series-csv.js';
import { readEntries } from '../aggregate/brute-force-series.js';

t.test('memplot series FILE: the JSON of series.json', async (t) => {
  const run = await runCapture(['series', '--buckets', '16', fixturePath('javac.mem')]);
  t.equal(run.code, 0, run.stderr);
  const answer = JSON.parse(run.stdout.toString('utf8'));
  t.equal(answer.axis, 'calls');
  t.equal(answer.from, 0);
  t.equal(answer.to, 95523);
  t.ok(answer.columns.length > 0 && answer.columns.length <= 16);
  const entries = await readEntries(fixturePath('javac.mem'));
  t.equal(answer.columns[0].heap[0], entries.heap[0], 'first column starts at the first entry');
  t.equal(Math.max(...answer.columns.map((c: { heap: number[] }) => c.heap[3])), Math.max(...entries.heap), 'the peak is kept');
});

t.test('memplot series --csv --axis time (and -t)', async (t) => {
  for (const flags of [['--csv', '--axis', 'time'], ['--csv', '-t']]) {
    const run = await runCapture(['series', ...flags, '--buckets=5', fixturePath('threads.mem')]);
    t.equal(run.code, 0, run.stderr);
    const [header, ...rows] = run.stdout.toString('utf8').trimEnd().split('\n');
    t.equal(header, SERIES_CSV_HEADER);
    t.ok(rows.length >= 1 && rows.length <= 5, `${rows.length} rows`);
    t.match(rows[0], /^\d+,\d+,/, 'x values are tick counts');
  }
});

t.test('memplot series: usage errors exit 2, bad input 1, warnings go to stderr', async (t) => {
  for (const argv of [['series', '--buckets', '0', fixturePath('sort.mem')], ['series', '--buckets', 'x', fixturePath('sort.mem')], ['series', '--buckets', '9000', fixturePath('sort.mem')], ['series']]) {
    const run = await runCapture(argv);
    t.equal(run.code, 2, argv.join(' '));
    t.match(run.stderr, /memplot: /);
  }
  const bad = await runCapture(['series', fixturePath('README.md')]);
  t.equal(bad.code, 1);
  const killed = await runCapture(['series', '--csv', fixturePath('killed.mem')]);
  t.equal(killed.code, 0);
  t.match(killed.stderr, /HEADER_INCOMPLETE/);
});
