import fp from 'fastify-plugin';
import helmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import { readFileSync } from 'node:fs';
import { D3_FILE, PAGE_CSP_DIRECTIVES, WEB_DIR } from '../src/http/pages/assets.js';
import { D3_PATH, THEME_CSS_PATH, WEB_PREFIX } from '../src/http/pages/html.js';
import { themeCss } from '../src/http/pages/theme-css.js';

/**
 * What the HTML pages need: helmet's headers and CSP for page replies only (`reply.helmet()`; the
 * API's headers stay as they were), the browser modules and styles of web/ under /web/, D3 from
 * node_modules and the charts' theme as CSS. Assets are revalidated (ETag) rather than kept: a new
 * version of the service must not run with yesterday's scripts.
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
    await fastify.register(fastifyStatic, { root: WEB_DIR, prefix: WEB_PREFIX, cacheControl: true, maxAge: 0, immutable: false, index: false, list: false, schemaHide: true, allowedPath: (path) => /\.(js|css)$/.test(path) });
    const d3 = readFileSync(D3_FILE);
    const theme = themeCss();
    const schema = { hide: true } as const;
    fastify.get(D3_PATH, { schema }, async (_request, reply) => reply.type('text/javascript; charset=utf-8').header('cache-control', 'public, max-age=86400').send(d3));
    fastify.get(THEME_CSS_PATH, { schema }, async (_request, reply) => reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=3600').send(theme));
  },
  { name: 'pages' },
);
