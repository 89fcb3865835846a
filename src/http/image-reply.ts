/**
 * The answer of a GET for an immutable cached image (a profile's chart, the chart of two runs): 304
 * when If-None-Match names it (checked before anything is rendered), else the image from the cache
 * or rendered once (a render not in the cache counts against the client's render rate), SVG
 * compressed when accepted (each coding its own ETag).
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { OutputFormat } from '../options/plot-options.js';
import type { RenderedPlot } from '../service/profile-service.js';
import { codedEtag, negotiateContentCoding, type CodedBodyCache } from './content-coding.js';
import { etagMatches, IMMUTABLE } from './helpers.js';

export interface CachedImage {
  /** The image's hash (its ETag), known without rendering it. */
  hash: string;
  format: OutputFormat;
  isRendered: () => Promise<boolean>;
  /** The image, or null when what it is drawn from is unknown (then `notFound` is thrown). */
  render: () => Promise<RenderedPlot | null>;
  notFound: () => Error;
  headers: (rendered: RenderedPlot) => Record<string, string>;
}

export interface ImageReplyContext {
  limitRenders: (request: FastifyRequest) => Promise<void>;
  codedBodies: CodedBodyCache;
}

export async function sendCachedImage(context: ImageReplyContext, request: FastifyRequest, reply: FastifyReply, image: CachedImage): Promise<FastifyReply> {
  const coding = image.format === 'svg' ? negotiateContentCoding(request.headers['accept-encoding']) : null;
  if (image.format === 'svg') reply.header('vary', 'Accept-Encoding');
  const ifNoneMatch = request.headers['if-none-match'];
  if (ifNoneMatch) {
    const etag = codedEtag(image.hash, coding);
    if (etagMatches(ifNoneMatch, etag)) return reply.code(304).header('etag', etag).header('cache-control', IMMUTABLE).send();
  }
  if (!(await image.isRendered())) await context.limitRenders(request);
  const rendered = await image.render();
  if (!rendered) throw image.notFound();
  reply.headers(image.headers(rendered));
  if (!coding) return reply.send(rendered.body);
  const body = await context.codedBodies.encode(rendered.hash, rendered.body, coding);
  return reply.header('content-encoding', coding).header('etag', codedEtag(rendered.hash, coding)).send(body);
}
