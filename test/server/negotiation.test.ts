import t from 'tap';
import { acceptsImage, formatFromAccept, parseWeightedList, prefersText, wantsHtml } from '../../src/http/negotiation.js';
import { negotiateContentCoding } from '../../src/http/content-coding.js';

t.test('one parser for Accept and Accept-Encoding: values in lower case, q from the parameters', async (t) => {
  t.same(parseWeightedList(' Image/WebP;q=0.5 , image/png;Q=oops, */*'), [
    { value: 'image/webp', q: 0.5 },
    { value: 'image/png', q: 0 },
    { value: '*/*', q: 1 },
  ]);
  t.equal(parseWeightedList('a,b,c,d', 2).length, 2, 'at most maxItems items');
  t.equal(negotiateContentCoding('gzip;q=0.8, br;q=0.9'), 'br');
  t.equal(negotiateContentCoding('X-Gzip'), 'gzip');
});

t.test('the questions asked of Accept', async (t) => {
  t.equal(formatFromAccept('image/avif;q=0.9, image/webp;q=0.9'), 'webp', 'ties go to the server preference');
  t.equal(formatFromAccept('text/html'), null);
  t.equal(formatFromAccept(undefined), 'png');
  t.equal(prefersText('text/plain'), true);
  t.equal(prefersText('text/plain, */*'), false);
  t.equal(prefersText('text/plain, application/json'), false);
  t.equal(wantsHtml('text/html,application/xhtml+xml,*/*;q=0.8'), true);
  t.equal(wantsHtml('text/html, application/json'), false);
  t.equal(acceptsImage('image/*'), true);
  t.equal(acceptsImage('*/*'), false);
});
