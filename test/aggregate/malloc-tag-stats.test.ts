import { readdirSync, readFileSync } from 'node:fs';
import t from 'tap';
import { mallocTagStats, TOP_SCOPES } from '../../src/aggregate/malloc-tag-stats.js';
import type { MallocTagScope, MallocTagSnapshot } from '../../src/format/malloc-tag/snapshot.js';
import { fixturePath } from '../fixtures.js';
import { snapshotFixture } from '../chart/malloc-tag/snapshot-fixtures.js';

const scope = (name: string, selfAllocated: number, children: MallocTagScope[] = []): MallocTagScope => ({
  name, totalAllocated: 0, totalFreed: null, selfAllocated, selfFreed: null, timesEntered: 0, weightPercent: 0,
  calls: { malloc: 0, realloc: 0, calloc: 0, free: 0 }, children,
});

const snapshot = (threads: Array<{ tid: number; root: MallocTagScope }>): MallocTagSnapshot => ({
  format: '1.0-1.1', pid: 1, startTime: '', snapshotTime: '',
  threads: threads.map(({ tid, root }) => ({ tid, name: root.name, treeLevels: 0, nodesInUse: 0, maxNodes: 0, pushFailures: 0, freeTrackingFailed: 0, vmSizeAtCreation: 0, root })),
  bytesAllocatedBeforeInit: null, mallocTagSelfUsage: null, vmSizeNow: null, vmRSSNow: null,
} as MallocTagSnapshot);

/** The definition, by brute force: every scope's path string, most bytes first, then path (code units), then tid. */
function bruteTop(s: MallocTagSnapshot) {
  const all: Array<{ tid: number; path: string; bytes: number }> = [];
  const walk = (tid: number, node: MallocTagScope, path: string) => {
    all.push({ tid, path, bytes: node.selfAllocated });
    for (const child of node.children) walk(tid, child, `${path}/${child.name}`);
  };
  for (const thread of s.threads) walk(thread.tid, thread.root, thread.root.name);
  all.sort((a, b) => b.bytes - a.bytes || (a.path === b.path ? 0 : a.path < b.path ? -1 : 1) || a.tid - b.tid);
  return all.slice(0, TOP_SCOPES);
}

function random(seed: number) {
  let x = seed >>> 0;
  return () => ((x = (x * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

t.test('topSelfAllocated is the brute-force ranking on random trees (names with "/", prefixes of each other, repeated)', async (t) => {
  const names = ['a', 'ab', 'a/b', 'a/', 'b', 'ab/c', '', 'é', 'a0', 'a.'];
  for (let seed = 1; seed <= 300; seed++) {
    const next = random(seed);
    const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
    const tree = (depth: number): MallocTagScope =>
      scope(pick(names), pick([0, 0, 0, 1, 2, 5]), depth > 0 ? Array.from({ length: Math.floor(next() * 4) }, () => tree(depth - 1)) : []);
    const s = snapshot(Array.from({ length: 1 + Math.floor(next() * 3) }, (_, i) => ({ tid: pick([7, 3, 3 + i]), root: tree(1 + Math.floor(next() * 4)) })));
    const ours = mallocTagStats(s).topSelfAllocated;
    const expected = bruteTop(s);
    if (JSON.stringify(ours) !== JSON.stringify(expected)) {
      t.same(ours, expected, `seed ${seed}`);
      return;
    }
  }
  t.pass('300 random snapshots ranked as by the definition');
});

t.test('a long name near the root: paths are built for the five winners only', async (t) => {
  const long = 'x'.repeat(1 << 20);
  const s = snapshot([{ tid: 1, root: scope(long, 0, Array.from({ length: 20_000 }, (_, i) => scope(`s${i}`, 0))) }]);
  const top = mallocTagStats(s).topSelfAllocated;
  t.same(top.map((entry) => entry.path.slice(long.length)), ['', '/s0', '/s1', '/s10', '/s100'], 'ties by path, as the brute force would rank them');
});

t.test('the fixtures: topSelfAllocated is the reference reading, order included', async (t) => {
  const references = readdirSync(fixturePath('malloctag')).filter((name) => name.endsWith('.ref.json') && !name.startsWith('pipeline.mem'));
  for (const name of references) {
    const reference = JSON.parse(readFileSync(fixturePath(`malloctag/${name}`), 'utf8')) as { topSelfAllocated: unknown };
    const s = snapshotFixture(name.replace('.ref.json', '.json'));
    t.same(mallocTagStats(s).topSelfAllocated, reference.topSelfAllocated, name);
    t.same(mallocTagStats(s).topSelfAllocated, bruteTop(s), `${name}: as the brute force ranks`);
  }
});
