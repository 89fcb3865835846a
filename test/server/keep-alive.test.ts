/**
 * A keep-alive connection stays usable after an upload: the next request on it is answered, also
 * when the upload was refused or finished before its body was read to its end (the rest is read
 * and dropped; Node would leave the connection paused behind it).
 */
import t from 'tap';
import { connect } from 'node:net';
import { gzipSync } from 'node:zlib';
import { listen, fixture } from '../helper.js';

const sort = fixture('sort.mem');

/** Sends `data` on one connection; everything the server answered until it closed it, or until `ms`. */
function exchange(url: string, data: Buffer, ms = 5000): Promise<{ text: string; closed: boolean }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect(Number(port), hostname);
    let text = '';
    const done = (closed: boolean) => {
      clearTimeout(timer);
      socket.destroy();
      resolve({ text, closed });
    };
    const timer = setTimeout(() => done(false), ms);
    socket.on('data', (chunk) => {
      text += chunk.toString('latin1');
      if (statuses(text).length >= 2) done(false);
    });
    socket.on('close', () => done(true));
    socket.on('error', () => undefined);
    socket.write(data);
  });
}

/** The status codes of the responses in `text` (a body without a final newline runs into the next status line). */
function statuses(text: string): number[] {
  return [...text.matchAll(/HTTP\/1\.1 (\d{3}) /g)].map((m) => Number(m[1]));
}

const upload = (body: Buffer) =>
  Buffer.concat([Buffer.from(`POST /profiles HTTP/1.1\r\nHost: x\r\nContent-Type: application/octet-stream\r\nContent-Length: ${body.length}\r\n\r\n`), body]);
const health = Buffer.from('GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n');

t.test('the next request on the connection is answered after an upload', async (t) => {
  const { url } = await listen(t);
  const { text } = await exchange(url, Buffer.concat([upload(sort.bytes), health]));
  t.same(statuses(text), [201, 200], 'the upload, and the request after it on the same connection');
});

for (const size of [20, 70, 100, 300, 1100]) {
  t.test(`after an upload refused while its ${size} KiB body was still unread, the next request on the connection is answered`, async (t) => {
    const { url } = await listen(t);
    const notMem = Buffer.alloc(size * 1024, 0xab);
    const { text } = await exchange(url, Buffer.concat([upload(notMem), health]));
    t.same(statuses(text), [422, 200]);
  });
}

t.test('after an upload whose gzip stream ends before its body, the next request on the connection is answered', async (t) => {
  const { url } = await listen(t);
  const body = Buffer.concat([gzipSync(sort.bytes), Buffer.alloc(256 * 1024, 7)]);
  const { text } = await exchange(url, Buffer.concat([upload(body), health]));
  const answers = statuses(text);
  t.equal(answers.length, 2, `both answered (${answers.join(', ')})`);
  t.equal(answers[1], 200);
});

t.test('a request the HTTP parser refuses is answered in JSON with Connection: close, then the connection is closed', async (t) => {
  const { url } = await listen(t);
  const huge = Buffer.from(`GET /compare/${'a'.repeat(64)}/${'b'.repeat(64)}?${'fail_on=peak.heap%3E%2B5%25&'.repeat(800)} HTTP/1.1\r\nHost: x\r\n\r\n`);
  const tooLarge = await exchange(url, Buffer.concat([huge, health]));
  t.same(statuses(tooLarge.text), [431], 'the 431 alone: the request after it on the connection is not read');
  t.ok(tooLarge.closed, 'and the server closed the connection');
  t.match(tooLarge.text, /\r\nconnection: close\r\n/i, 'saying so, so that a keep-alive client does not send its next request into it');
  const body = JSON.parse(tooLarge.text.slice(tooLarge.text.indexOf('\r\n\r\n') + 4));
  t.match(body, { error: 'HEADERS_TOO_LARGE', message: /over the 16 KiB/, hint: /fail_on/ });
  const garbage = await exchange(url, Buffer.from('BREW /pot HTCPCP/1.0\r\n\r\n'));
  t.same(statuses(garbage.text), [400]);
  t.match(garbage.text, /\r\nconnection: close\r\n/i);
  t.match(JSON.parse(garbage.text.slice(garbage.text.indexOf('\r\n\r\n') + 4)), { error: 'BAD_HTTP', message: /not valid HTTP\/1\.1 \(HPE_/ });
});
