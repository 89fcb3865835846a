import t from 'tap';
import { errorImageLayout, renderErrorImageSvg } from '../../src/chart/error-image-svg.js';
import { textWidth } from '../../src/chart/text-metrics.js';
import { svgElement, svgMarkup, svgText } from '../../src/chart/svg-node.js';

const error = {
  theme: 'light' as const,
  status: 400,
  code: 'BAD_OPTION',
  message: 'option width: expected an integer from 100 to 4096, received "99999"',
  hint: 'width must be an integer from 100 to 4096',
};

t.test('every line fits the box, at the smallest, a small and the largest size', async (t) => {
  for (const [width, height] of [
    [100, 80],
    [400, 200],
    [800, 600],
    [4096, 80],
    [100, 4096],
  ]) {
    const layout = errorImageLayout({ ...error, width, height });
    const lines = [...layout.heading, ...layout.message, ...layout.hint];
    const measured = [...layout.heading.map((line) => [line, true] as const), ...[...layout.message, ...layout.hint].map((line) => [line, false] as const)];
    t.ok(lines.length >= 1, `${width}×${height}: something is said`);
    t.ok(layout.padding * 2 + lines.length * layout.lineHeight <= height, `${width}×${height}: ${lines.length} lines fit the height`);
    for (const [line, bold] of measured) t.ok(textWidth(line, { size: layout.fontSize, bold }) <= width - 2 * layout.padding, `${width}×${height}: "${line}" fits the width`);
  }
  const small = errorImageLayout({ ...error, width: 400, height: 200 });
  t.ok(small.fontSize >= 12, `readable at 400×200 (${small.fontSize} px)`);
  t.same([...small.message, ...small.hint].join(' ').replace(/\s+/g, ' '), `${error.message} hint: ${error.hint}`, 'at 400×200 the whole message and hint are there');
});

t.test('a hostile message costs what the size allows, not what it says', async (t) => {
  const huge = { ...error, message: 'x '.repeat(500_000), hint: 'y'.repeat(1_000_000), width: 800, height: 600 };
  const svg = renderErrorImageSvg(huge);
  t.ok(svg.length < 20_000, `${svg.length} characters of SVG`);
  t.match(svg, /^<svg[^>]* width="800" height="600"/);
  const escaped = renderErrorImageSvg({ ...error, width: 400, height: 200, message: '</text><script>alert(1)</script>' });
  t.notMatch(escaped, '<script>', 'user text is escaped');
});

t.test('svgMarkup writes escaped XML without a DOM', async (t) => {
  const svg = svgMarkup(
    svgElement('svg', { width: 10, height: 10, 'data-x': 'a"b<c&d' }, [svgText({ x: 1 }, 'x < y & "z" \u0001> w')]),
  );
  t.equal(svg, '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10" data-x="a&quot;b&lt;c&amp;d"><text x="1">x &lt; y &amp; "z" &gt; w</text></svg>');
  t.throws(() => svgMarkup(svgElement('g', {})), /expected a root svg element/);
});
