import type { FastifyPluginAsyncJsonSchemaToTs } from '@fastify/type-provider-json-schema-to-ts';
import { ProfileNotFound } from '../src/http/errors.js';
import { errorResponses, profileIdParam, seriesQuerySchema, seriesSchema, seriesWindowQuerySchema } from '../src/http/schemas.js';
import { seriesCsv } from '../src/aggregate/series-csv.js';
import { DEFAULT_WINDOW_BUCKETS, MAX_SERIES_BUCKETS } from '../src/aggregate/series-query.js';

/** A profile's series never changes for its id (the summary is content-addressed): a day, like its stats. */
const SERIES_CACHE_CONTROL = 'public, max-age=86400';

/** Series export (dashboards, notebooks) and the zoom windows of the interactive chart. */
const series: FastifyPluginAsyncJsonSchemaToTs = async (fastify) => {
  fastify.get(
    '/profiles/:id/series.:format',
    {
      schema: {
        tags: ['profiles'],
        summary: 'The M4 series of a stored profile, as JSON or CSV',
        description:
          'Per column the x range [from, to) and the first, last, min and max of heap, stack and heap + stack, from the ' +
          'stored summary (at most its resolution: `buckets` merges its buckets). On the time axis x values are tick strings.',
        params: {
          type: 'object',
          required: ['id', 'format'],
          properties: { id: profileIdParam, format: { type: 'string', enum: ['json', 'csv'], description: 'json or csv' } },
        } as const,
        querystring: seriesQuerySchema,
        response: {
          200: {
            description: 'The series',
            content: { 'application/json': { schema: seriesSchema }, 'text/csv': { schema: { type: 'string' } } },
          },
          ...errorResponses(400, 404, 503),
        },
      },
    },
    async (request, reply) => {
      const { id, format } = request.params;
      const answer = await fastify.profiles.series(id, request.query, MAX_SERIES_BUCKETS);
      if (!answer) throw new ProfileNotFound(id);
      reply.header('cache-control', SERIES_CACHE_CONTROL);
      if (format === 'json') return answer;
      return reply.type('text/csv; charset=utf-8').send(seriesCsv(answer.columns));
    },
  );

  fastify.get(
    '/profiles/:id/series',
    {
      schema: {
        tags: ['profiles'],
        summary: 'The exact M4 of a window of a stored profile (zoom)',
        description:
          'At most `buckets` columns over [from, to), each carrying its own exact [from, to) (the window snaps outward to ' +
          'the grid of the columns) and the M4 of exactly the entries in it. `resolution` says where the columns come from and ' +
          'whether finer ones exist on this server.',
        params: { type: 'object', required: ['id'], properties: { id: profileIdParam } } as const,
        querystring: seriesWindowQuerySchema,
        response: { 200: { description: 'The window', ...seriesSchema }, ...errorResponses(400, 404, 503) },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      const answer = await fastify.profiles.series(id, request.query, DEFAULT_WINDOW_BUCKETS);
      if (!answer) throw new ProfileNotFound(id);
      reply.header('cache-control', SERIES_CACHE_CONTROL);
      return answer;
    },
  );
};

export default series;
