/** The malloc-tag chart options: kind only where there is a choice, each input its own kinds, bad values named. */
import t from 'tap';
import {
  AGGREGATE_PATTERN_MAX_LENGTH,
  defaultPairedPlotOptions,
  defaultPlotOptions,
  defaultSnapshotPlotOptions,
  normalizePairedPlotOptions,
  normalizePlotOptions,
  normalizeSnapshotPlotOptions,
  parsePairedPlotOptions,
  parsePlotOptions,
  parseSnapshotPlotOptions,
  PlotOptionError,
} from '../../src/options/plot-options.js';

t.test('defaults: icicle for snapshots, the heap chart for a paired .mem, the plot options untouched', async (t) => {
  t.match(defaultSnapshotPlotOptions(), { ...defaultPlotOptions(), kind: 'icicle', measure: 'total', threads: 'split', aggregate: null, top: 10 });
  t.match(defaultPairedPlotOptions(), { kind: 'heap', measure: 'total' });
  t.notOk('kind' in defaultPlotOptions(), 'a .mem alone has no kind');
  t.throws(() => parsePlotOptions({ kind: 'icicle' }), /option kind: expected one of the options width, .*panels, received "icicle"/);
});

t.test('each input takes its own kinds', async (t) => {
  t.equal(parseSnapshotPlotOptions({ kind: 'Timeline' }).kind, 'timeline');
  t.equal(parsePairedPlotOptions({ kind: 'scopes' }).kind, 'scopes');
  t.throws(() => parseSnapshotPlotOptions({ kind: 'scopes' }), /option kind: expected one of icicle, bars, timeline, received "scopes"/);
  t.throws(() => parsePairedPlotOptions({ kind: 'icicle' }), /option kind: expected one of heap, scopes, received "icicle"/);
});

t.test('bad values name the option, what is allowed and what was received', async (t) => {
  const cases: [Record<string, unknown>, RegExp][] = [
    [{ measure: 'bytes' }, /option measure: expected one of total, self, net, calls, received "bytes"/],
    [{ threads: 'join' }, /option threads: expected one of split, merge, received "join"/],
    [{ top: '0' }, /option top: expected an integer from 1 to 50, received "0"/],
    [{ top: '2.5' }, /option top: expected an integer/],
    [{ aggregate: '(' }, /option aggregate: expected an RE2 regular expression of at most 200 characters, received "\("/],
    [{ aggregate: '(a)\\1' }, /option aggregate: expected an RE2 regular expression of at most 200 characters, received "\(a\)\\\\1"/],
    [{ aggregate: '(?<=a)b' }, /option aggregate: expected an RE2 regular expression/],
    [{ aggregate: 'x'.repeat(AGGREGATE_PATTERN_MAX_LENGTH + 1) }, /option aggregate: expected an RE2 regular expression of at most 200 characters, received "x{40}…"/],
    [{ nope: '1' }, /option nope: expected one of the options .*kind, measure, threads, aggregate, top/],
  ];
  for (const [raw, message] of cases) {
    const error = (() => {
      try {
        parseSnapshotPlotOptions(raw);
        return null;
      } catch (caught) {
        return caught as Error;
      }
    })();
    t.ok(error instanceof PlotOptionError, `${JSON.stringify(raw).slice(0, 60)} refused`);
    t.match(error?.message ?? '', message);
  }
  t.equal(parseSnapshotPlotOptions({ aggregate: '^(Example|YetAn)Thr/\\d+$' }).aggregate, '^(Example|YetAn)Thr/\\d+$');
  t.equal(parseSnapshotPlotOptions({ aggregate: '' }).aggregate, null, 'empty: no aggregation');
});

t.test('normalised text: the plot options\' first (same key as before for what they share), then the malloc-tag ones', async (t) => {
  const options = parseSnapshotPlotOptions({ top: '5', aggregate: 'a&b', theme: 'dark' });
  const text = normalizeSnapshotPlotOptions(options);
  t.ok(text.startsWith(`${normalizePlotOptions(options)}&`));
  t.ok(text.endsWith('&kind=icicle&measure=total&threads=split&aggregate=a%26b&top=5'));
  t.not(normalizeSnapshotPlotOptions(parseSnapshotPlotOptions({ kind: 'bars' })), normalizeSnapshotPlotOptions(defaultSnapshotPlotOptions()));
  t.ok(normalizePairedPlotOptions(defaultPairedPlotOptions()).includes('&kind=heap&'));
});
