/** align and mode: options of charts of two runs only, parsed by the same machinery as every plot option. */
import t from 'tap';
import {
  COMPARE_PLOT_OPTION_NAMES, defaultComparePlotOptions, normalizeComparePlotOptions, normalizePlotOptions, parseComparePlotOptions, parsePlotOptions, PLOT_OPTION_NAMES, PlotOptionError,
} from '../../src/options/plot-options.js';

t.test('defaults: aligned by progress, both runs drawn', async (t) => {
  const defaults = defaultComparePlotOptions();
  t.equal(defaults.align, 'progress');
  t.equal(defaults.mode, 'overlay');
  t.equal(defaults.width, 800, 'every plot option with its default');
});

t.test('compare charts take every plot option and align, mode; /profiles plots refuse them', async (t) => {
  const options = parseComparePlotOptions({ align: 'ABSOLUTE', mode: 'diff', theme: 'dark', panels: 'rate', width: '640' });
  t.same([options.align, options.mode, options.theme, options.panels, options.width], ['absolute', 'diff', 'dark', ['rate'], 640]);
  t.same(COMPARE_PLOT_OPTION_NAMES, [...PLOT_OPTION_NAMES, 'align', 'mode']);
  t.throws(() => parsePlotOptions({ align: 'progress' }), { name: 'PlotOptionError', option: 'align' });
  t.throws(() => parseComparePlotOptions({ align: 'left' }), new PlotOptionError('align', 'left', 'one of progress, absolute'));
  t.throws(() => parseComparePlotOptions({ mode: 'ratio' }), new PlotOptionError('mode', 'ratio', 'one of overlay, diff'));
  t.throws(() => parseComparePlotOptions({ colour: 'red' }), { option: 'colour', message: /one of the options width, .*, align, mode/ });
});

t.test('cache key text: the plot options, then align and mode, whatever the spelling', async (t) => {
  const a = normalizeComparePlotOptions(parseComparePlotOptions({ mode: 'DIFF', align: 'absolute' }));
  const b = normalizeComparePlotOptions(parseComparePlotOptions({ align: 'Absolute', mode: 'diff' }));
  t.equal(a, b);
  t.ok(a.startsWith(`${normalizePlotOptions(defaultComparePlotOptions())}&`));
  t.match(a, /&align=absolute&mode=diff$/);
  t.not(normalizeComparePlotOptions(defaultComparePlotOptions()), a);
});
