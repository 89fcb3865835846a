import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

/**
 * Starts a worker thread on the module `name` beside `importerUrl` (pass `import.meta.url`),
 * with the importer's extension: .ts under a TypeScript loader (the tests, through tsx), .js
 * once built. From TypeScript sources the worker registers the same loader itself first: Node 20
 * does not apply a parent's loader hooks to a worker's entry.
 */
export function startWorker(importerUrl: string, name: string, workerData: unknown): Worker {
  const extension = extname(fileURLToPath(importerUrl));
  const url = new URL(`./${name}${extension}`, importerUrl);
  if (extension !== '.ts') return new Worker(url, { workerData });
  const boot = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(url.href)}); })`;
  return new Worker(boot, { eval: true, workerData });
}
