import t from 'tap';
import sharp from 'sharp';
import { summarizeMemFile } from '../../src/aggregate/summarize.js';
import { prepareRenderer, renderPlot } from '../../src/render/render-plot.js';
import { RENDERER_VERSION } from '../../src/versions.js';
import { defaultPlotOptions, type PlotOptions } from '../../src/options/plot-options.js';
import { fixturePath } from '../fixtures.js';

const options = (changes: Partial<PlotOptions> = {}): PlotOptions => ({ ...defaultPlotOptions(), ...changes });

t.test('SVG passes through as text; other formats are rasterised with their content type', async (t) => {
  prepareRenderer();
  prepareRenderer();
  const summary = await summarizeMemFile(fixturePath('ls.mem'));
  const svg = await renderPlot(summary, options({ format: 'svg' }));
  t.equal(svg.contentType, 'image/svg+xml; charset=utf-8');
  t.ok(svg.body.toString('utf8').startsWith('<svg xmlns="http://www.w3.org/2000/svg"'));
  const types = { png: 'image/png', webp: 'image/webp', avif: 'image/avif', jpeg: 'image/jpeg' } as const;
  for (const format of ['png', 'webp', 'avif', 'jpeg'] as const) {
    const image = await renderPlot(summary, options({ format, width: 400, height: 300 }));
    t.equal(image.contentType, types[format]);
    const metadata = await sharp(image.body).metadata();
    t.same([metadata.width, metadata.height], [400, 300], `${format} size`);
  }
  t.equal(RENDERER_VERSION, '4');
});

/** Share of pixels in a rectangle whose colour is within `tolerance` of rgb. */
function colourShare(data: Buffer, width: number, channels: number, box: { x0: number; y0: number; x1: number; y1: number }, rgb: number[], tolerance: number): number {
  let hits = 0;
  let pixels = 0;
  for (let y = box.y0; y < box.y1; y += 1) {
    for (let x = box.x0; x < box.x1; x += 1) {
      const i = (y * width + x) * channels;
      pixels += 1;
      if (Math.abs(data[i] - rgb[0]) <= tolerance && Math.abs(data[i + 1] - rgb[1]) <= tolerance && Math.abs(data[i + 2] - rgb[2]) <= tolerance) hits += 1;
    }
  }
  return hits / pixels;
}

t.test('javac -T -t -s javac: an 800×600 PNG with the heap line in the plot area and the title drawn', async (t) => {
  const summary = await summarizeMemFile(fixturePath('javac.mem'));
  const { body } = await renderPlot(summary, options({ total: true, axis: 'time', title: 'javac' }));
  const { data, info } = await sharp(body).raw().toBuffer({ resolveWithObject: true });
  t.same([info.width, info.height], [800, 600]);
  const heapBlue = [0x2f, 0x6f, 0xde];
  const plot = { x0: 100, y0: 80, x1: 700, y1: 540 };
  const heapShare = colourShare(data, info.width, info.channels, plot, heapBlue, 24);
  t.ok(heapShare > 0.002, `heap colour covers ${(heapShare * 100).toFixed(2)} % of the plot area`);
  const titleDark = colourShare(data, info.width, info.channels, { x0: 10, y0: 8, x1: 70, y1: 32 }, [0x1f, 0x23, 0x28], 60);
  t.ok(titleDark > 0.05, `title glyphs: ${(titleDark * 100).toFixed(1)} % dark pixels`);
  const emptyCorner = colourShare(data, info.width, info.channels, { x0: 700, y0: 8, x1: 790, y1: 30 }, [255, 255, 255], 2);
  t.ok(emptyCorner > 0.95, 'the top right corner stays background');
  const scaled = await renderPlot(summary, options({ total: true, axis: 'time', title: 'javac', scale: 2 }));
  const metadata = await sharp(scaled.body).metadata();
  t.same([metadata.width, metadata.height], [1600, 1200], 'scale 2: HiDPI pixels');
});

t.test('classic theme: memusagestat red heap, and the dark theme keeps its dark background', async (t) => {
  const summary = await summarizeMemFile(fixturePath('threads.mem'));
  const classic = await sharp((await renderPlot(summary, options({ theme: 'classic' }))).body).raw().toBuffer({ resolveWithObject: true });
  t.ok(colourShare(classic.data, 800, classic.info.channels, { x0: 100, y0: 80, x1: 700, y1: 540 }, [255, 0, 0], 30) > 0.002, 'red heap line');
  const dark = await sharp((await renderPlot(summary, options({ theme: 'dark' }))).body).raw().toBuffer({ resolveWithObject: true });
  t.ok(colourShare(dark.data, 800, dark.info.channels, { x0: 0, y0: 0, x1: 800, y1: 600 }, [0x16, 0x1a, 0x21], 4) > 0.5, 'mostly dark background');
});
