import swagger from '@fastify/swagger';
import fp from 'fastify-plugin';
import { PACKAGE_VERSION } from '../src/versions.js';

/** OpenAPI 3 document built from the route schemas (served by routes/docs.ts). */
export default fp(
  async (fastify) => {
    await fastify.register(swagger, {
      openapi: {
        openapi: '3.0.3',
        info: {
          title: 'memplot',
          description:
            'Charts from glibc memusage data files (.mem). Upload a profile once, get a content-addressed id ' +
            '(sha256 of the uncompressed bytes) and stable, immutable chart URLs to embed.',
          version: PACKAGE_VERSION,
        },
        components: {
          securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'Required for uploads when MEMPLOT_API_TOKENS is set.' } },
        },
        tags: [
          { name: 'charts', description: 'Upload and draw' },
          { name: 'profiles', description: 'Content-addressed profiles and their charts' },
          { name: 'compare', description: 'Two stored profiles compared' },
          { name: 'operations', description: 'Health, metrics and this document' },
        ],
      },
    });
  },
  { name: 'swagger' },
);
