import t from 'tap';
import { Worker } from 'node:worker_threads';
import { readFileSync } from 'node:fs';

/** The nice value of a thread, from /proc (field 19 of stat). */
function niceOf(tid: number): number {
  const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
}

t.test('a worker lowers its own priority and no other thread', { skip: process.platform !== 'linux' && 'Linux only' }, async (t) => {
  const url = new URL('../../src/worker/thread-priority.ts', import.meta.url).href;
  const boot = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(url)}); }).then(({ lowerThisThreadPriority }) => {
    const { parentPort } = require('node:worker_threads');
    const tid = Number(/task\\/(\\d+)$/.exec(require('node:fs').readlinkSync('/proc/thread-self'))[1]);
    parentPort.postMessage({ lowered: lowerThisThreadPriority(), tid });
    setTimeout(() => {}, 200);
  })`;
  const worker = new Worker(boot, { eval: true });
  const { lowered, tid } = await new Promise<{ lowered: boolean; tid: number }>((resolve) => worker.once('message', resolve));
  t.equal(lowered, true);
  t.equal(niceOf(tid), 10, 'the worker thread runs at nice 10');
  t.equal(niceOf(process.pid), 0, 'the main thread keeps its priority');
  await worker.terminate();
});
