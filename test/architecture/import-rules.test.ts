/**
 * The import rules of ARCHITECTURE.md, checked over the import graph of every .ts file in src/,
 * routes/ and plugins/ (static imports and re-exports, side-effect imports, dynamic import()).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import t from 'tap';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
const TREES = ['src', 'routes', 'plugins'];

interface Edge {
  /** Importing file, relative to the project root (`src/cache/keys.ts`). */
  from: string;
  /** A project file relative to the root (`src/versions.ts`), or a package name (`fastify`, `@fastify/error`, `node:fs`). */
  to: string;
}

interface Rule {
  rule: string;
  applies: (from: string) => boolean;
  forbids: (to: string) => boolean;
}

const under = (...folders: string[]) => (path: string) => folders.some((folder) => path.startsWith(`${folder}/`));
const isFastify = (to: string) => to === 'fastify' || to === 'fastify-plugin' || to.startsWith('@fastify/');
const HTTP_LAYER = (from: string) => under('src/http', 'routes', 'plugins')(from) || from === 'src/app.ts' || from === 'src/server.ts';

const RULES: readonly Rule[] = [
  { rule: 'only src/http/, src/app.ts, src/server.ts, plugins/ and routes/ import fastify or @fastify/*', applies: (from) => !HTTP_LAYER(from), forbids: isFastify },
  { rule: 'src/ never imports routes/ or plugins/', applies: under('src'), forbids: under('routes', 'plugins') },
  { rule: 'the domain and the service never import src/http/', applies: (from) => under('src')(from) && !HTTP_LAYER(from), forbids: under('src/http') },
  { rule: 'src/chart/ never imports cache/, raster/, render/ or service/', applies: under('src/chart'), forbids: under('src/cache', 'src/raster', 'src/render', 'src/service') },
  { rule: 'src/cache/ never imports render/, chart/, raster/ or service/', applies: under('src/cache'), forbids: under('src/render', 'src/chart', 'src/raster', 'src/service') },
  { rule: 'src/aggregate/, src/format/ and src/options/ never import the drawing, the cache or the service', applies: under('src/aggregate', 'src/format', 'src/options'), forbids: under('src/chart', 'src/raster', 'src/render', 'src/cache', 'src/service') },
  {
    rule: 'src/compare/ imports only aggregate/ (stats types, the tick rate) and chart/byte-format.ts',
    applies: under('src/compare'),
    forbids: (to) => to.startsWith('src/') && !under('src/compare', 'src/aggregate')(to) && to !== 'src/chart/byte-format.ts' && to !== 'src/chart/nice-ticks.ts',
  },
  { rule: 'only src/raster/ imports sharp', applies: (from) => !under('src/raster')(from), forbids: (to) => to === 'sharp' },
];

const SPECIFIERS = [
  /(?:^|[\s;])(?:import|export)\s[^;]*?\sfrom\s*['"]([^'"]+)['"]/g,
  /(?:^|[\s;])import\s*['"]([^'"]+)['"]/g,
  /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
];

/** What `file` imports, from its text. */
function importsOf(file: string, text: string): Edge[] {
  const edges: Edge[] = [];
  for (const pattern of SPECIFIERS) {
    for (const match of text.matchAll(pattern)) {
      const specifier = match[1];
      const to = specifier.startsWith('.') ? posix.normalize(posix.join(posix.dirname(file), specifier)).replace(/\.js$/, '.ts') : packageName(specifier);
      edges.push({ from: file, to });
    }
  }
  return edges;
}

function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

function violations(edges: readonly Edge[]): string[] {
  const found: string[] = [];
  for (const edge of edges) {
    for (const { rule, applies, forbids } of RULES) {
      if (applies(edge.from) && forbids(edge.to)) found.push(`${edge.from} imports ${edge.to}: ${rule}`);
    }
  }
  return found;
}

function sourceFiles(folder: string): string[] {
  return readdirSync(join(ROOT, folder), { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.ts'))
    .map((name) => posix.join(folder, name.split('\\').join('/')));
}

t.test('every import in src/, routes/ and plugins/ keeps the rules of ARCHITECTURE.md', async (t) => {
  const files = TREES.flatMap(sourceFiles);
  const edges = files.flatMap((file) => importsOf(file, readFileSync(join(ROOT, file), 'utf8')));
  t.ok(files.includes('src/app.ts') && files.includes('src/chart/render-chart-svg.ts'), `read ${files.length} files under ${TREES.join(', ')}`);
  t.ok(edges.some((edge) => edge.from === 'routes/profiles.ts' && edge.to === 'fastify'), 'the parser finds type-only package imports');
  t.ok(edges.some((edge) => edge.from === 'src/cache/keys.ts' && edge.to === 'src/versions.ts'), 'the parser resolves relative imports');
  t.same(violations(edges), []);
  const missing = edges.filter((edge) => edge.to.startsWith('src/') && !files.includes(edge.to) && edge.to.endsWith('.ts'));
  t.same(missing.map((edge) => `${edge.from} → ${edge.to}`), [], 'every relative import names a file of the tree');
});

t.test('a forbidden import is reported with the rule it breaks', async (t) => {
  const multiLine = "import {\n  renderHash,\n} from '../cache/keys.js';\nconst sharp = await import('sharp');\nexport type { FastifyInstance } from 'fastify';\n";
  const edges = importsOf('src/chart/legend.ts', multiLine);
  t.same(edges.map((edge) => edge.to).sort(), ['fastify', 'sharp', 'src/cache/keys.ts']);
  t.same(violations(edges).sort(), [
    'src/chart/legend.ts imports fastify: only src/http/, src/app.ts, src/server.ts, plugins/ and routes/ import fastify or @fastify/*',
    'src/chart/legend.ts imports sharp: only src/raster/ imports sharp',
    'src/chart/legend.ts imports src/cache/keys.ts: src/chart/ never imports cache/, raster/, render/ or service/',
  ]);
});

t.test('src/compare/ may read the stats and byte formatting, nothing that draws, caches or serves', async (t) => {
  const text = "import type { ProfileStats } from '../aggregate/summary.js';\nimport { formatBinaryBytes } from '../chart/byte-format.js';\nimport { FORMATS } from '../render/formats.js';\nimport { textWidth } from '../chart/text-metrics.js';\n";
  t.same(violations(importsOf('src/compare/report.ts', text)).map((v) => v.split(':')[0]), ['src/compare/report.ts imports src/render/formats.ts', 'src/compare/report.ts imports src/chart/text-metrics.ts']);
});
