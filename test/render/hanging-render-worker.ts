/**
 * The render pool's worker for tests, with one addition: a chart titled "spin forever" never
 * ends (a busy loop, as a pathological render would be), so only terminating the thread stops it.
 */
import renderTask, { type CorruptSummary, type RenderTask, type WarmUpTask } from '../../src/render/render-pool-worker.js';

export default function hangOrRender(task: RenderTask | WarmUpTask): Promise<Uint8Array | CorruptSummary | null> {
  if (!('warmUp' in task) && task.options.title === 'spin forever') for (;;);
  return renderTask(task);
}
