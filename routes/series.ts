import type { FastifyPluginAsyncJsonSchemaToTs } from '@fastify/type-provider-json-schema-to-ts';
import { ProfileNotFound } from '../src/http/errors.js';
import { codedEtag, negotiateContentCoding } from '../src/http/content-coding.js';
import { etagMatches } from '../src/http/helpers.js';
import { errorResponses, profileIdParam, seriesQuerySchema, seriesSchema, seriesWindowQuerySchema } from '../src/http/schemas.js';
import { DEFAULT_WINDOW_BUCKETS } from '../src/aggregate/series-query.js';

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
          304: { description: 'Not modified', type: 'null' },
          ...errorResponses(400, 404, 503),
        },
      },
    },
    async (request, reply) => {
      const { id, format } = request.params;
      // Built once per (id, axis, buckets) and compressed once per coding, as charts are: ETag, 304.
      const coding = negotiateContentCoding(request.headers['accept-encoding']);
      reply.header('vary', 'Accept-Encoding').header('cache-control', SERIES_CACHE_CONTROL);
      reply.type(format === 'json' ? 'application/json; charset=utf-8' : 'text/csv; charset=utf-8');
      const ifNoneMatch = request.headers['if-none-match'];
      if (ifNoneMatch && (await fastify.profiles.hasProfile(id))) {
        const etag = codedEtag(fastify.profiles.seriesHashOf(id, format, request.query), coding);
        if (etagMatches(ifNoneMatch, etag)) return reply.code(304).header('etag', etag).send(null as never);
      }
      const exported = await fastify.profiles.seriesExport(id, format, request.query);
      if (!exported) throw new ProfileNotFound(id);
      reply.header('etag', codedEtag(exported.hash, coding));
      // A Buffer is sent as it is (the response schema documents the JSON; the body is already serialised).
      if (!coding) return reply.send(exported.body as never);
      const body = await fastify.codedBodies.encode(exported.hash, exported.body, coding);
      return reply.header('content-encoding', coding).send(body as never);
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
      const started = performance.now();
      const answer = await fastify.profiles.seriesWindow(id, request.query, DEFAULT_WINDOW_BUCKETS);
      if (!answer) throw new ProfileNotFound(id);
      // The time spent finding the columns (store reads included), for the page and the benchmark.
      reply.header('server-timing', `series;dur=${(performance.now() - started).toFixed(1)}`);
      reply.header('cache-control', SERIES_CACHE_CONTROL).type('application/json; charset=utf-8');
      // JSON.stringify, not the schema's serialiser: x values are numbers or strings (anyOf), which it
      // checks value by value (hundreds of milliseconds for 8192 columns).
      return reply.send(JSON.stringify(answer) as never);
    },
  );
};

export default series;
