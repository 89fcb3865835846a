/**
 * A worker thread that loads the renderer (d3-node's jsdom and sharp: about half a second of
 * start-up) and draws plots sent to it, so that a caller can load it while its own thread reads
 * a large input.
 */
import { parentPort } from 'node:worker_threads';
import type { StoredProfile } from '../aggregate/summary.js';
import type { PlotOptions } from '../options/plot-options.js';
import { prepareRenderer, renderPlot } from './render-plot.js';

prepareRenderer();
parentPort!.on('message', (request: { summary: StoredProfile; options: PlotOptions }) => {
  renderPlot(request.summary, request.options).then(
    (plot) => parentPort!.postMessage({ plot }),
    (error: Error) => parentPort!.postMessage({ error: { name: error.name, message: error.message } }),
  );
});
