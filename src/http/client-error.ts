/**
 * Fastify's clientErrorHandler: the answer to a request Node's HTTP parser refused before any
 * route ran (headers over 16 KiB, not HTTP at all, a request that timed out). The connection is
 * closed after it, and the answer says so: Fastify's default answer has a Content-Length and no
 * `Connection: close`, so a keep-alive client (undici's fetch) took the connection for reusable
 * and sent its next request into the closed socket (UND_ERR_SOCKET in the stress run, after a
 * 431). The body is the service's `{error, message, hint?}`.
 */
import type { Socket } from 'node:net';
import { STATUS_CODES } from 'node:http';
import { BadHttp, HeadersTooLarge, RequestTimeout } from './errors.js';

function replyOf(error: Error & { code?: string }): { status: number; body: { error: string; message: string; hint?: string } } {
  if (error.code === 'HPE_HEADER_OVERFLOW') {
    const e = new HeadersTooLarge();
    return { status: 431, body: { error: e.code, message: e.message, hint: 'shorten the URL (e.g. fewer fail_on) or send the options as fields of a POST body' } };
  }
  if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') {
    const e = new RequestTimeout();
    return { status: 408, body: { error: e.code, message: e.message } };
  }
  const e = new BadHttp(String(error.code ?? 'unreadable request'));
  return { status: 400, body: { error: e.code, message: e.message } };
}

export function answerClientError(error: Error & { code?: string }, socket: Socket): void {
  // A connection reset, or a socket already gone: nobody to answer.
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  if (socket.writable) {
    const { status, body } = replyOf(error);
    const json = JSON.stringify(body);
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nConnection: close\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `Cache-Control: no-store\r\nContent-Length: ${Buffer.byteLength(json)}\r\n\r\n${json}`,
    );
  }
  socket.destroy();
}
