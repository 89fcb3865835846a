import type { Worker } from 'node:worker_threads';
import type { StoredProfile } from '../aggregate/summary.js';
import type { PlotOptions } from '../options/plot-options.js';
import { startWorker } from '../worker/start-worker.js';

/**
 * The renderer on its own thread: started first, it loads while the caller's thread reads the
 * input, then draws one plot at a time. For the CLI, where loading the renderer on the reading
 * thread would add its start-up to the pass.
 */
export class RenderWorker {
  private readonly worker: Worker;
  private failure: Error | null = null;

  constructor() {
    this.worker = startWorker(import.meta.url, 'render-worker', null);
    this.worker.on('error', (error) => (this.failure ??= error));
  }

  render(summary: StoredProfile, options: PlotOptions): Promise<{ body: Buffer; contentType: string }> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      const onExit = (code: number) => reject(this.failure ?? new Error(`render worker exited with code ${code}`));
      this.worker.once('exit', onExit);
      this.worker.once('message', (reply: { plot?: { body: Uint8Array; contentType: string }; error?: { name: string; message: string } }) => {
        this.worker.off('exit', onExit);
        if (reply.error) reject(Object.assign(new Error(reply.error.message), { name: reply.error.name }));
        else resolve({ body: Buffer.from(reply.plot!.body), contentType: reply.plot!.contentType });
      });
      this.worker.postMessage({ summary, options });
    });
  }

  close(): Promise<number> {
    return this.worker.terminate();
  }
}
