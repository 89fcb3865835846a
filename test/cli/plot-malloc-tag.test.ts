/** `memplot` draws malloc-tag snapshots: one (icicle by default), several (a timeline), with their chart options. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import t from 'tap';
import { fixturePath } from '../fixtures.js';
import { tempDir } from '../helper.js';
import { runCapture } from './cli-io.js';

const snap = (name: string) => fixturePath(`malloctag/${name}`);

t.test('a snapshot, its kinds and options; several snapshots a timeline', async (t) => {
  const dir = tempDir(t);
  const icicle = join(dir, 'icicle.svg');
  t.equal((await runCapture([snap('pipeline_stats.json'), icicle])).code, 0);
  t.match(readFileSync(icicle, 'utf8'), /worker\/0/);
  const bars = join(dir, 'bars.svg');
  t.equal((await runCapture(['--kind', 'bars', '--top=3', snap('pipeline_stats.json'), bars])).code, 0);
  t.not(readFileSync(bars, 'utf8'), readFileSync(icicle, 'utf8'));
  const timeline = join(dir, 'timeline.svg');
  const run = await runCapture(['--kind=timeline', snap('pipeline.snap.0000.json'), snap('pipeline.snap.0001.json'), snap('pipeline.snap.0002.json'), timeline]);
  t.equal(run.code, 0, run.stderr);
  t.match(readFileSync(timeline, 'utf8'), /3 snapshots/);
});

t.test('chart options that do not fit the input: usage errors', async (t) => {
  const dir = tempDir(t);
  const scopes = await runCapture(['--kind', 'scopes', snap('pipeline_stats.json'), join(dir, 'x.svg')]);
  t.equal(scopes.code, 2);
  t.match(scopes.stderr, /option kind: expected one of icicle, bars, timeline/);
  const onMem = await runCapture(['--kind', 'bars', snap('pipeline.mem'), join(dir, 'y.svg')]);
  t.equal(onMem.code, 2, 'a .mem has no chart kinds');
  const tooMany = await runCapture([snap('pipeline.mem'), snap('pipeline_stats.json'), join(dir, 'z.svg')]);
  t.equal(tooMany.code, 2, 'several inputs must all be snapshots');
  t.match(tooMany.stderr, /too many arguments/);
});
