import multipart from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { Readable } from 'node:stream';
import type { IngestResult } from '../src/service/profile-service.js';
import { MAX_SNAPSHOTS_PER_UPLOAD, type ProfileInput } from '../src/aggregate/profile-input.js';
import {
  ACCEPTED_BODY_TYPES,
  BadUpload,
  httpErrorReply,
  MissingFile,
  MissingParts,
  RAW_CONTENT_TYPES,
  TooManyClientUploads,
  UnexpectedFile,
  UnsupportedMediaType,
  UploadTooSlow,
} from '../src/http/errors.js';
import { MinimumRateWatch } from '../src/http/minimum-rate.js';
import { InputTooLargeError } from '../src/format/errors.js';

export interface Upload {
  ingest: IngestResult;
  /** Multipart fields other than the file (plot options), in order, last value wins. */
  fields: Record<string, string>;
}

declare module 'fastify' {
  interface FastifyInstance {
    /**
     * Streams the request's upload into the profiles service: the raw body, or multipart parts
     * "file" (a .mem, or one or more malloc-tag snapshots) and "tags" (a snapshot paired with the .mem).
     */
    readUpload(request: FastifyRequest): Promise<Upload>;
    /** Streams a multipart upload of one .mem file in each part named (POST /compare: "base" and "head"), in any order. */
    readNamedUploads<Name extends string>(request: FastifyRequest, names: readonly Name[]): Promise<NamedUploads<Name>>;
  }
  interface FastifyContextConfig {
    /** Files one request of this route may carry (default 1): the declared-length check allows that many. */
    uploadFiles?: number;
  }
  interface FastifyRequest {
    /** Who is uploading, for per-client limits: set by auth to the token when tokens are configured; else the IP is used. */
    clientId: string | null;
  }
}

export interface NamedUploads<Name extends string> {
  ingests: Record<Name, IngestResult>;
  fields: Record<string, string>;
}

/** The minimum rate an upload must keep (MEMPLOT_UPLOAD_MIN_BYTES per MEMPLOT_UPLOAD_RATE_WINDOW_MS). */
interface MinimumRate {
  minBytes: number;
  windowMs: number;
}

/** Refusals answered without reading the body (503: no upload slot, store down): the connection is closed after the answer. */
const REFUSED_STATUSES = new Set([401, 408, 413, 429, 503]);
/**
 * A refused body declared this small is read and dropped instead: a client still sending when
 * the socket closes gets EPIPE and may never see the answer (as one 118 KB POST /compare of the
 * stress run did). Not for 408: that client is too slow to wait for.
 */
const DRAINED_REFUSAL_BYTES = 1 << 20;

/** The body's declared length; Infinity when not declared (chunked) or not a number. */
function declaredLength(request: FastifyRequest): number {
  const length = Number(request.headers['content-length'] ?? Number.NaN);
  return Number.isFinite(length) ? length : Number.POSITIVE_INFINITY;
}

function statusOf(error: unknown): number | undefined {
  const status = (error as { statusCode?: unknown } | null)?.statusCode;
  return typeof status === 'number' ? status : undefined;
}

/**
 * Raw bodies taken as the file itself. application/x-www-form-urlencoded is what curl sends for
 * `--data-binary @x.mem` without -H: no .mem file is a form, so it is read as the file.
 */
const ENCODINGS = new Set(['identity', 'gzip', 'x-gzip']);

function hasClientStatus(error: unknown): boolean {
  const status = statusOf(error);
  return status !== undefined && status >= 400 && status < 500;
}

/** Sockets deliver 64 KiB at a time; the summariser's per-chunk costs (hash, worker hand-off) want larger pieces. */
const BATCH_BYTES = 1 << 20;
/**
 * Lets the event loop take new requests between two megabytes of an upload. While the socket has
 * data buffered, the read loop runs on promise jobs alone and never gives the loop a turn: with
 * four fast uploads, /healthz waited hundreds of milliseconds.
 */
const turnOfTheEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Bytes an upload must have delivered (or its whole body, if smaller) before it takes an upload slot. */
const FIRST_PIECE_BYTES = 64 * 1024;

