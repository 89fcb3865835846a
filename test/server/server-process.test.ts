/**
 * src/server.ts as a process: configuration errors stop it with a clear message, it logs JSON
 * with request ids, keeps sane request ids from the caller, and stops cleanly on SIGTERM.
 */
import t from 'tap';
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tempDir } from '../helper.js';

const SERVER = fileURLToPath(new URL('../../src/server.ts', import.meta.url));

function start(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', SERVER], {
    env: { ...process.env, FASTIFY_AUTOLOAD_TYPESCRIPT: '1', LOG_LEVEL: 'info', HOST: '127.0.0.1', PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const listening = new Promise<string>((resolve, reject) => {
    const check = () => {
      const match = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(stdout);
      if (match) resolve(match[1]);
    };
    child.stdout.on('data', check);
    void exited.then(() => reject(new Error(`exited before listening: ${stderr}`)));
  });
  listening.catch(() => undefined); // only the tests that wait for it care
  return { child, exited, listening, output: () => ({ stdout, stderr }) };
}

t.test('a bad configuration stops the process with every problem named', async (t) => {
  const server = start({ PORT: 'http', MEMPLOT_MAX_UPLOAD_BYTES: 'huge', MEMPLOT_CACHE_DIR: tempDir(t) });
  t.equal(await server.exited, 1);
  const { stderr } = server.output();
  t.match(stderr, /memplot: invalid configuration/);
  t.match(stderr, /PORT: expected an integer/);
  t.match(stderr, /MEMPLOT_MAX_UPLOAD_BYTES: expected a size in bytes/);
});

t.test('serves, logs JSON with request ids, stops cleanly on SIGTERM', async (t) => {
  const server = start({ MEMPLOT_CACHE_DIR: tempDir(t) });
  t.teardown(() => server.child.kill('SIGKILL'));
  const url = await server.listening;
  const health = await fetch(`${url}/healthz`, { headers: { 'x-request-id': 'ci-job-42.step:3' } });
  t.equal(health.status, 200);
  t.equal(health.headers.get('x-request-id'), 'ci-job-42.step:3', 'a sane caller id is kept');
  const odd = await fetch(`${url}/healthz`, { headers: { 'x-request-id': 'x'.repeat(300) } });
  t.match(odd.headers.get('x-request-id'), /^[0-9a-f-]{36}$/, 'an unreasonable one is replaced');
  server.child.kill('SIGTERM');
  t.equal(await server.exited, 0);
  const lines = server.output().stdout.trim().split('\n').map((line) => JSON.parse(line));
  t.ok(lines.some((l) => l.reqId === 'ci-job-42.step:3' && l.msg === 'request completed'), 'request lines carry the id');
  t.ok(lines.some((l) => l.msg === 'stopped'), 'says it stopped');
});

t.test('Redis down at start: starts degraded, says so in one line, /healthz 503', async (t) => {
  const server = start({ MEMPLOT_REDIS_URL: 'redis://127.0.0.1:1' });
  t.teardown(() => server.child.kill('SIGKILL'));
  const url = await server.listening;
  const health = await fetch(`${url}/healthz`);
  t.equal(health.status, 503);
  t.equal(((await health.json()) as { error: string }).error, 'STORE_UNAVAILABLE');
  const lines = server.output().stdout.trim().split('\n').map((line) => JSON.parse(line));
  t.ok(lines.some((l) => l.level === 50 && /starting degraded/.test(l.msg)), 'one error line says it started degraded');
});

t.test('a cache directory that cannot be created: one line on stderr, exit 1', async (t) => {
  const file = join(tempDir(t), 'a-file');
  writeFileSync(file, '');
  const server = start({ MEMPLOT_CACHE_DIR: join(file, 'cache') });
  t.equal(await server.exited, 1);
  const { stderr } = server.output();
  t.match(stderr, /^memplot: could not start: ENOTDIR.*a-file\/cache.*\n$/);
});
