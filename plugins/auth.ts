import { createHash, timingSafeEqual } from 'node:crypto';
import fp from 'fastify-plugin';
import { Unauthorized } from '../src/http/errors.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route takes an upload: it needs a bearer token when MEMPLOT_API_TOKENS is set. */
    upload?: boolean;
  }
}

const digest = (text: string) => createHash('sha256').update(text).digest();

/**
 * Bearer tokens for uploads when MEMPLOT_API_TOKENS is set, checked before the body is read
 * (a refusal closes the connection unread: plugins/uploads.ts).
 * GETs by id stay open: ids are unguessable, and dashboards embed them.
 */
export default fp(
  async (fastify) => {
    const tokens = fastify.config.apiTokens.map(digest);
    if (tokens.length === 0) return;
    fastify.addHook('onRequest', async (request, reply) => {
      if (!request.routeOptions.config.upload) return;
      const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '');
      // Compare digests in constant time so the comparison leaks nothing about the tokens.
      const given = match ? digest(match[1]) : null;
      if (given && tokens.some((token) => timingSafeEqual(token, given))) {
        request.clientId = `token:${given.toString('hex', 0, 8)}`; // per-token limits, without keeping the token
        return;
      }
      reply.header('www-authenticate', 'Bearer realm="memplot"');
      throw new Unauthorized();
    });
  },
  // After uploads: its declared-length check (413) comes before the token check.
  { name: 'auth', dependencies: ['config', 'uploads'] },
);
