/**
 * Builds the CLI's start-up snapshot from the sources: esbuild bundles snapshot-entry.ts with
 * everything it imports into one CommonJS file (Node 20 snapshots one script), then
 * `node --build-snapshot` runs it and writes the heap to memplot.blob. Run by `npm run build`
 * (`node dist/src/cli/build-snapshot.js`); bin/memplot.js starts from the blob when it is there.
 *
 * What Node 20's snapshot builder cannot hold is deferred to run time, here and only here:
 * - sharp (native): loaded on first use, resolved from the modules root;
 * - node:http, node:https, node:tls, node:net and node:http2 (native state the builder cannot
 *   hold), which jsdom only reads for XMLHttpRequest and WebSocket, never used in a chart, and
 *   node:worker_threads (loaded in the builder, its workers find no shared cwd counter and fail):
 *   a module read while building gets stand-ins that fetch each member from the real module
 *   when used; at run time the real module's members are returned;
 * - the builder has no SharedArrayBuffer and no Array.prototype.toSorted (node:http needs it):
 *   stand-ins exist only while the modules load, and the SharedArrayBuffer byteLength check that
 *   webidl-conversions keeps defers to the real one at run time;
 * - `import.meta.url` (where a module lives, for the worker threads it starts) points at the
 *   compiled modules beside the snapshot, found from the `--snapshot-blob` path at run time.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'esbuild';

const ENTRY_SOURCE = 'src/cli/snapshot-entry.ts';

/** The project root (where the sources are: dist/ holds a copy of package.json but no .ts), from src/cli/ or from dist/src/cli/: the sources are bundled either way. */
function projectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, ENTRY_SOURCE))) {
    if (dirname(dir) === dir) throw new Error(`build-snapshot: no ${ENTRY_SOURCE} above this module`);
    dir = dirname(dir);
  }
  return dir;
}

const SOURCE_ROOT = projectRoot();

export interface SnapshotBuild {
  /** Directory of memplot.cjs and memplot.blob. */
  outDir: string;
  /** Where the modules that worker threads run live: the project root for sources, dist/ once built. */
  modulesRoot: string;
  /** Their extension: '.ts' from the sources (through tsx), '.js' from dist/. */
  moduleExtension: '.ts' | '.js';
}

/**
 * V8 flags of the builder and of every run (a snapshot loads only under the flags it was built
 * with). The snapshot's heap is over V8's first old-space limit, which made every run mark and
 * compact it before exiting; the young generation is kept at 2 MB, as `npm start` does for the
 * server, for less RSS on large files and less system time at a small file's start-up
 * (BENCHMARKS.md, Start-up).
 */
export const SNAPSHOT_NODE_FLAGS = ['--initial-old-space-size=64', '--max-semi-space-size=2'];

/**
 * The line bin/memplot.js reads from memplot.node: the Node binary's size and modification time
 * (`stat -L -c %s-%Y`: a snapshot loads only into the Node that built it), then the flags.
 */
function nodeIdentity(): string {
  const stat = statSync(process.execPath);
  return `${stat.size}-${Math.floor(stat.mtimeMs / 1000)} ${SNAPSHOT_NODE_FLAGS.join(' ')}\n`;
}

/** Code run before any module: the stand-ins and the run-time locations. */
function banner(build: SnapshotBuild): string {
  const modulesRoot = JSON.stringify(relative(build.outDir, build.modulesRoot));
  return `"use strict";
var __memplotBuildShims = [];
if (typeof SharedArrayBuffer === 'undefined') {
  const fakeByteLength = function () {
    const real = Object.getOwnPropertyDescriptor(globalThis.SharedArrayBuffer.prototype, 'byteLength').get;
    if (real === fakeByteLength) throw new TypeError('not a SharedArrayBuffer');
    return real.call(this);
  };
  globalThis.SharedArrayBuffer = class SharedArrayBuffer {};
  Object.defineProperty(globalThis.SharedArrayBuffer.prototype, 'byteLength', { get: fakeByteLength });
  __memplotBuildShims.push(() => delete globalThis.SharedArrayBuffer);
}
if (!Array.prototype.toSorted) {
  Object.defineProperty(Array.prototype, 'toSorted', { configurable: true, writable: true, value: function (compare) { return this.slice().sort(compare); } });
  __memplotBuildShims.push(() => delete Array.prototype.toSorted);
}
function __memplotModulesRoot() {
  const argv = process.execArgv;
  const at = argv.findIndex((a) => a === '--snapshot-blob' || a.startsWith('--snapshot-blob='));
  if (at < 0) throw new Error('memplot snapshot: started without --snapshot-blob');
  const blob = argv[at].includes('=') ? argv[at].slice(argv[at].indexOf('=') + 1) : argv[at + 1];
  return require('node:path').resolve(require('node:path').dirname(require('node:fs').realpathSync(blob)), ${modulesRoot});
}
function __memplotModuleUrl(path) {
  return require('node:url').pathToFileURL(require('node:path').join(__memplotModulesRoot(), path)).href;
}
`;
}

