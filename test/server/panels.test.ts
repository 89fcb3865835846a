/** The stack and panels options over HTTP: query or multipart field, and a 400 naming the option for a bad list. */
import t from 'tap';
import { build, fixture, multipartBody } from '../helper.js';

const sort = fixture('sort.mem');
const raw = { headers: { 'content-type': 'application/octet-stream' }, payload: sort.bytes };

t.test('panels=rate,changes draws both panels under the heap, the stack in its own panel by default', async (t) => {
  const app = await build(t);
  const res = await app.inject({ method: 'POST', url: '/plot?format=svg&panels=changes,rate', ...raw });
  t.equal(res.statusCode, 200);
  const svg = res.body;
  t.match(svg, /<g class="panel-stack">/);
  t.ok(svg.indexOf('class="panel-rate"') < svg.indexOf('class="panel-changes"'), 'rate above changes, whatever order they were asked in');
  const separate = await app.inject({ method: 'POST', url: '/plot', ...multipartBody(sort.bytes, { format: 'svg', stack: 'separate' }) });
  t.equal(separate.statusCode, 200);
  t.notMatch(separate.body, /panel-stack/);
  t.match(separate.body, /class="axis-right"/);
});

t.test('a bad panel is a 400 naming the option, the value and the allowed list', async (t) => {
  const app = await build(t);
  const res = await app.inject({ method: 'POST', url: '/plot?panels=rate,heap', ...raw });
  t.equal(res.statusCode, 400);
  t.match(res.json(), { error: 'BAD_OPTION', option: 'panels', value: 'rate,heap', allowed: 'a comma-separated list of rate, changes (or none)' });
});
