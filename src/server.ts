/**
 * Starts the memplot HTTP service: configuration from the environment (validated, exit 1 with
 * every problem listed), pino logs with request ids (pretty only on a terminal), timeouts,
 * graceful shutdown on SIGINT/SIGTERM.
 */
import './render/threadpool-size.js'; // first: before anything starts libuv's thread pool
import Fastify from 'fastify';
import fp from 'fastify-plugin';
import { randomUUID } from 'node:crypto';
import app from './app.js';
import { ConfigError, loadConfig, type Config } from './http/config.js';
import { answerClientError } from './http/client-error.js';

const SHUTDOWN_GRACE_MS = 25_000;

function readConfig(): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`memplot: ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}

const config = readConfig();

const server = Fastify({
  logger: {
    level: config.logLevel,
    redact: ['req.headers.authorization'],
    ...(process.stdout.isTTY ? { transport: { target: 'pino-pretty', options: { translateTime: 'HH:MM:ss.l', ignore: 'pid,hostname' } } } : {}),
  },
  // Keep a caller's request id (e.g. from a proxy) when it looks sane; otherwise make one.
  requestIdHeader: false,
  genReqId: (req) => {
    const given = req.headers['x-request-id'];
    return typeof given === 'string' && /^[\w.:-]{1,128}$/.test(given) ? given : randomUUID();
  },
  // Socket inactivity (a stalled upload) and the whole request (a 4 GiB upload included).
  connectionTimeout: config.idleTimeoutMs,
  requestTimeout: config.requestTimeoutMs,
  keepAliveTimeout: 72_000,
  forceCloseConnections: 'idle',
  // Requests the HTTP parser refuses: answered in the service's JSON, with Connection: close.
  clientErrorHandler: answerClientError,
  return503OnClosing: true,
  // The client's address (per-client limits) from X-Forwarded-For when behind trusted proxies.
  trustProxy: config.trustProxy,
});

/** A start-up failure (cache directory not writable, port taken...): one line, exit 1. Redis being down is not one (see plugins/store.ts). */
function failedToStart(error: unknown): never {
  process.stderr.write(`memplot: could not start: ${(error as Error)?.message ?? String(error)}\n`);
  process.exit(1);
}

// fp: the app's decorations and error handler on the root instance (fastify/demo's layout).
try {
  await server.register(fp(app), { config });
} catch (error) {
  failedToStart(error);
}

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) {
    server.log.warn({ signal }, 'second signal: exiting now');
    process.exit(1);
  }
  stopping = true;
  server.log.info({ signal }, 'shutting down: finishing requests in flight');
  const deadline = setTimeout(() => {
    server.log.error(`requests still running after ${SHUTDOWN_GRACE_MS} ms: exiting`);
    process.exit(1);
  }, SHUTDOWN_GRACE_MS);
  deadline.unref();
  try {
    await server.close();
    server.log.info('stopped');
    process.exit(0);
  } catch (error) {
    server.log.error({ err: error }, 'error while shutting down');
    process.exit(1);
  }
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('unhandledRejection', (reason) => {
  server.log.fatal({ err: reason }, 'unhandled rejection');
  process.exit(1);
});

try {
  await server.listen({ port: config.port, host: config.host });
} catch (error) {
  failedToStart(error);
}
