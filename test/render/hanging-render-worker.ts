/**
 * The render pool's worker for tests, with one addition: a chart titled "spin forever" never
 * ends (a busy loop, as a pathological render would be), so only terminating the thread stops it.
 */
import renderTask, { type RenderTask } from '../../src/render/render-pool-worker.js';

export default function hangOrRender(task: RenderTask): Promise<Uint8Array> {
  if (task.options.title === 'spin forever') for (;;);
  return renderTask(task);
}
