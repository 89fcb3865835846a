import type { FastifyPluginAsync } from 'fastify';
import { RouteNotFound } from '../src/http/errors.js';
import { wantsHtml } from '../src/http/negotiation.js';
import { indexPage } from '../src/http/pages/index-page.js';

/** GET /: the upload page for browsers; API clients get what they always got (404 ROUTE_NOT_FOUND). */
const pages: FastifyPluginAsync = async (fastify) => {
  const html = indexPage();
  fastify.get('/', { schema: { tags: ['pages'], summary: 'The upload page (HTML, for clients that ask for text/html)' } }, async (request, reply) => {
    reply.header('vary', 'Accept');
    if (!wantsHtml(request.headers.accept)) throw new RouteNotFound(request.method, '/');
    await reply.helmet();
    return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(html);
  });
};

export default pages;
