/** The chart's window (web/view-window.js): the URL fragment and the zoom and pan arithmetic, exact past 2^53. */
import t from 'tap';

const vw = await import(new URL('../../web/view-window.js', import.meta.url).href);

t.test('the fragment names a window, an axis, or nothing', async (t) => {
  t.same(vw.parseHash('#axis=calls&from=100&to=2000', 'calls'), { axis: 'calls', range: { from: 100n, to: 2000n } });
  t.same(vw.parseHash('#from=5&to=9', 'time'), { axis: 'time', range: { from: 5n, to: 9n } }, 'axis from the page when not given');
  t.same(vw.parseHash('#axis=time', 'calls'), { axis: 'time', range: null });
  t.equal(vw.parseHash('', 'calls'), null);
  for (const bad of ['#axis=bytes&from=1&to=2', '#from=9&to=5', '#from=-1&to=5', '#from=1', '#from=1e3&to=2e3', '#from=1&to=99999999999999999999999999999999']) {
    t.equal(vw.parseHash(bad, 'calls'), null, bad);
  }
  const ticks = { axis: 'time', from: 1313108835976123456789n, to: 1313108835976123499999n };
  t.same(vw.parseHash(vw.formatHash(ticks), 'calls'), { axis: 'time', range: { from: ticks.from, to: ticks.to } }, 'round trip beyond 2^53');
});

t.test('zoom keeps the anchor in place and stays in the domain', async (t) => {
  const domain = { from: 0n, to: 1000n };
  t.same(vw.zoomRange(domain, domain, 0.5, 0.5), { from: 250n, to: 750n });
  t.same(vw.zoomRange(domain, domain, 0.5, 0), { from: 0n, to: 500n });
  t.same(vw.zoomRange({ from: 250n, to: 750n }, domain, 4, 0.5), domain, 'zooming out stops at the whole');
  let range = domain;
  for (let i = 0; i < 40; i++) range = vw.zoomRange(range, domain, 0.5, 0.3);
  t.equal(range.to - range.from, vw.MIN_WIDTH, 'zooming in stops at the narrowest window');
  t.same(vw.zoomRange({ from: 0n, to: 4n }, { from: 0n, to: 4n }, 0.5, 0.5), { from: 0n, to: 4n }, 'a domain narrower than the minimum is shown whole');
  let limited = domain;
  for (let i = 0; i < 40; i++) limited = vw.zoomRange(limited, domain, 0.5, 0.3, 64n);
  t.equal(limited.to - limited.from, 64n, 'or at the narrowest the server can answer');
  t.same(vw.clampRange({ from: 500n, to: 510n }, domain, 100n), { from: 455n, to: 555n }, 'a narrower window is widened about its centre');
  const big = { from: 2n ** 60n, to: 2n ** 60n + 10n ** 12n };
  const zoomed = vw.zoomRange(big, big, 0.001, 0.5);
  t.ok(zoomed.from > big.from && zoomed.to < big.to, 'inside the domain at 2^60 ticks');
  t.equal(BigInt(zoomed.to) - BigInt(zoomed.from), 10n ** 9n, 'exact width at 2^60 ticks');
});

t.test('pan and selection', async (t) => {
  const domain = { from: 0n, to: 1000n };
  t.same(vw.panRange({ from: 100n, to: 200n }, domain, 0.5), { from: 150n, to: 250n });
  t.same(vw.panRange({ from: 100n, to: 200n }, domain, -5), { from: 0n, to: 100n }, 'stops at the start');
  t.same(vw.panRange({ from: 800n, to: 1000n }, domain, 1), { from: 800n, to: 1000n }, 'stops at the end');
  t.same(vw.subRange({ from: 0n, to: 1000n }, domain, 0.6, 0.2), { from: 200n, to: 600n }, 'a selection dragged leftwards');
});
