import type { FastifyPluginAsyncJsonSchemaToTs } from '@fastify/type-provider-json-schema-to-ts';
import { NotAcceptable } from '../src/http/errors.js';
import { checkPixelBudget, plotHeaders, plotPath } from '../src/http/helpers.js';
import { ACCEPTABLE_TYPES, formatFromAccept } from '../src/http/negotiation.js';
import { parsePlotOptions } from '../src/options/plot-options.js';
import { optionsKindOfProfile, parseProfilePlotOptions, withoutChartKindOptions } from '../src/options/profile-options.js';
import { errorResponses, imageResponse, plotOptionsQuerySchema } from '../src/http/schemas.js';

/** POST /plot: upload a .mem file, get the chart back (curl -F file=@x.mem host/plot -o x.png). */
const plot: FastifyPluginAsyncJsonSchemaToTs = async (fastify) => {
  fastify.post(
    '/plot',
    {
      config: { upload: true, errorImage: true },
      schema: {
        tags: ['charts'],
        summary: 'Draw a chart from an uploaded .mem file or malloc-tag snapshot(s)',
        description:
          'Body: multipart/form-data with the file in part `file` (options may also be sent as fields), or the raw ' +
          'file as application/octet-stream; gzip is detected by its magic bytes. The format comes from `format`, ' +
          'else from Accept (PNG for */*). The response links to the stored profile (X-Profile-Id, Link, Content-Location).',
        querystring: plotOptionsQuerySchema(),
        security: [{ bearer: [] }],
        response: { 200: imageResponse('The chart'), ...errorResponses(400, 401, 406, 413, 415, 422, 503, 408, 429) },
      },
    },
    async (request, reply) => {
      const { query } = request;
      // A bad option or an image over the pixel budget is a 400 before the upload is read.
      // The malloc-tag chart options are checked once the upload says what it is.
      checkPixelBudget(parsePlotOptions(withoutChartKindOptions(query)), fastify.config.maxRenderPixels);
      const { ingest, fields } = await fastify.readUpload(request);
      const raw = { ...query, ...fields };
      const format = raw.format === undefined ? formatFromAccept(request.headers.accept) : undefined;
      if (format === null) throw new NotAcceptable(request.headers.accept, ACCEPTABLE_TYPES);
      const options = parseProfilePlotOptions(optionsKindOfProfile(ingest.summary), raw, format ? { format } : {});
      checkPixelBudget(options, fastify.config.maxRenderPixels);
      const id = ingest.summary.id;
      const rendered = await fastify.profiles.plot(id, options);
      if (!rendered) throw new Error(`profile ${id} vanished between upload and render`);
      reply.headers(plotHeaders(rendered.hash, id, rendered.contentType, options.format));
      reply.header('content-location', plotPath(id, options)).header('vary', 'Accept');
      return reply.send(rendered.body);
    },
  );
};

export default plot;
