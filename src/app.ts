/**
 * The memplot HTTP app as a Fastify plugin: configuration, cache store, services and HTTP
 * concerns are autoloaded from plugins/, then the endpoints from routes/. One error handler
 * answers every failure as JSON `{error, message, hint?}`: honest 4xx for client mistakes,
 * masked 5xx for server faults (logged in full).
 */
import AutoLoad from '@fastify/autoload';
import type { FastifyInstance } from 'fastify';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CacheStore } from './cache/store.js';
import type { ProfileServiceOptions } from './service/profile-service.js';
import type { Config } from './http/config.js';
import { httpErrorReply, RouteNotFound } from './http/errors.js';
import { errorImageSpec, renderErrorImage } from './http/error-image.js';
import { SVG_CSP } from './http/helpers.js';
import { prefersText } from './http/negotiation.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** An image route: errors are answered as an image when the client wants one (src/http/error-image.ts). */
    errorImage?: boolean;
  }
}

export interface AppOptions {
  /** Validated configuration; default loadConfig(process.env). */
  config?: Config;
  /** A store to use instead of the one the configuration names (the caller closes it). */
  store?: CacheStore;
  /** Replaces the renderer (tests slow it down to fill the render queue). */
  render?: ProfileServiceOptions['render'];
  /** Replaces the renderer of charts of two runs (with `render`: the app then has no render pool). */
  renderOverlay?: ProfileServiceOptions['renderOverlay'];
}

// src/app.ts → the repository root; dist/src/app.js → dist/ (where plugins/ and routes/ are compiled).
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

export default async function app(fastify: FastifyInstance, opts: AppOptions): Promise<void> {
  fastify.setErrorHandler(async (error, request, reply) => {
    const { statusCode, body, headers } = httpErrorReply(error, { contentType: request.headers['content-type'] });
    if (statusCode >= 500 && statusCode !== 503) request.log.error({ err: error }, 'request failed');
    else request.log.info({ status: statusCode, error: body.error, reason: body.message }, 'request refused');
    for (const [name, value] of Object.entries(headers)) if (!reply.hasHeader(name)) reply.header(name, value);
    reply.removeHeader('content-security-policy');
    reply.removeHeader('etag');
    reply.removeHeader('cache-control');
    reply.code(statusCode).header('vary', 'Accept').header('x-memplot-error', body.error);
    const imageSpec = request.routeOptions.config?.errorImage
      ? errorImageSpec({ accept: request.headers.accept, pathFormat: (request.params as Record<string, unknown> | undefined)?.format, query: (request.query ?? {}) as Record<string, unknown> })
      : null;
    if (imageSpec) {
      try {
        const image = await renderErrorImage(imageSpec, { status: statusCode, code: body.error, message: body.message, hint: body.hint });
        if (imageSpec.format === 'svg') reply.header('content-security-policy', SVG_CSP);
        return reply.type(image.contentType).header('x-content-type-options', 'nosniff').send(image.body);
      } catch (drawError) {
        // Too many error images at once (or one failed to draw): the same error as JSON.
        request.log.warn({ err: drawError }, 'error image not drawn');
      }
    }
    // JSON for everyone, unless the client asks for plain text and not for JSON (a shell script with -H 'Accept: text/plain').
    if (prefersText(request.headers.accept)) {
      return reply.type('text/plain; charset=utf-8').send(`${body.error}: ${body.message}${body.hint ? `\nhint: ${body.hint}` : ''}\n`);
    }
    return reply.type('application/json; charset=utf-8').send(body);
  });

  // Every answer carries its request id, the key to its log lines.
  fastify.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  // 404 goes through the same error handler: the catalog's body, JSON or plain text as asked.
  fastify.setNotFoundHandler(async (request) => {
    throw new RouteNotFound(request.method, request.url.split('?')[0]);
  });

  await fastify.register(AutoLoad, { dir: join(ROOT, 'plugins'), options: opts, forceESM: true });
  await fastify.register(AutoLoad, { dir: join(ROOT, 'routes'), options: opts, forceESM: true });
}
