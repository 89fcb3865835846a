/** The stack and panels options as the CLI and HTTP parse them: one definition, messages that name the option. */
import t from 'tap';
import { parseArgs } from '../../src/cli/args.js';
import { defaultPlotOptions, normalizePlotOptions, parsePlotOptions, plotOptionsQuery, PlotOptionError } from '../../src/options/plot-options.js';

t.test('defaults: the stack in its own panel, no further panels', async (t) => {
  const defaults = defaultPlotOptions();
  t.equal(defaults.stack, 'panel');
  t.same(defaults.panels, []);
});

t.test('panels: a comma-separated list in a fixed order, none or empty for no panel', async (t) => {
  t.same(parsePlotOptions({ panels: 'changes,rate' }).panels, ['rate', 'changes']);
  t.same(parsePlotOptions({ panels: ' Rate , rate' }).panels, ['rate']);
  t.same(parsePlotOptions({ panels: 'none' }).panels, []);
  t.same(parsePlotOptions({ panels: '' }).panels, []);
  t.throws(() => parsePlotOptions({ panels: 'rate,heap' }), new PlotOptionError('panels', 'rate,heap', 'a comma-separated list of rate, changes (or none)'));
  t.throws(() => parsePlotOptions({ stack: 'below' }), { message: 'option stack: expected one of separate, same, none, panel, received "below"' });
});

t.test('cache keys and URLs: the same panels, however written, give the same text', async (t) => {
  const a = normalizePlotOptions(parsePlotOptions({ panels: 'changes,rate' }));
  const b = normalizePlotOptions(parsePlotOptions({ panels: 'rate,changes' }));
  t.equal(a, b);
  t.match(a, /panels=rate%2Cchanges/);
  t.notSame(normalizePlotOptions(parsePlotOptions({})), a);
  t.equal(plotOptionsQuery(parsePlotOptions({})), '', 'defaults are left out of URLs');
  t.equal(plotOptionsQuery(parsePlotOptions({ panels: 'rate', stack: 'separate' })), 'stack=separate&panels=rate');
});

t.test('the command line takes --panels and --stack panel', async (t) => {
  const parsed = parseArgs(['--panels', 'rate,changes', '--stack=panel', 'x.mem']);
  t.same(parsed.options.panels, ['rate', 'changes']);
  t.equal(parsed.options.stack, 'panel');
  t.throws(() => parseArgs(['--panels', 'bogus', 'x.mem']), { message: /--panels: expected a comma-separated list of rate, changes \(or none\), received "bogus"/ });
});