const FOOTER = 'for (const undo of __memplotBuildShims) undo();\n';

/** Modules that must load at run time, each replaced by a module that loads it on first use. */
const deferredModules: Plugin = {
  name: 'deferred-modules',
  setup(build) {
    build.onResolve({ filter: /^(node:)?(https?|tls|net|http2|worker_threads)$/ }, (args) =>
      args.namespace === 'deferred' ? { path: args.path, external: true } : { path: args.path.replace(/^node:/, ''), namespace: 'deferred' },
    );
    build.onResolve({ filter: /^sharp$/ }, () => ({ path: 'sharp', namespace: 'deferred' }));
    build.onLoad({ filter: /^sharp$/, namespace: 'deferred' }, () => ({
      loader: 'js',
      contents: `let sharp = null;
module.exports = function (...args) {
  sharp ??= require('node:module').createRequire(require('node:path').join(__memplotModulesRoot(), 'package.json'))('sharp');
  return sharp(...args);
};`,
    }));
    build.onLoad({ filter: /^(https?|tls|net|http2|worker_threads)$/, namespace: 'deferred' }, async (args) => {
      // Its export names, from this (normal) process: ES imports copy them when the bundle loads.
      const names = Object.keys(await import(`node:${args.path}`)).filter((name) => name !== 'default');
      return {
        loader: 'js',
        contents: `let real = null;
const load = () => (real ??= require(${JSON.stringify(`node:${args.path}`)}));
const member = (key) => new Proxy(function () {}, {
  get: (_, name) => load()[key][name],
  apply: (_, self, list) => Reflect.apply(load()[key], self, list),
  construct: (_, list, target) => Reflect.construct(load()[key], list, target),
});
const building = () => require('node:v8').startupSnapshot.isBuildingSnapshot();
for (const key of ${JSON.stringify(names)}) {
  Object.defineProperty(module.exports, key, { enumerable: true, get: () => (building() ? member(key) : load()[key]) });
}`,
      };
    });
  },
};

/** `import.meta.url` of a source module → the URL of its compiled twin under the modules root. */
function moduleUrls(build: SnapshotBuild): Plugin {
  return {
    name: 'module-urls',
    setup(esbuild) {
      esbuild.onLoad({ filter: /\.ts$/ }, (args) => {
        const source = readFileSync(args.path, 'utf8');
        if (!source.includes('import.meta.url')) return { loader: 'ts', contents: source };
        const path = relative(SOURCE_ROOT, args.path).replace(/\.ts$/, build.moduleExtension);
        return { loader: 'ts', contents: source.replaceAll('import.meta.url', `__memplotModuleUrl(${JSON.stringify(path)})`) };
      });
    },
  };
}

/** Whether this Node can run the CLI from a start-up snapshot (Node 20; Node 24 aborts in crypto, see buildCliSnapshot). */
export function snapshotSupported(version = process.versions.node): boolean {
  return Number(version.split('.')[0]) === 20;
}

/** Bundles and snapshots the CLI; returns the blob's path (memplot.node beside it says how to run it). Throws with the builder's output on failure. */
export async function buildCliSnapshot(build: SnapshotBuild): Promise<string> {
  if (!snapshotSupported()) {
    throw new Error(`start-up snapshots are built on Node 20 only (this is ${process.version}): on Node 24, loading node:crypto after the snapshot is deserialised aborts the process`);
  }
  const { build: bundle } = await import('esbuild');
  mkdirSync(build.outDir, { recursive: true });
  const script = join(build.outDir, 'memplot.cjs');
  const blob = join(build.outDir, 'memplot.blob');
  const identity = join(build.outDir, 'memplot.node');
  rmSync(identity, { force: true });
  await bundle({
    entryPoints: [join(SOURCE_ROOT, ENTRY_SOURCE)],
    outfile: script,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    logLevel: 'error',
    // The script's text is part of the snapshot: without comments and indentation it loads faster.
    minifyWhitespace: true,
    legalComments: 'none',
    // jsdom's optional native helpers, absent here: jsdom falls back when they do not load.
    external: ['canvas', 'bufferutil', 'utf-8-validate'],
    banner: { js: banner(build) },
    footer: { js: FOOTER },
    plugins: [deferredModules, moduleUrls(build)],
  });
  const run = spawnSync(process.execPath, [...SNAPSHOT_NODE_FLAGS, '--snapshot-blob', blob, '--build-snapshot', script], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`node --build-snapshot failed (${run.status ?? run.signal}):\n${run.stderr}`);
  writeFileSync(identity, nodeIdentity());
  return blob;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dist = join(SOURCE_ROOT, 'dist');
  buildCliSnapshot({ outDir: join(dist, 'snapshot'), modulesRoot: dist, moduleExtension: '.js' }).then(
    (blob) => console.log(`memplot: start-up snapshot ${relative(process.cwd(), blob)}`),
    (error: Error) => {
      console.error(`memplot: no start-up snapshot, the CLI will load its modules on each run: ${error.message}`);
    },
  );
}
