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

/**
 * The module `name` beside `importerUrl` as a worker-pool entry (piscina loads it with import()
 * from its own worker script): its path with the importer's extension and, from TypeScript
 * sources run without tsx among the process's options, the option that registers it in each
 * worker first. Otherwise execArgv is undefined: workers inherit the process's options (an explicit
 * list would be refused when it holds per-process flags such as --max-semi-space-size).
 */
export function workerModule(importerUrl: string, name: string): { filename: string; execArgv: string[] | undefined } {
  const extension = extname(fileURLToPath(importerUrl));
  const filename = fileURLToPath(new URL(`./${name}${extension}`, importerUrl));
  if (extension !== '.ts' || process.execArgv.some((arg) => arg.includes('tsx'))) return { filename, execArgv: undefined };
  return { filename, execArgv: ['--import=tsx'] };
}
