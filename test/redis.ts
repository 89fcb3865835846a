/**
 * A private redis-server for tests: started on a free port in a temporary directory, stopped in
 * teardown. When the binary is missing the caller skips loudly (the CI installs Debian's redis-server).
 */
import { spawn, spawnSync } from 'node:child_process';
import { createServer, connect } from 'node:net';
import { tempDir } from './helper.js';

interface Test {
  teardown(fn: () => unknown): void;
}

export function redisServerPath(): string | null {
  const found = spawnSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' });
  return found.status === 0 ? found.stdout.trim() : null;
}

export const REDIS_MISSING =
  'redis-server is not installed: the Redis store tests were SKIPPED (apt-get install redis-server; .ci/run does)';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as { port: number }).port;
      server.close(() => resolve(port));
    });
  });
}

async function waitForPort(port: number, timeoutMs: number): Promise<void> {
  const started = Date.now();
  for (;;) {
    const ok = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (ok) return;
    if (Date.now() - started > timeoutMs) throw new Error(`redis-server did not listen on ${port} within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A redis-server on a fixed port that a test can stop (as in an outage) and start again. */
export interface RedisProcess {
  url: string;
  stop(): Promise<void>;
  start(): Promise<void>;
}

/** Starts redis-server (no persistence) on a free port; stopped when the test ends. */
export async function startRedisProcess(t: Test, binary: string): Promise<RedisProcess> {
  const dir = tempDir(t, 'memplot-redis-');
  const port = await freePort();
  let stopCurrent: (() => Promise<void>) | null = null;
  const redis: RedisProcess = {
    url: `redis://127.0.0.1:${port}`,
    async start() {
      const child = spawn(binary, ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'no'], {
        stdio: 'ignore',
      });
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      stopCurrent = async () => {
        child.kill('SIGTERM');
        await exited;
      };
      await waitForPort(port, 10_000);
    },
    async stop() {
      const stop = stopCurrent;
      stopCurrent = null;
      await stop?.();
    },
  };
  t.teardown(() => redis.stop());
  await redis.start();
  return redis;
}

/** Starts redis-server (no persistence) and returns its URL; stopped when the test ends. */
export async function startRedis(t: Test, binary: string): Promise<string> {
  return (await startRedisProcess(t, binary)).url;
}
