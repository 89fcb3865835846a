/**
 * Test helpers for the HTTP app: build(t) gives a ready app (closed in teardown) with its own
 * temporary cache directory; listen(t) the same on a real socket at 127.0.0.1.
 */
// @fastify/autoload loads plugins/ and routes/ as TypeScript only when it knows a loader is
// present; tap runs node with --import=tsx, which it cannot see.
process.env.FASTIFY_AUTOLOAD_TYPESCRIPT = '1';

import Fastify, { type FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import app, { type AppOptions } from '../src/app.js';
import { loadConfig, type Config } from '../src/http/config.js';
import { answerClientError } from '../src/http/client-error.js';
import { fixturePath } from './fixtures.js';

export { fixturePath };

interface Teardown {
  teardown(fn: () => unknown): void;
}

interface TestLike extends Teardown {
  fail(message: string): unknown;
}

export function tempDir(t: Teardown, prefix = 'memplot-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/**
 * The default configuration with a private cache directory, quiet logs, and the given overrides.
 * Shedding on event-loop delay is off: on a loaded CI machine (tap runs test files in parallel,
 * tsx compiles modules on first import) a test's own start-up can block the loop past the default
 * 1 s and shed its next request with 503. The test of that shedding turns it on itself.
 */
export function testConfig(t: Teardown, overrides: Partial<Config> = {}): Config {
  return { ...loadConfig({}), cacheDir: tempDir(t), logLevel: 'silent', maxEventLoopDelayMs: 0, ...overrides };
}

export interface BuildOptions extends Omit<AppOptions, 'config'> {
  config?: Partial<Config>;
  /** Let a test provoke a 5xx on purpose (otherwise any 5xx but 503 fails the test). */
  allowServerErrors?: boolean;
  /** Close the app when the test ends (default true). */
  closeInTeardown?: boolean;
}

/** A ready app (not listening) for app.inject; closed when the test ends. */
export async function build(t: TestLike, options: BuildOptions = {}): Promise<FastifyInstance> {
  const config = testConfig(t, options.config);
  const fastify = Fastify({ logger: process.env.LOG_LEVEL ? { level: process.env.LOG_LEVEL } : false, trustProxy: config.trustProxy, clientErrorHandler: answerClientError });
  // No request may end in a server error: a 500 fails the test that caused it (503 is load shedding).
  fastify.addHook('onResponse', async (request, reply) => {
    if (!options.allowServerErrors && reply.statusCode >= 500 && reply.statusCode !== 503) t.fail(`${request.method} ${request.url} answered ${reply.statusCode}`);
  });
  // As server.ts does: the app's decorations (config, store, profiles, metrics) on the root instance.
  await fastify.register(fp(app), { config, store: options.store, render: options.render, renderOverlay: options.renderOverlay });
  await fastify.ready();
  if (options.closeInTeardown !== false) t.teardown(() => fastify.close());
  return fastify;
}

/** The same app listening on a free port at 127.0.0.1; returns its base URL. */
export async function listen(t: TestLike, options: BuildOptions = {}): Promise<{ app: FastifyInstance; url: string }> {
  const fastify = await build(t, options);
  const url = await fastify.listen({ port: 0, host: '127.0.0.1' });
  return { app: fastify, url };
}

/** A multipart/form-data body with one file part and optional fields (for inject). */
export function multipartBody(file: Buffer, fields: Record<string, string> = {}, fileField = 'file', fieldsAfter = false) {
  const boundary = `----memplot${Math.random().toString(16).slice(2)}`;
  const fieldParts = Object.entries(fields).map(([name, value]) =>
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
  );
  const filePart = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${fileField}"; filename="x.mem"\r\nContent-Type: application/octet-stream\r\n\r\n`),
    file,
    Buffer.from('\r\n'),
  ]);
  const parts = fieldsAfter ? [filePart, ...fieldParts] : [...fieldParts, filePart];
  return {
    payload: Buffer.concat([...parts, Buffer.from(`--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

/** The bytes of a fixture, and its id (sha256 of the uncompressed bytes, as sha256sum prints it). */
export function fixture(name: string): { bytes: Buffer; id: string } {
  const bytes = readFileSync(fixturePath(name));
  return { bytes, id: createHash('sha256').update(bytes).digest('hex') };
}

export const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** A multipart body of several file parts (each `field` with its bytes), in order, then `fields`. */
export function multipartFiles(files: Array<{ field: string; bytes: Buffer; filename?: string }>, fields: Record<string, string> = {}) {
  const boundary = `----memplot${Math.random().toString(16).slice(2)}`;
  const parts = files.map(({ field, bytes, filename }) =>
    Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename ?? 'upload'}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
      bytes,
      Buffer.from('\r\n'),
    ]),
  );
  const fieldParts = Object.entries(fields).map(([name, value]) => Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  return {
    payload: Buffer.concat([...parts, ...fieldParts, Buffer.from(`--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}