/**
 * Reads an upload's first piece (FIRST_PIECE_BYTES, gathered as it came: at most about twice that
 * in memory) and only then hands it to the summariser, which takes an upload slot: a client that
 * sends nothing, or one byte a second, holds no slot while the minimum rate watch runs out its
 * window, so slow clients cannot keep others from uploading.
 */
async function startUpload(source: AsyncGenerator<Uint8Array>): Promise<AsyncIterable<Uint8Array>> {
  const first = await source.next();
  return (async function* () {
    if (first.done) return;
    yield first.value;
    yield* source;
  })();
}

/**
 * The bytes of an upload stream as the summariser reads them, gathered into 1 MiB pieces.
 * Stream failures (a client that goes away, broken multipart framing) become 400s, a multipart
 * file cut at the size limit a 413, and the stream is never destroyed on an early stop so that
 * the error response can still be sent.
 */
async function* uploadBytes(stream: Readable & { truncated?: boolean }, limit: number, rate: MinimumRate): AsyncGenerator<Uint8Array> {
  // Reused buffers, as readFileChunks does: the summariser is done with a chunk (or has copied
  // it) before it asks for the next one, so no garbage per megabyte and a flat footprint.
  const buffers: Buffer[] = [];
  let turn = 0;
  let batch: Buffer | null = null;
  let filled = 0;
  // A sender too slow to keep its upload slot is cut off with a 408 (a slot held at 1 byte/s stalls everyone else).
  const watch =
    rate.minBytes > 0 ? new MinimumRateWatch(rate.minBytes, rate.windowMs, () => new UploadTooSlow(rate.minBytes, rate.windowMs)) : null;
  const iterator = stream.iterator({ destroyOnReturn: false });
  try {
    // The first bytes as they came, gathered without the batch buffers: see startUpload.
    const first: Buffer[] = [];
    let firstBytes = 0;
    while (firstBytes < FIRST_PIECE_BYTES) {
      const step = await (watch ? watch.read(iterator.next()) : iterator.next());
      if (step.done) break;
      const chunk = step.value as Buffer;
      watch?.count(chunk.length);
      first.push(chunk);
      firstBytes += chunk.length;
    }
    if (firstBytes > 0) {
      watch?.pause();
      yield first.length === 1 ? first[0] : Buffer.concat(first);
      watch?.resume();
    }
    for (;;) {
      const step = await (watch ? watch.read(iterator.next()) : iterator.next());
      if (step.done) break;
      const chunk = step.value as Buffer;
      watch?.count(chunk.length);
      if (filled === 0 && chunk.length >= BATCH_BYTES) {
        watch?.pause();
        yield chunk;
        await turnOfTheEventLoop();
        watch?.resume();
        continue;
      }
      for (let offset = 0; offset < chunk.length; ) {
        if (!batch) {
          turn = (turn + 1) % 3;
          batch = buffers[turn] ??= Buffer.allocUnsafeSlow(BATCH_BYTES);
        }
        const n = Math.min(BATCH_BYTES - filled, chunk.length - offset);
        chunk.copy(batch, filled, offset, offset + n);
        filled += n;
        offset += n;
        if (filled === BATCH_BYTES) {
          watch?.pause();
          yield batch;
          await turnOfTheEventLoop();
          watch?.resume();
          batch = null;
          filled = 0;
        }
      }
    }
  } catch (error) {
    // @fastify/multipart's FST_REQ_FILE_TOO_LARGE is the same condition as a raw body over the limit: one code.
    if ((error as { code?: unknown }).code === 'FST_REQ_FILE_TOO_LARGE') throw new InputTooLargeError(limit);
    if (hasClientStatus(error)) throw error;
    throw new BadUpload((error as Error).message);
  } finally {
    watch?.stop();
  }
  if (stream.truncated) throw new InputTooLargeError(limit);
  if (batch && filled > 0) yield batch.subarray(0, filled);
}

/**
 * Uploads are streams end to end: multipart through @fastify/multipart (never buffered whole,
 * never spooled to disk) and raw bodies (application/octet-stream, gzip) passed through as the
 * request stream. No other body type is parsed: anything else is a 415 before it is read.
 */
