import fp from 'fastify-plugin';
import type { AppOptions } from '../src/app.js';
import { loadConfig, type Config } from '../src/http/config.js';

declare module 'fastify' {
  interface FastifyInstance {
    config: Config;
  }
}

/** The validated configuration: given by the caller (tests, server.ts) or read from the environment. */
export default fp(
  async (fastify, opts: AppOptions) => {
    fastify.decorate('config', opts.config ?? loadConfig());
  },
  { name: 'config' },
);
