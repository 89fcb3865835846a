import fp from 'fastify-plugin';
import helmet from '@fastify/helmet';
import { RouteNotFound } from '../src/http/errors.js';
import { codedEtag, negotiateContentCoding } from '../src/http/content-coding.js';
import { etagMatches } from '../src/http/helpers.js';
import { loadWebAssets, PAGE_CSP_DIRECTIVES } from '../src/http/pages/assets.js';
import { WEB_PREFIX } from '../src/http/pages/html.js';

/**
 * What the HTML pages need: helmet's headers and CSP for page replies only (`reply.helmet()`; the
 * API's headers stay as they were), and their assets under /web/ (web/'s modules and styles, D3,
 * the charts' theme), held in memory and compressed once per coding (the coded-body cache), so a
 * crowd of browsers costs no compression per request. Assets are revalidated (ETag, 304) rather
 * than kept: a new version of the service must not run with yesterday's scripts.
 */
export default fp(
  async (fastify) => {
    await fastify.register(helmet, {
      global: false,
      contentSecurityPolicy: { useDefaults: false, directives: PAGE_CSP_DIRECTIVES as unknown as Record<string, string[]> },
      crossOriginEmbedderPolicy: false,
      // Whether the service is reached over HTTPS is the proxy's business, not the page's.
      strictTransportSecurity: false,
    });
    const assets = loadWebAssets();
    fastify.get(`${WEB_PREFIX}*`, { schema: { hide: true } }, async (request, reply) => {
      const path = request.url.split('?')[0];
      const asset = assets.get(path);
      if (!asset) throw new RouteNotFound(request.method, path);
      const coding = negotiateContentCoding(request.headers['accept-encoding']);
      const etag = codedEtag(asset.hash, coding);
      reply.header('vary', 'Accept-Encoding').header('cache-control', 'no-cache').header('etag', etag).header('x-content-type-options', 'nosniff');
      if (etagMatches(request.headers['if-none-match'], etag)) return reply.code(304).send();
      reply.type(asset.contentType);
      if (!coding) return reply.send(asset.body);
      return reply.header('content-encoding', coding).send(await fastify.codedBodies.encode(asset.hash, asset.body, coding));
    });
  },
  { name: 'pages', dependencies: ['compression'] },
);
