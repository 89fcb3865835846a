/**
 * What only a .mem recording has (a heap over time) asked of a malloc-tag snapshot profile:
 * comparisons, their charts, badges and series answer 422 NOT_A_MEM_PROFILE naming the id, never a
 * 500 or a reading of a snapshot's stats as a .mem's.
 */
import t from 'tap';
import { build, fixture, multipartFiles, PNG_MAGIC } from '../helper.js';

t.test('comparisons, overlays, badges and series of a snapshot profile are 422 NOT_A_MEM_PROFILE', async (t) => {
  const app = await build(t);
  const mem = fixture('sort.mem');
  const snapshot = fixture('malloctag/pipeline_stats.json');
  for (const file of [mem, snapshot]) {
    const stored = await app.inject({ method: 'POST', url: '/profiles', ...multipartFiles([{ field: 'file', bytes: file.bytes }]) });
    t.equal(stored.statusCode, 201);
  }
  const json = { accept: 'application/json' };
  const urls = [
    `/compare/${mem.id}/${snapshot.id}`,
    `/compare/${snapshot.id}/${mem.id}/summary.md`,
    `/compare/${mem.id}/${snapshot.id}/plot.svg`,
    `/profiles/${snapshot.id}/badge.svg?metric=peak.heap`,
    `/compare/${mem.id}/${snapshot.id}/badge.svg?metric=peak.heap`,
    `/profiles/${snapshot.id}/series.json`,
    `/profiles/${snapshot.id}/series.csv`,
    `/profiles/${snapshot.id}/series?from=0&to=10`,
  ];
  for (const url of urls) {
    const res = await app.inject({ method: 'GET', url, headers: json });
    t.equal(res.statusCode, 422, `${url}: 422`);
    const code = res.headers['x-memplot-error'] ?? (res.headers['content-type']?.toString().startsWith('application/json') ? res.json().error : undefined);
    t.equal(code, 'NOT_A_MEM_PROFILE', `${url}: the code`);
    if (res.headers['content-type']?.toString().startsWith('application/json')) t.match(res.json().message, snapshot.id, `${url}: names the id`);
  }
  // An embedded overlay asked as an image gets the error as an image, with the same status.
  const image = await app.inject({ method: 'GET', url: `/compare/${mem.id}/${snapshot.id}/plot.png` });
  t.equal(image.statusCode, 422);
  t.same(image.rawPayload.subarray(0, 8), PNG_MAGIC, 'a PNG showing the error');
  // The .mem alone still compares with itself.
  const same = await app.inject({ method: 'GET', url: `/compare/${mem.id}/${mem.id}`, headers: json });
  t.equal(same.statusCode, 200);
});
