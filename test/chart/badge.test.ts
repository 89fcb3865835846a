/**
 * Badges are well-formed XML, and every text fits its box: measured with the chart's font
 * metrics, centred in its coloured rectangle with room on both sides.
 */
import t, { type Test } from 'tap';
import { BADGE_COLORS, BADGE_FONT, BADGE_HEIGHT, renderBadgeSvg, type BadgeContent } from '../../src/chart/badge.js';
import { textWidth } from '../../src/chart/text-metrics.js';
import { parseBadge } from './badge-xml.js';

function checkFits(t: Test, content: BadgeContent) {
  const badge = parseBadge(renderBadgeSvg(content));
  t.equal(badge.height, BADGE_HEIGHT);
  const [label, message] = badge.rects;
  t.equal(label.width + message.width, badge.width, 'the two boxes make the badge');
  t.equal(message.fill, BADGE_COLORS[content.color]);
  t.equal(badge.texts.length, 4, 'label and message, each with its shadow');
  for (const { x, text } of badge.texts) {
    const box = x < label.width ? label : message;
    const half = textWidth(text, BADGE_FONT) / 2;
    t.ok(x - half >= box.x + 1 && x + half <= box.x + box.width - 1, `"${text}" (${(2 * half).toFixed(1)} px) inside its box [${box.x}, ${box.x + box.width}]`);
  }
  return badge;
}

t.test('flat badges: XML, boxes sized to their measured text', async (t) => {
  const badge = checkFits(t, { label: 'peak heap', message: '374 MiB', color: 'blue' });
  t.equal(badge.title, 'peak heap: 374 MiB');
  checkFits(t, { label: 'temporary allocations', message: '+12.3 %', color: 'red' });
  checkFits(t, { label: 'mean heap', message: '0.0 %', color: 'grey' });
  checkFits(t, { label: 'WWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWW', message: 'mmmmmmm', color: 'green' });
});

t.test('text that XML or the font would not take is escaped, long text ellipsised', async (t) => {
  const badge = checkFits(t, { label: '<script>&"\'', message: 'x'.repeat(500), color: 'grey' });
  t.equal(badge.texts[0].text, '<script>&"\'');
  t.ok(badge.width < 600, `a 500-character message is cut: ${badge.width} px`);
  t.match(badge.texts[2].text, /…$/);
});
