import t from 'tap';
import { summaryKey } from '../../src/cache/keys.js';
import { MemoryStore } from '../../src/cache/memory-store.js';
import { parseThresholds } from '../../src/compare/thresholds.js';
import { compareStored, storedPair } from '../../src/service/compare-profiles.js';
import { ProfileService } from '../../src/service/profile-service.js';
import { renderInThread } from '../render/in-thread-renderer.js';
import { BASE_RUN, HEAD_RUN } from '../compare/recorded-runs.js';

function service(store = new MemoryStore({ maxBytes: 64 << 20 })) {
  return new ProfileService(store, { maxUploadBytes: 1 << 30, renderConcurrency: 1, renderQueue: 1, uploadConcurrency: 2, renderTimeoutMs: 30_000, render: renderInThread, summaryCacheEntries: 1 });
}

async function* once(bytes: Buffer) {
  yield bytes;
}

t.test('comparisons read the stats kept apart from the parsed summaries; the store still has the last word', async (t) => {
  const store = new MemoryStore({ maxBytes: 64 << 20 });
  const profiles = service(store);
  await profiles.ingest(once(BASE_RUN.bytes));
  await profiles.ingest(once(HEAD_RUN.bytes));
  // One parsed summary kept (summaryCacheEntries: 1): the base's stats come from the stats cache, not a decode.
  let reads = 0;
  const get = store.get.bind(store);
  store.get = async (key: string) => {
    reads++;
    return get(key);
  };
  const report = await compareStored(profiles, BASE_RUN.id, HEAD_RUN.id, parseThresholds(['peak.heap>+5%']), 1e9);
  t.ok(!('missing' in report));
  if ('missing' in report) return;
  t.equal(reads, 0, 'no stored summary read');
  t.equal(report.verdict?.passed, false);
  t.equal(report.head.stats.durationSeconds, report.head.stats.duration / 1e9);
  await store.delete(summaryKey(HEAD_RUN.id));
  t.same(await storedPair(profiles, BASE_RUN.id, HEAD_RUN.id), { missing: HEAD_RUN.id }, 'an id gone from the store is gone here too');
  t.same(await storedPair(profiles, 'a'.repeat(64), HEAD_RUN.id), { missing: 'a'.repeat(64) });
});
