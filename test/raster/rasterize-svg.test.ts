import t from 'tap';
import sharp from 'sharp';
import { rasterizeSvg } from '../../src/raster/rasterize-svg.js';
import { checkRasterOptions, RasterOptionError } from '../../src/raster/raster-options.js';

const square = '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="80"><rect width="120" height="80" fill="#ffffff"/><rect x="10" y="10" width="40" height="20" fill="#ff0000"/></svg>';

t.test('every option is checked first, naming the parameter, what was expected and what was received', async (t) => {
  await t.rejects(rasterizeSvg(square, { format: 'svg', scale: 1 }), { name: 'RasterOptionError', parameter: 'format', message: /^Expected one of png, webp, avif, jpeg \(SVG is passed through by the caller, not rasterised\) for format but received "svg" of type string$/ });
  await t.rejects(rasterizeSvg(square, { format: 'gif' as never, scale: 1 }), { parameter: 'format', message: /received "gif" of type string/ });
  await t.rejects(rasterizeSvg(square, { format: 'png', scale: 0.5 }), { parameter: 'scale', message: 'Expected a number from 1 to 3 for scale but received 0.5 of type number' });
  await t.rejects(rasterizeSvg(square, { format: 'png', scale: Number.NaN }), { name: 'RasterOptionError', parameter: 'scale' });
  await t.rejects(rasterizeSvg(square, { format: 'png', scale: '2' as never }), { message: /received "2" of type string/ });
  await t.rejects(rasterizeSvg('', { format: 'png', scale: 1 }), { name: 'RasterOptionError', parameter: 'svg' });
  t.throws(() => checkRasterOptions(square, null), RasterOptionError);
});

t.test('PNG (default), WebP, AVIF and JPEG at the SVG size times the scale', async (t) => {
  const expected = { png: 'png', webp: 'webp', avif: 'heif', jpeg: 'jpeg' } as const;
  for (const format of ['png', 'webp', 'avif', 'jpeg'] as const) {
    for (const scale of [1, 2, 2.5]) {
      const image = await rasterizeSvg(square, { format, scale });
      const metadata = await sharp(image).metadata();
      t.equal(metadata.format, expected[format], `${format} at ${scale}`);
      t.same([metadata.width, metadata.height], [Math.round(120 * scale), Math.round(80 * scale)], `${format} at ${scale}: size`);
    }
  }
});

t.test('pixels: the red rectangle is where the SVG puts it, at scale 2 too', async (t) => {
  const { data, info } = await sharp(await rasterizeSvg(square, { format: 'png', scale: 2 })).raw().toBuffer({ resolveWithObject: true });
  const at = (x: number, y: number) => Array.from(data.subarray((y * info.width + x) * info.channels, (y * info.width + x) * info.channels + 3));
  t.same(at(60, 40), [255, 0, 0], 'inside the rectangle (30, 20 in CSS px)');
  t.same(at(110, 70), [255, 255, 255], 'outside it');
});

t.test('text is set in a real font: glyphs leave dark pixels', async (t) => {
  const text = '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="40" font-family="\'DejaVu Sans\', sans-serif"><rect width="200" height="40" fill="#fff"/><text x="10" y="28" font-size="20" fill="#000">memplot 12.5 MiB</text></svg>';
  const { data, info } = await sharp(await rasterizeSvg(text, { format: 'png', scale: 1 })).greyscale().raw().toBuffer({ resolveWithObject: true });
  let dark = 0;
  for (let i = 0; i < data.length; i += info.channels) if (data[i] < 96) dark += 1;
  t.ok(dark > 300, `${dark} dark pixels: glyphs were drawn`);
  t.ok(dark < 200 * 40 * 0.4, 'and not a filled box (a missing-glyph font)');
});

t.test('limits: an image over maxPixels is refused before it is drawn; timeoutSeconds stops native work', async (t) => {
  await t.rejects(rasterizeSvg(square, { format: 'png', scale: 2, maxPixels: 120 * 80 * 4 - 1 }), /pixel limit/);
  t.ok((await rasterizeSvg(square, { format: 'png', scale: 2, maxPixels: 120 * 80 * 4 })).length > 0, 'at the bound it is drawn');
  await t.rejects(rasterizeSvg(square, { format: 'png', scale: 1, maxPixels: 0 }), { parameter: 'maxPixels', message: 'Expected a positive integer number of pixels for maxPixels but received 0 of type number' });
  await t.rejects(rasterizeSvg(square, { format: 'png', scale: 1, timeoutSeconds: 0.5 }), { parameter: 'timeoutSeconds', message: /from 0 \(no limit\) to 3600 for timeoutSeconds but received 0.5/ });
  // 12288² pixels of fine lines through AVIF: tens of seconds of libvips work without the timeout.
  const lines = Array.from({ length: 400 }, (_, i) => `<path d="M0 ${i * 10} L4096 ${4096 - i * 10}" stroke="#${(i * 2654435).toString(16).slice(-6).padStart(6, '0')}"/>`).join('');
  const big = `<svg xmlns="http://www.w3.org/2000/svg" width="4096" height="4096">${lines}</svg>`;
  await t.rejects(rasterizeSvg(big, { format: 'avif', scale: 3, timeoutSeconds: 1 }), /killed|timeout/i, 'stopped by libvips');
});
