import type { FastifyPluginAsyncJsonSchemaToTs } from '@fastify/type-provider-json-schema-to-ts';
import type { FastifyRequest } from 'fastify';
import type { StoredProfile } from '../src/aggregate/summary.js';
import { ProfileNotFound } from '../src/http/errors.js';
import { checkPixelBudget, plotHeaders, profileUrls } from '../src/http/helpers.js';
import { sendCachedImage } from '../src/http/image-reply.js';
import { errorResponses, imageResponse, plotOptionsQuerySchema, profileIdParam, profileSchema } from '../src/http/schemas.js';
import { OUTPUT_FORMATS, parsePlotOptions, type PlotOptions } from '../src/options/plot-options.js';
import { statsAtTickRate } from '../src/aggregate/stats-accumulator.js';
import { optionsKindOfProfile, parseProfilePlotOptions, withoutChartKindOptions } from '../src/options/profile-options.js';
import { wantsHtml } from '../src/http/negotiation.js';
import { profilePage } from '../src/http/pages/profile-page.js';

/** Content-addressed profiles: upload once (the CI call), then stats and charts by id, forever cacheable. */
const profiles: FastifyPluginAsyncJsonSchemaToTs = async (fastify) => {
  const { config } = fastify;

  function baseUrl(request: FastifyRequest): string {
    return config.publicUrl ?? `${request.protocol}://${request.host}`;
  }

  /** Whether the compare endpoints (issue 12) are served here: asked once, when the first page is. */
  let compareRoutes: boolean | undefined;

  function profileBody(request: FastifyRequest, id: string, summary: StoredProfile, options: Partial<PlotOptions> = {}) {
    return { id, stats: summary.stats, warnings: summary.stats.warnings, urls: profileUrls(baseUrl(request), id, options) };
  }

  fastify.post(
    '/profiles',
    {
      config: { upload: true },
      schema: {
        tags: ['profiles'],
        summary: 'Upload a .mem file; get its id, stats and chart URLs',
        description:
          'Same body as POST /plot. The id is the sha256 of the uncompressed bytes, so uploading the same file twice ' +
          'gives the same id (200 instead of 201). Plot options given here are carried into the returned chart URLs.',
        querystring: plotOptionsQuerySchema(['format']),
        security: [{ bearer: [] }],
        response: {
          200: { description: 'Already known', ...profileSchema },
          201: { description: 'Stored', ...profileSchema },
          ...errorResponses(400, 401, 413, 415, 422, 503, 408, 429),
        },
      },
    },
    async (request, reply) => {
      const { query } = request;
      parsePlotOptions(withoutChartKindOptions(query));
      const { ingest, fields } = await fastify.readUpload(request);
      const options = parseProfilePlotOptions(optionsKindOfProfile(ingest.summary), { ...query, ...fields });
      const { summary, created } = ingest;
      fastify.metrics.uploads.inc({ result: created ? 'created' : 'known' });
      reply.code(created ? 201 : 200).header('location', `/profiles/${summary.id}`);
      return profileBody(request, summary.id, summary, options);
    },
  );

  fastify.get(
    '/profiles/:id',
    {
      schema: {
        tags: ['profiles'],
        summary: 'The stats of a stored profile (JSON; its page for browsers asking text/html)',
        description:
          'Plot options given here are carried into the returned chart URLs (and, on the page, into the chart, downloads and snippets).',
        params: { type: 'object', required: ['id'], properties: { id: profileIdParam } } as const,
        querystring: plotOptionsQuerySchema(['format']),
        response: { 200: { description: 'The profile', ...profileSchema }, ...errorResponses(400, 404, 503) },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      const summary = await fastify.profiles.getSummary(id);
      if (!summary) throw new ProfileNotFound(id);
      // The options the profile's charts take (carried into its URLs); ticks_per_second also fills a .mem's stats.durationSeconds.
      const options = parseProfilePlotOptions(optionsKindOfProfile(summary), request.query);
      reply.header('cache-control', 'public, max-age=86400').header('vary', 'Accept');
      // A snapshot profile's stats have no ticks; its page is its JSON (the page draws a heap over time).
      if (summary.kind === 'malloc-tag') return profileBody(request, id, summary, options);
      const shown = { ...summary, stats: statsAtTickRate(summary.stats, options.ticksPerSecond) };
      const body = profileBody(request, id, shown, options);
      if (!wantsHtml(request.headers.accept)) return body;
      compareRoutes ??= fastify.hasRoute({ method: 'GET', url: '/compare/:base/:head/plot.:format' }) && fastify.hasRoute({ method: 'GET', url: '/compare/:base/:head/summary.md' });
      await reply.helmet();
      // The page names scripts that change with the service: revalidated, unlike the stats it shows.
      reply.header('cache-control', 'no-cache');
      const html = profilePage({ id, stats: shown.stats, options, urls: body.urls, baseUrl: baseUrl(request), compare: compareRoutes });
      return reply.type('text/html; charset=utf-8').send(html as never);
    },
  );

  fastify.get(
    '/profiles/:id/plot.:format',
    {
      config: { errorImage: true },
      schema: {
        tags: ['profiles'],
        summary: 'A chart of a stored profile',
        description:
          'Rendered from the stored summary, once per distinct set of options, then served from the cache. The URL ' +
          'never changes meaning: Cache-Control immutable for a year, ETag, If-None-Match → 304. Embed it with <img src>.',
        params: {
          type: 'object',
          required: ['id', 'format'],
          properties: { id: profileIdParam, format: { type: 'string', description: `Output format: one of ${OUTPUT_FORMATS.join(', ')}.` } },
        } as const,
        querystring: plotOptionsQuerySchema(['format']),
        response: { 200: imageResponse('The chart'), 304: { description: 'Not modified', type: 'null' }, ...errorResponses(400, 404, 429, 503) },
      },
    },
    async (request, reply) => {
      const { id, format } = request.params;
      checkPixelBudget(parsePlotOptions(withoutChartKindOptions({ ...request.query, format })), fastify.config.maxRenderPixels);
      // The store's word first: an id it evicted answers 404 even while an image of it is cached.
      // Its kind says which options it takes (malloc-tag snapshots and pairings have chart options of their own).
      if (!(await fastify.profiles.hasProfile(id))) throw new ProfileNotFound(id);
      const kind = await fastify.profiles.optionsKind(id);
      if (!kind) throw new ProfileNotFound(id);
      const options = parseProfilePlotOptions(kind, { ...request.query, format });
      return sendCachedImage(fastify, request, reply, {
        hash: fastify.profiles.renderHashOf(id, options),
        format: options.format,
        isRendered: () => fastify.profiles.isRendered(id, options),
        render: () => fastify.profiles.plot(id, options),
        notFound: () => new ProfileNotFound(id),
        headers: (rendered) => plotHeaders(rendered.hash, id, rendered.contentType, options.format),
      });
    },
  );
};

export default profiles;
