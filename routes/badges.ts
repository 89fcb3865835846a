import type { FastifyPluginAsyncJsonSchemaToTs } from '@fastify/type-provider-json-schema-to-ts';
import type { FastifyReply } from 'fastify';
import { renderBadgeSvg, type BadgeContent } from '../src/chart/badge.js';
import { compareBadge, profileBadge } from '../src/compare/badge-content.js';
import { METRIC_NAMES } from '../src/compare/metrics.js';
import { ProfileNotFound, httpErrorReply } from '../src/http/errors.js';
import { contentEtag, etagMatches, IMMUTABLE, rejectUnknownParameters, SVG_CSP } from '../src/http/helpers.js';
import { compareParams, profileIdParam } from '../src/http/schemas.js';
import { FORMATS } from '../src/render/formats.js';
import { storedPair } from '../src/service/compare-profiles.js';
import { PACKAGE_VERSION, STATS_VERSION } from '../src/versions.js';

const DEFAULT_METRIC = 'peak.heap';
const metricQuery = { type: 'string', description: `The metric (dotted stats path): one of ${METRIC_NAMES.join(', ')}. Default ${DEFAULT_METRIC}.` } as const;
const badgeResponse = { description: 'The badge', content: { [FORMATS.svg.mediaType]: { schema: { type: 'string' } } } } as const;

/**
 * Badges, shields.io flat style, for READMEs and pull requests. An error is a badge too ("memplot |
 * PROFILE_NOT_FOUND") with the error's status, so a broken <img> still says what is wrong.
 */
const badges: FastifyPluginAsyncJsonSchemaToTs = async (fastify) => {
  /** The badge drawn by `draw`, immutable under `etag` (304 when the client has it), or the error as a badge. */
  async function answer(reply: FastifyReply, ifNoneMatch: string | undefined, etag: string, draw: () => Promise<BadgeContent>) {
    reply.header('content-security-policy', SVG_CSP).header('x-content-type-options', 'nosniff').type(FORMATS.svg.contentType);
    let content: BadgeContent;
    try {
      content = await draw();
    } catch (error) {
      const { statusCode, body, headers } = httpErrorReply(error);
      if (statusCode >= 500) throw error;
      reply.log.info({ status: statusCode, error: body.error, reason: body.message }, 'badge refused');
      return reply.code(statusCode).headers(headers).header('x-memplot-error', body.error).send(Buffer.from(renderBadgeSvg({ label: 'memplot', message: body.error, color: 'red' })));
    }
    reply.header('etag', etag).header('cache-control', IMMUTABLE);
    if (etagMatches(ifNoneMatch, etag)) return reply.code(304).send();
    return reply.send(Buffer.from(renderBadgeSvg(content)));
  }

  fastify.get(
    '/profiles/:id/badge.svg',
    {
      schema: {
        tags: ['compare'],
        summary: 'A badge of one metric of a stored profile ("peak heap | 374 MiB")',
        params: { type: 'object', required: ['id'], properties: { id: profileIdParam } } as const,
        querystring: { type: 'object', properties: { metric: metricQuery } } as const,
        response: { 200: badgeResponse, 304: { description: 'Not modified', type: 'null' } },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      const metric = request.query.metric ?? DEFAULT_METRIC;
      return answer(reply, request.headers['if-none-match'], contentEtag('badge', id, metric, STATS_VERSION, PACKAGE_VERSION), async () => {
        rejectUnknownParameters(request.query, ['metric']);
        const stats = await fastify.profiles.getStats(id);
        if (!stats) throw new ProfileNotFound(id);
        return profileBadge(stats, metric);
      });
    },
  );

  fastify.get(
    '/compare/:base/:head/badge.svg',
    {
      schema: {
        tags: ['compare'],
        summary: 'A badge of one metric\'s change ("peak heap | +12.3 %"): red over the threshold, green under it, grey when equal',
        description: '`fail_on` takes a bare percentage (`5%`: the metric rose more than 5 %) or thresholds on the same metric; without it any increase is red.',
        params: compareParams,
        querystring: {
          type: 'object',
          properties: { metric: metricQuery, fail_on: { type: 'array', items: { type: 'string' }, description: 'Threshold(s) on the metric, e.g. 5% or peak.heap>+1MiB.' } },
        } as const,
        response: { 200: badgeResponse, 304: { description: 'Not modified', type: 'null' } },
      },
    },
    async (request, reply) => {
      const { base, head } = request.params;
      const metric = request.query.metric ?? DEFAULT_METRIC;
      const failOn = request.query.fail_on ?? [];
      return answer(reply, request.headers['if-none-match'], contentEtag('compare-badge', base, head, metric, STATS_VERSION, PACKAGE_VERSION, ...failOn), async () => {
        rejectUnknownParameters(request.query, ['metric', 'fail_on']);
        const pair = await storedPair(fastify.profiles, base, head);
        if ('missing' in pair) throw new ProfileNotFound(pair.missing);
        return compareBadge(pair.base, pair.head, metric, failOn);
      });
    },
  );
};

export default badges;
