import t from 'tap';
import { readFileSync } from 'node:fs';
import { CONFIG_VARIABLES, ConfigError, loadConfig, parseByteSize } from '../../src/http/config.js';

t.test('defaults', async (t) => {
  const config = loadConfig({}, '/srv');
  t.equal(config.port, 8080);
  t.equal(config.host, '0.0.0.0');
  t.equal(config.cacheDir, '/srv/.memplot-cache');
  t.equal(config.maxUploadBytes, 4 * 1024 ** 3);
  t.equal(config.redisUrl, null);
  t.same(config.apiTokens, []);
  t.ok(config.renderConcurrency >= 1);
  t.equal(config.renderWarmWorkers, 0, 'no render worker is kept loaded while idle');
  t.equal(config.renderIdleMs, 60_000);
});

t.test('values from the environment', async (t) => {
  const config = loadConfig(
    {
      PORT: '9000',
      MEMPLOT_CACHE_MAX_BYTES: '512MiB',
      MEMPLOT_MAX_UPLOAD_BYTES: '1G',
      MEMPLOT_REDIS_URL: 'redis://cache:6379/0',
      MEMPLOT_API_TOKENS: 'aaaaaaaaaaaaaaaa, bbbbbbbbbbbbbbbbbbbb',
      MEMPLOT_RENDER_CONCURRENCY: '3',
      MEMPLOT_PUBLIC_URL: 'https://memplot.example.com/',
    },
    '/srv',
  );
  t.equal(config.port, 9000);
  t.equal(config.cacheMaxBytes, 512 * 1024 ** 2);
  t.equal(config.maxUploadBytes, 1024 ** 3);
  t.equal(config.redisUrl, 'redis://cache:6379/0');
  t.same(config.apiTokens, ['aaaaaaaaaaaaaaaa', 'bbbbbbbbbbbbbbbbbbbb']);
  t.equal(config.renderConcurrency, 3);
  t.equal(config.publicUrl, 'https://memplot.example.com');
});

t.test('every bad value is reported at once, naming the variable', async (t) => {
  const error = t.throws(() =>
    loadConfig({ PORT: 'eighty', MEMPLOT_CACHE_MAX_BYTES: 'lots', MEMPLOT_REDIS_URL: 'http://x', MEMPLOT_API_TOKENS: 'short', LOG_LEVEL: 'loud' }),
  ) as ConfigError;
  t.ok(error instanceof ConfigError);
  t.equal(error.problems.length, 5);
  t.match(error.message, /PORT: expected an integer from 0 to 65535, received "eighty"/);
  t.match(error.message, /MEMPLOT_CACHE_MAX_BYTES: .*received "lots"/);
  t.match(error.message, /MEMPLOT_REDIS_URL: expected a URL starting with redis:\/\/ or rediss:\/\//);
  t.match(error.message, /MEMPLOT_API_TOKENS: each token needs at least 16 characters/);
  t.match(error.message, /LOG_LEVEL/);
});

t.test('warm render workers: at most the render threads and the express one', async (t) => {
  const config = loadConfig({ MEMPLOT_RENDER_CONCURRENCY: '3', MEMPLOT_RENDER_WARM_WORKERS: '4', MEMPLOT_RENDER_IDLE_MS: '5000' });
  t.same([config.renderWarmWorkers, config.renderIdleMs], [4, 5000]);
  const error = t.throws(() => loadConfig({ MEMPLOT_RENDER_CONCURRENCY: '3', MEMPLOT_RENDER_WARM_WORKERS: '5', MEMPLOT_RENDER_IDLE_MS: '10' })) as ConfigError;
  t.equal(error.problems.length, 2);
  t.match(error.message, /MEMPLOT_RENDER_WARM_WORKERS: expected at most MEMPLOT_RENDER_CONCURRENCY \+ 1 \(4: the render threads and the express one\), received 5/);
  t.match(error.message, /MEMPLOT_RENDER_IDLE_MS: expected an integer from 1000 to 86400000, received "10"/);
});

t.test('byte sizes', async (t) => {
  t.equal(parseByteSize('1024'), 1024);
  t.equal(parseByteSize('4GiB'), 4 * 1024 ** 3);
  t.equal(parseByteSize('1.5 MB'), 1_500_000);
  t.equal(parseByteSize('12 parsecs'), null);
  t.equal(parseByteSize('-1'), null);
});

t.test('docs/http.md documents every variable as the code defines it', async (t) => {
  const doc = readFileSync(new URL('../../docs/http.md', import.meta.url), 'utf8');
  for (const [name, fallback, meaning] of CONFIG_VARIABLES) t.match(doc, `| \`${name}\` | ${fallback} | ${meaning} |`, name);
  const env = Object.fromEntries(CONFIG_VARIABLES.map(([name]) => [name, undefined]));
  t.doesNotThrow(() => loadConfig(env), 'every documented variable may be left unset');
});
