import cors from '@fastify/cors';
import fp from 'fastify-plugin';
import { CORS_EXPOSED_HEADERS } from '../src/http/helpers.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** false: this route answers without CORS headers (@fastify/cors reads it). */
    cors?: false;
  }
}

/**
 * Cross-origin reads: any page may fetch stats, charts and the docs (GET/HEAD, origin `*`, no
 * credentials), read the useful headers, and have its preflight answered 204. Uploads (POST) stay
 * same-origin: their responses carry no CORS headers and a preflight for POST is not granted, so a
 * page elsewhere cannot read what an upload answered (uploads come from CI jobs and curl).
 */
export default fp(
  async (fastify) => {
    // Before any route is added (routes/ loads after plugins/): POST routes opt out of CORS.
    fastify.addHook('onRoute', (route) => {
      const methods = Array.isArray(route.method) ? route.method : [route.method];
      if (methods.includes('POST')) route.config = { ...route.config, cors: false };
    });
    await fastify.register(cors, {
      origin: '*',
      methods: ['GET', 'HEAD'],
      exposedHeaders: [...CORS_EXPOSED_HEADERS],
      maxAge: 86400,
      optionsSuccessStatus: 204,
    });
  },
  { name: 'cors' },
);