export default fp(
  async (fastify) => {
    const { config, profiles } = fastify;
    const limit = config.maxUploadBytes;
    const rate: MinimumRate = { minBytes: config.uploadMinBytes, windowMs: config.uploadRateWindowMs };
    fastify.decorateRequest('clientId', null);

    // A body far larger than the limit cannot decompress to less: refused by its declared length
    // before anything else (the token check included) and before a byte of it is read.
    const declaredLimit = limit + Math.ceil(limit / 100) + 65536;
    fastify.addHook('onRequest', async (request) => {
      if (!request.routeOptions.config.upload) return;
      const length = Number(request.headers['content-length']);
      if (Number.isFinite(length) && length > declaredLimit * (request.routeOptions.config.uploadFiles ?? 1)) throw new InputTooLargeError(limit);
    });
    fastify.removeAllContentTypeParsers();
    await fastify.register(multipart, {
      throwFileSizeLimit: true,
      // Files: one .mem, or up to MAX_SNAPSHOTS_PER_UPLOAD snapshots (a timeline), and part "tags".
      limits: { fileSize: limit, files: MAX_SNAPSHOTS_PER_UPLOAD + 1, fields: 20, fieldNameSize: 100, fieldSize: 1024, parts: MAX_SNAPSHOTS_PER_UPLOAD + 21, headerPairs: 100 },
    });
    fastify.addContentTypeParser(RAW_CONTENT_TYPES, (_request, payload, done) => done(null, payload));

    /**
     * After a failure, the rest of the body is read and dropped so that the response reaches a
     * client that is still sending and the connection stays usable. Resumed on the next turn:
     * the stream iterator has just removed its 'readable' listener, and a stream resumed before
     * Node notices that stays paused.
     */
    const draining = new Set<FastifyRequest['raw']>();
    function drain(request: FastifyRequest): void {
      const raw = request.raw;
      // Not `raw.complete`: a body received whole but not read keeps the socket paused (Node stops
      // reading a connection while its request's buffer is full), and the next request on the
      // connection would never be parsed.
      if (raw.destroyed || raw.readableEnded || draining.has(raw)) return;
      raw.unpipe();
      // An abandoned reader's 'readable' listener would keep resume() from doing anything.
      raw.removeAllListeners('readable');
      raw.on('error', () => undefined); // a client going away while we drain is not our error
      draining.add(raw);
      raw.once('close', () => draining.delete(raw));
      setImmediate(() => {
        if (!raw.readableFlowing) raw.resume();
      });
    }
    // Any failed request (a bad option, a 422 after the first bytes...) may leave a body unread:
    // dropped so the connection stays usable. A refusal (401, 408, 413, 429, 503) of a larger or
    // unsized body is not worth the bytes: the answer says Connection: close and Node closes the
    // socket once it is sent.
    fastify.addHook('onError', async (request, reply, error) => {
      const status = httpErrorReply(error).statusCode;
      if (request.routeOptions.config.upload && REFUSED_STATUSES.has(status) && !(status !== 408 && declaredLength(request) <= DRAINED_REFUSAL_BYTES)) {
        reply.header('connection', 'close');
      } else drain(request);
    });
    // A successful upload whose body was not read to its end (bytes after the end of a gzip
    // stream) is drained too: Node skips no body that was partly read.
    fastify.addHook('onSend', async (request, reply, payload) => {
      if (request.routeOptions.config.upload && reply.statusCode < 400) drain(request);
      return payload;
    });
    // At shutdown, bodies of failed uploads still being dropped are not worth waiting for.
    fastify.addHook('preClose', async () => {
      for (const raw of draining) raw.destroy();
    });

    /** Uploads in progress by client (token or IP): one client cannot take every upload slot. */
    const perClient = new Map<string, number>();

    async function readUpload(request: FastifyRequest): Promise<Upload> {
      return asClient(request, () => readUploadBody(request));
    }

    /** Counts an upload against its client's limit while `read` runs. */
    async function asClient<T>(request: FastifyRequest, read: () => Promise<T>): Promise<T> {
      const client = request.clientId ?? request.ip;
      const active = perClient.get(client) ?? 0;
      if (active >= config.uploadClientConcurrency) {
        throw Object.assign(new TooManyClientUploads(active), { retryAfterSeconds: 5 });
      }
      perClient.set(client, active + 1);
      try {
        return await read();
      } finally {
        const left = (perClient.get(client) ?? 1) - 1;
        if (left > 0) perClient.set(client, left);
        else perClient.delete(client);
      }
    }

    async function readUploadBody(request: FastifyRequest): Promise<Upload> {
      const length = Number(request.headers['content-length']);
      const sizeHint = Number.isFinite(length) ? length : undefined;
      const encoding = String(request.headers['content-encoding'] ?? 'identity').toLowerCase();
      if (!ENCODINGS.has(encoding)) throw new UnsupportedMediaType(`Content-Encoding ${encoding} is not supported: send the file as is or gzip'd`);
      if (request.isMultipart()) {
        const fields: Record<string, string> = {};
        // Parts "file" (a .mem, or one or more snapshots) and "tags" (a snapshot paired with the .mem), read as they come.
        const files: ProfileInput[] = [];
        let tags: ProfileInput | null = null;
        let snapshotBytes = 0;
        try {
          for await (const part of request.parts()) {
            if (part.type === 'file') {
              const isTags = part.fieldname === 'tags';
              if ((part.fieldname !== 'file' && !isTags) || (isTags && tags)) throw new UnexpectedFile(part.fieldname);
              // Only the first file may be a .mem: anything after it, and "tags", must be a snapshot.
              const snapshotOnly = isTags ? 'part "tags"' : files.length > 0 ? `file part ${files.length + 1}` : undefined;
              const input = await profiles.readInput(await startUpload(uploadBytes(part.file, limit, rate)), sizeHint, snapshotBytes, snapshotOnly);
              if (input.kind === 'malloc-tag') snapshotBytes += input.bytes;
              if (isTags) tags = input;
              else files.push(input);
            } else {
              fields[part.fieldname] = String(part.value);
            }
          }
        } catch (error) {
          // A .mem read before a later part failed: its zoom index pieces would wait for eviction.
          profiles.discardInputs(tags ? [...files, tags] : files);
          throw error;
        }
        if (files.length === 0) throw new MissingFile();
        return { ingest: await profiles.storeUpload(files, tags), fields };
      }
      const body = request.body;
      if (!(body instanceof Readable)) {
        throw new UnsupportedMediaType(`an upload needs a body of type ${ACCEPTED_BODY_TYPES}`);
      }
      return { ingest: await profiles.ingest(await startUpload(uploadBytes(body, limit, rate)), sizeHint), fields: {} };
    }
    fastify.decorate('readUpload', readUpload);

    async function readNamedUploadsBody<Name extends string>(request: FastifyRequest, names: readonly Name[]): Promise<NamedUploads<Name>> {
      const encoding = String(request.headers['content-encoding'] ?? 'identity').toLowerCase();
      if (!ENCODINGS.has(encoding)) throw new UnsupportedMediaType(`Content-Encoding ${encoding} is not supported: send the files as they are or gzip'd`);
      if (!request.isMultipart()) throw new UnsupportedMediaType(`${names.join(' and ')} are sent as parts of a multipart/form-data body (curl ${names.map((n) => `-F ${n}=@${n}.mem`).join(' ')})`);
      const fields: Record<string, string> = {};
      const ingests: Partial<Record<Name, IngestResult>> = {};
      // One file more than named, so that an extra part is answered UNEXPECTED_FILE rather than the plugin's 413.
      for await (const part of request.parts({ limits: { files: names.length + 1 } })) {
        if (part.type === 'file') {
          const name = part.fieldname as Name;
          if (!names.includes(name) || ingests[name]) throw new UnexpectedFile(part.fieldname);
          ingests[name] = await profiles.ingest(await startUpload(uploadBytes(part.file, limit, rate)));
        } else {
          fields[part.fieldname] = String(part.value);
        }
      }
      const missing = names.filter((name) => !ingests[name]);
      if (missing.length > 0) throw new MissingParts(missing.join('", "'));
      return { ingests: ingests as Record<Name, IngestResult>, fields };
    }
    fastify.decorate('readNamedUploads', <Name extends string>(request: FastifyRequest, names: readonly Name[]) =>
      asClient(request, () => readNamedUploadsBody(request, names)),
    );
  },
  { name: 'uploads', dependencies: ['config', 'profiles'] },
);
