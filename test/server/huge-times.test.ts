/**
 * Times far past 2^53 ticks (a hostile or corrupt file: memusage's clock is 64-bit) must not turn
 * the series routes' arithmetic into endless loops: positions there are not integers a double can
 * step through one by one.
 */
import t from 'tap';
import { build } from '../helper.js';
import { buildMem } from '../mem-builder.js';

const raw = (bytes: Buffer) => ({ payload: bytes, headers: { 'content-type': 'application/octet-stream' } });

for (const last of [2n ** 60n, 2n ** 62n + 12345n, 2n ** 53n + 1n, 2n ** 63n - 1n]) {
  t.test(`series of a run whose last call is at ${last} ticks: answered, on both axes and zoomed`, async (t) => {
    const app = await build(t);
    const entries = [
      { heap: 100, stack: 10, time: 0 },
      { heap: 200, stack: 20, time: 1 },
      { heap: 50, stack: 5, time: last / 2n },
      { heap: 300, stack: 30, time: last },
    ];
    const upload = await app.inject({ method: 'POST', url: '/profiles', ...raw(buildMem({ entries, start: 0 })) });
    t.equal(upload.statusCode, 201);
    const id = upload.json().id as string;
    for (const url of [
      `/profiles/${id}/series.json?axis=time`,
      `/profiles/${id}/series.csv?axis=time`,
      `/profiles/${id}/series?axis=time`,
      `/profiles/${id}/series?axis=time&from=0&to=${last / 3n}&buckets=7`,
      `/profiles/${id}/series?axis=time&from=${last / 2n - 5n}&to=${last / 2n + 5n}&buckets=800`,
      `/profiles/${id}/series?axis=calls&from=1&to=3&buckets=3`,
    ]) {
      const res = await app.inject({ method: 'GET', url });
      t.equal(res.statusCode, 200, url);
    }
    const whole = (await app.inject({ method: 'GET', url: `/profiles/${id}/series?axis=time` })).json() as { columns: { heap: number[] }[] };
    t.same([Math.max(...whole.columns.map((c) => c.heap[3]!))], [300], 'the peak is in a column');
  });
}
