/**
 * `memplot stats` of every malloc-tag snapshot in the fixtures equals its independent reference
 * reading (every field the reference has), and bad snapshots exit 1 naming what was found.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import t from 'tap';
import { fixturePath } from '../fixtures.js';
import { tempDir } from '../helper.js';
import { runCapture } from './cli-io.js';

const DIR = fixturePath('malloctag');
const REFERENCES = readdirSync(DIR).filter((name) => name.endsWith('.ref.json') && !name.endsWith('.mem.ref.json'));

t.test('memplot stats of every snapshot equals its .ref.json', async (t) => {
  t.ok(REFERENCES.length >= 7, `${REFERENCES.length} references`);
  for (const name of REFERENCES) {
    const reference = JSON.parse(readFileSync(join(DIR, name), 'utf8')) as Record<string, unknown>;
    const run = await runCapture(['stats', join(DIR, reference.file as string)]);
    t.equal(run.code, 0, `${name}: exit 0`);
    const stats = JSON.parse(run.stdout.toString('utf8')) as Record<string, unknown>;
    for (const [field, expected] of Object.entries(reference)) t.same(stats[field], expected, `${reference.file}: ${field}`);
  }
});

t.test('process figures and warnings', async (t) => {
  const pipeline = JSON.parse((await runCapture(['stats', join(DIR, 'pipeline_stats.json')])).stdout.toString('utf8'));
  t.same(pipeline.process, { vmRSSNow: 8672000, vmSizeNow: 228768000, bytesAllocatedBeforeInit: 494184, mallocTagSelfUsage: 215112, totalNetTrackedBytes: 542856 });
  t.same(pipeline.time, { start: '2026-12-02 @ 04:16:51 UTC', snapshot: '2026-12-02 @ 04:16:53 UTC' });
  t.same(pipeline.warnings, []);

  const overflow = await runCapture(['stats', join(DIR, 'overflow_stats.json')]);
  const stats = JSON.parse(overflow.stdout.toString('utf8'));
  t.same(stats.warnings.map((w: { code: string }) => w.code), ['MTAG_PUSH_NODE_FAILURES']);
  t.match(stats.warnings[0].message, /69 scope pushes found the tree full \(16 of 16 nodes in use\)/);
  t.match(overflow.stderr, /warning: .*69 scope pushes.*\(MTAG_PUSH_NODE_FAILURES\)/);
  t.equal((await runCapture(['--strict', 'stats', join(DIR, 'overflow_stats.json')])).code, 3, '--strict: the warning makes exit 3');

  const old = JSON.parse((await runCapture(['stats', join(DIR, 'pipeline-v1.1_stats.json')])).stdout.toString('utf8'));
  t.equal(old.format, '1.0-1.1');
  t.same(old.warnings.map((w: { code: string }) => w.code), ['MTAG_FREE_TRACKING_FAILED', 'MTAG_FREE_TRACKING_FAILED']);
});

t.test('a gzip snapshot and several snapshots (a timeline, in order)', async (t) => {
  const dir = tempDir(t);
  const gz = join(dir, 'pipeline_stats.json.gz');
  writeFileSync(gz, gzipSync(readFileSync(join(DIR, 'pipeline_stats.json'))));
  const one = JSON.parse((await runCapture(['stats', gz])).stdout.toString('utf8'));
  t.equal(one.totals.bytesAllocated, 30985224);

  const names = ['pipeline.snap.0000.json', 'pipeline.snap.0001.json', 'pipeline.snap.0002.json'];
  const run = await runCapture(['stats', ...names.map((name) => join(DIR, name))]);
  t.equal(run.code, 0);
  const timeline = JSON.parse(run.stdout.toString('utf8'));
  t.same(timeline.snapshots.map((s: { file: string }) => s.file), names);
  t.same(
    timeline.snapshots.map((s: { totals: { bytesAllocated: number } }) => s.totals.bytesAllocated),
    names.map((name) => JSON.parse(readFileSync(join(DIR, name.replace('.json', '.ref.json')), 'utf8')).totals.bytesAllocated),
  );
});

t.test('bad snapshots exit 1 with what was found', async (t) => {
  const dir = tempDir(t);
  const truncated = await runCapture(['stats', join(DIR, 'truncated_stats.json')]);
  t.equal(truncated.code, 1);
  t.match(truncated.stderr, /truncated_stats\.json: JSON truncated at byte 3256/);

  const other = join(dir, 'package.json');
  writeFileSync(other, JSON.stringify({ name: 'x', version: '1.0.0' }));
  const notTags = await runCapture(['stats', other]);
  t.equal(notTags.code, 1);
  t.match(notTags.stderr, /package\.json: JSON without PID\/tree_for_TID keys \(found keys "name", "version"\)/);
  const plot = await runCapture([other, join(dir, 'out.svg')]);
  t.equal(plot.code, 1, 'plot: exit 1 too');

  const deep = join(dir, 'deep.json');
  writeFileSync(deep, '['.repeat(100_000) + ']'.repeat(100_000));
  const tooDeep = await runCapture(['stats', deep]);
  t.equal(tooDeep.code, 1);
  t.match(tooDeep.stderr, /nested more than 256 levels deep/);

  const mixed = await runCapture(['stats', join(DIR, 'pipeline.mem'), join(DIR, 'pipeline_stats.json')]);
  t.equal(mixed.code, 1, 'a .mem among snapshots');
  t.match(mixed.stderr, /only malloc-tag snapshots can be read several at a time/);
});
