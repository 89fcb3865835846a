import t from 'tap';
import { metricDelta } from '../../src/compare/deltas.js';
import { evaluateThresholds, MAX_THRESHOLD_LENGTH, parseThreshold, parseThresholds, ThresholdError } from '../../src/compare/thresholds.js';

t.test('the three kinds: relative change, absolute change, absolute value; sizes with units', async (t) => {
  t.match(parseThreshold('peak.heap>+5%'), { metric: 'peak.heap', operator: '>', kind: 'relative', limit: 5 });
  t.match(parseThreshold(' peak.heap > 5 % '), { kind: 'relative', limit: 5 });
  t.match(parseThreshold('final.heap>+1MiB'), { metric: 'final.heap', kind: 'change', limit: 1024 ** 2 });
  t.match(parseThreshold('final.heap<-2.5KB'), { operator: '<', kind: 'change', limit: -2500 });
  t.match(parseThreshold('peak.total>=512MiB'), { operator: '>=', kind: 'value', limit: 512 * 1024 ** 2 });
  t.match(parseThreshold('peak.total<=1gib'), { operator: '<=', kind: 'value', limit: 1024 ** 3 });
  t.match(parseThreshold('peak.stack>4096'), { kind: 'value', limit: 4096 });
  t.match(parseThreshold('entries>+1000'), { kind: 'change', limit: 1000 });
  t.match(parseThreshold('durationSeconds>2s'), { kind: 'value', limit: 2 });
  t.match(parseThreshold('durationSeconds>+250ms'), { kind: 'change', limit: 0.25 });
  t.match(parseThreshold('5%', 'meanHeap'), { metric: 'meanHeap', operator: '>', kind: 'relative', limit: 5, expression: '5%' });
});

t.test('refusals say what was expected and what was received', async (t) => {
  const cases: [string, RegExp, string?][] = [
    ['peak.hep>+5%', /unknown metric "peak.hep": expected one of peak.heap, peak.stack/],
    ['peak.heap=5%', /cannot read threshold "peak.heap=5%": expected METRIC OP VALUE such as peak.heap>\+5%/],
    ['peak.heap>', /cannot read threshold "peak.heap>"/],
    ['entries>+1MiB', /unit "MiB" does not fit entries: expected a plain number \(it is a count\) or a percentage/],
    ['peak.heap>+5parsecs', /unit "parsecs" does not fit peak.heap: expected a size/],
    ['5%', /threshold "5%" names no metric: expected METRIC OP VALUE .*badges/],
    ['5%', /unknown metric "bogus"/, 'bogus'],
    ['peak.heap>' + '9'.repeat(400), /the number is out of range|characters/],
    ['x'.repeat(MAX_THRESHOLD_LENGTH + 1), new RegExp(`threshold of ${MAX_THRESHOLD_LENGTH + 1} characters`)],
  ];
  for (const [text, message, metric] of cases) t.throws(() => parseThreshold(text, metric), { name: 'ThresholdError', message }, text.slice(0, 40));
  t.throws(() => parseThresholds(new Array(33).fill('peak.heap>1')), ThresholdError);
});

t.test('evaluation: a threshold fails when it holds, named with what was measured', async (t) => {
  const deltas = {
    'peak.heap': metricDelta(100 * 1024 ** 2, 112.3 * 1024 ** 2),
    'final.heap': metricDelta(1024, 1024),
    'peak.total': metricDelta(0, 600 * 1024 ** 2),
    meanHeap: metricDelta(null, 5),
  };
  const failed = evaluateThresholds(parseThresholds(['peak.heap>+5%', 'final.heap>+1MiB', 'peak.total>=512MiB', 'peak.total>+10%']), deltas);
  t.equal(failed.passed, false);
  t.same(failed.failures.map((f) => f.expression), ['peak.heap>+5%', 'peak.total>=512MiB', 'peak.total>+10%']);
  t.equal(failed.failures[0].message, 'peak.heap: change +12.3 % > +5.0 % (100 MiB → 112 MiB)');
  t.equal(failed.failures[1].message, 'peak.total: head 600 MiB >= 512 MiB (0 B → 600 MiB)');
  t.match(failed.failures[2].message, /\+∞ %/, 'from zero, any increase is over a relative threshold');
  t.same(evaluateThresholds(parseThresholds(['peak.heap>+20%', 'final.heap<-1', 'peak.heap<=100MiB']), deltas), { passed: true, failures: [] });
  const unavailable = evaluateThresholds(parseThresholds(['meanHeap>+1%']), deltas);
  t.match(unavailable.failures[0].message, /meanHeap is not available in both runs/);
});
