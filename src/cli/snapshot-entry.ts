/**
 * The CLI as a V8 start-up snapshot (built by build-snapshot.ts, run by bin/memplot.js): every
 * module is evaluated, jsdom's document created and one chart drawn when the snapshot is built,
 * so a run starts with the renderer loaded and its code compiled, and draws on this thread.
 * sharp, a native module, cannot be in a snapshot: it loads before the input is read when the
 * chart is a raster image, and starts its renderer then, in parallel with this thread.
 */
import v8 from 'node:v8';
import { summarizeMemStream } from '../aggregate/summarize.js';
import { RECORD_WORDS } from '../format/mem-format.js';
import { defaultPlotOptions } from '../options/plot-options.js';
import { renderChartSvg } from '../chart/render-chart-svg.js';
import { warmUpRasterizer } from '../raster/rasterize-svg.js';
import { prepareRenderer, renderPlot } from '../render/render-plot.js';
import { runCli } from './main.js';

/** A small memusage file: a program that allocates in waves over 1,000 calls. */
function sampleFile(): Uint8Array {
  const entries = 1000;
  const words = new Uint32Array((entries + 2) * RECORD_WORDS);
  words.set([0, 0, 0, 0, 1000, 0, 2_000_000, 0, 9000, 0, 1000 + entries * 50, 0]);
  for (let i = 0; i < entries; i++) {
    const heap = Math.round(1_000_000 * (1 + Math.sin(i / 40)) + i * 100);
    words.set([heap, 0, 4000 + (i % 17) * 300, 0, 1000 + i * 50, 0], (i + 2) * RECORD_WORDS);
  }
  return new Uint8Array(words.buffer);
}

/** Draws the sample file on both axes, so that the code of a plot is compiled into the snapshot. */
async function drawSample(): Promise<void> {
  async function* chunks(): AsyncGenerator<Uint8Array> {
    yield sampleFile();
  }
  const summary = await summarizeMemStream(chunks(), { hash: false });
  for (const axis of ['calls', 'time'] as const) renderChartSvg(summary, { ...defaultPlotOptions(), axis, total: true, title: 'warm-up' });
}

function main(): void {
  // A snapshot's process.argv has no script: [node, ...arguments].
  // process.stdin is made on first use (a few milliseconds): only `-` reads it.
  const io = {
    get stdin() {
      return process.stdin;
    },
    stdout: process.stdout,
    stderr: process.stderr,
  };
  // For a raster image, librsvg and fontconfig start on libuv's threads while this one draws the SVG.
  runCli(process.argv.slice(1), io, { render: renderPlot, prepareRaster: warmUpRasterizer }).then(
    (code) => void (process.exitCode = code),
  );
}

prepareRenderer();
// The builder runs the event loop until it is empty before it writes the snapshot.
drawSample().then(
  () => v8.startupSnapshot.setDeserializeMainFunction(main),
  (error: Error) => {
    throw error;
  },
);
