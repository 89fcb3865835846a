import type { FastifyPluginAsyncJsonSchemaToTs } from '@fastify/type-provider-json-schema-to-ts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { formatCompareMarkdown } from '../src/compare/format-markdown.js';
import { compareLinks } from '../src/compare/links.js';
import { parseThresholds } from '../src/compare/thresholds.js';
import { ProfileNotFound } from '../src/http/errors.js';
import { compareUrls, contentEtag, etagMatches, IMMUTABLE, rejectUnknownParameters } from '../src/http/helpers.js';
import { compareParams, compareQuerySchema, compareSchema, errorResponses } from '../src/http/schemas.js';
import { parsePlotOptions } from '../src/options/plot-options.js';
import { compareStored } from '../src/service/compare-profiles.js';
import { PACKAGE_VERSION, STATS_VERSION } from '../src/versions.js';

interface CompareQuery {
  fail_on?: string[];
  ticks_per_second?: string;
}

/** Thresholds and tick rate of a query (or multipart fields): 400 BAD_THRESHOLD / BAD_OPTION when unreadable. */
function compareInputs(query: CompareQuery) {
  rejectUnknownParameters(query, ['fail_on', 'ticks_per_second']);
  const thresholds = parseThresholds(query.fail_on ?? []);
  const { ticksPerSecond } = parsePlotOptions(query.ticks_per_second === undefined ? {} : { ticks_per_second: query.ticks_per_second });
  return { thresholds, ticksPerSecond };
}

/** Comparisons of two stored profiles: the CI gate's JSON, the pull request's Markdown, and one upload call for both files. */
const compare: FastifyPluginAsyncJsonSchemaToTs = async (fastify) => {
  const { config } = fastify;
  const publicBase = (request: FastifyRequest) => config.publicUrl ?? `${request.protocol}://${request.host}`;

  /** The report of the two ids in the URL, answered 304 when the client has it (a comparison of two ids never changes). */
  async function storedReport(request: FastifyRequest, reply: FastifyReply, kind: string, extra = '') {
    const { base, head } = request.params as { base: string; head: string };
    const { thresholds, ticksPerSecond } = compareInputs(request.query as CompareQuery);
    const etag = contentEtag(kind, base, head, STATS_VERSION, PACKAGE_VERSION, ticksPerSecond, extra, ...thresholds.map((t) => t.expression));
    const report = await compareStored(fastify.profiles, base, head, thresholds, ticksPerSecond);
    if ('missing' in report) throw new ProfileNotFound(report.missing);
    reply.header('etag', etag).header('cache-control', IMMUTABLE);
    return { report, notModified: etagMatches(request.headers['if-none-match'], etag) };
  }

  fastify.get(
    '/compare/:base/:head',
    {
      schema: {
        tags: ['compare'],
        summary: 'Compare two stored profiles: stats, deltas by metric, thresholds',
        description:
          'Reads the two stored summaries only. `change` is head − base, `ratio` head / base. With `fail_on` (repeatable) ' +
          'the thresholds are evaluated into `verdict: {passed, failures}`. Exactly what `memplot compare --format json` prints.',
        params: compareParams,
        querystring: compareQuerySchema,
        response: { 200: { description: 'The comparison', ...compareSchema }, 304: { description: 'Not modified', type: 'null' }, ...errorResponses(400, 404, 503) },
      },
    },
    async (request, reply) => {
      const { report, notModified } = await storedReport(request, reply, 'json');
      if (notModified) return reply.code(304).send(null);
      return reply.send(report);
    },
  );

  fastify.get(
    '/compare/:base/:head/summary.md',
    {
      schema: {
        tags: ['compare'],
        summary: 'A pull-request comment: the table, a verdict line, links to both charts and the overlay',
        params: compareParams,
        querystring: compareQuerySchema,
        response: { 200: { description: 'Markdown', content: { 'text/markdown': { schema: { type: 'string' } } } }, 304: { description: 'Not modified', type: 'null' }, ...errorResponses(400, 404, 503) },
      },
    },
    async (request, reply) => {
      const root = publicBase(request);
      const { report, notModified } = await storedReport(request, reply, 'markdown', root);
      if (notModified) return reply.code(304).send(null);
      const markdown = formatCompareMarkdown(report, compareLinks(root, report.base.id, report.head.id));
      return reply.type('text/markdown; charset=utf-8').header('x-content-type-options', 'nosniff').send(markdown);
    },
  );

  fastify.post(
    '/compare',
    {
      config: { upload: true, uploadFiles: 2 },
      schema: {
        tags: ['compare'],
        summary: 'Upload two .mem files (parts `base` and `head`); get their comparison and URLs in one call',
        description:
          'multipart/form-data with the files in parts `base` and `head` (plain or gzip); `fail_on` and `ticks_per_second` as ' +
          'query parameters or fields. Both profiles are stored as by POST /profiles. 201 when either was new, else 200.',
        querystring: compareQuerySchema,
        security: [{ bearer: [] }],
        response: {
          200: { description: 'Both already known', ...compareSchema },
          201: { description: 'Stored', ...compareSchema },
          ...errorResponses(400, 401, 413, 415, 422, 503, 408, 429),
        },
      },
    },
    async (request, reply) => {
      compareInputs(request.query);
      const { ingests, fields } = await fastify.readNamedUploads(request, ['base', 'head'] as const);
      const failOn = [...(request.query.fail_on ?? []), ...(fields.fail_on !== undefined ? [fields.fail_on] : [])];
      const { thresholds, ticksPerSecond } = compareInputs({ ...request.query, ...fields, fail_on: failOn });
      const base = ingests.base.summary.id;
      const head = ingests.head.summary.id;
      for (const ingest of [ingests.base, ingests.head]) fastify.metrics.uploads.inc({ result: ingest.created ? 'created' : 'known' });
      const report = await compareStored(fastify.profiles, base, head, thresholds, ticksPerSecond);
      if ('missing' in report) throw new Error(`profile ${report.missing} vanished between upload and compare`);
      reply.code(ingests.base.created || ingests.head.created ? 201 : 200).header('location', `/compare/${base}/${head}`);
      return { ...report, urls: compareUrls(publicBase(request), base, head) };
    },
  );
};

export default compare;
