import type { FastifyPluginAsyncJsonSchemaToTs } from '@fastify/type-provider-json-schema-to-ts';
import { ProfileNotFound } from '../src/http/errors.js';
import { checkPixelBudget, comparePlotHeaders } from '../src/http/helpers.js';
import { sendCachedImage } from '../src/http/image-reply.js';
import { comparePlotOptionsQuerySchema, errorResponses, imageResponse, profileIdParam } from '../src/http/schemas.js';
import { OUTPUT_FORMATS, parseComparePlotOptions } from '../src/options/plot-options.js';

/** GET /compare/:base/:head/plot.:format: the chart of two stored profiles (chart/overlay/), cached as every chart. */
const comparePlot: FastifyPluginAsyncJsonSchemaToTs = async (fastify) => {
  fastify.get(
    '/compare/:base/:head/plot.:format',
    {
      config: { errorImage: true },
      schema: {
        tags: ['compare'],
        summary: 'The chart of two stored profiles: both runs on one chart, or head − base',
        description:
          'Base grey and dashed, head in colour, aligned by progress (align=progress, the default) or absolute position; ' +
          'both peaks marked, the head\'s with its change. mode=diff draws head − base on the progress axis. Every plot ' +
          'option applies as on /profiles/:id/plot.*. Rendered once per distinct set of options, then immutable-cached (ETag, 304).',
        params: {
          type: 'object',
          required: ['base', 'head', 'format'],
          properties: { base: profileIdParam, head: profileIdParam, format: { type: 'string', description: `Output format: one of ${OUTPUT_FORMATS.join(', ')}.` } },
        } as const,
        querystring: comparePlotOptionsQuerySchema(['format']),
        response: { 200: imageResponse('The chart of both runs'), 304: { description: 'Not modified', type: 'null' }, ...errorResponses(400, 404, 429, 503) },
      },
    },
    async (request, reply) => {
      const { base, head, format } = request.params;
      const options = parseComparePlotOptions({ ...request.query, format });
      checkPixelBudget(options, fastify.config.maxRenderPixels);
      for (const id of [base, head]) if (!(await fastify.profiles.hasProfile(id))) throw new ProfileNotFound(id);
      return sendCachedImage(fastify, request, reply, {
        hash: fastify.profiles.compareRenderHashOf(base, head, options),
        format: options.format,
        isRendered: () => fastify.profiles.isCompareRendered(base, head, options),
        render: () => fastify.profiles.comparePlot(base, head, options),
        notFound: () => new ProfileNotFound(`${base} or ${head}`),
        headers: (rendered) => comparePlotHeaders(rendered.hash, base, head, rendered.contentType, options.format),
      });
    },
  );
};

export default comparePlot;
