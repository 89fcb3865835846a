import type { FastifyPluginAsync } from 'fastify';
import { wantsHtml } from '../src/http/negotiation.js';
import { renderOpenApiHtml } from '../src/http/openapi-html.js';

/** GET /docs: the OpenAPI document (JSON), or a readable page for browsers; GET /docs/openapi.json: always JSON. */
const docs: FastifyPluginAsync = async (fastify) => {
  let html: string | undefined;
  const schema = { tags: ['operations'], summary: 'This API as OpenAPI 3 (JSON; a readable page for browsers asking text/html)' };

  fastify.get('/docs', { schema }, async (request, reply) => {
    const spec = fastify.swagger();
    if (wantsHtml(request.headers.accept)) {
      html ??= renderOpenApiHtml(spec as never);
      reply.header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'").type('text/html; charset=utf-8');
      return html;
    }
    return reply.type('application/json; charset=utf-8').send(JSON.stringify(spec));
  });

  fastify.get('/docs/openapi.json', { schema: { ...schema, summary: 'This API as OpenAPI 3 (JSON)' } }, async (_request, reply) =>
    reply.type('application/json; charset=utf-8').send(JSON.stringify(fastify.swagger())),
  );
};

export default docs;
