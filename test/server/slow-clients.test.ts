/**
 * Clients that would hold the service: refusals answered without reading the body, uploads
 * too slow to keep their slot, and one client taking every upload slot.
 */
import t from 'tap';
import { connect, type Socket } from 'node:net';
import { listen, fixture } from '../helper.js';

const sort = fixture('sort.mem');
const javac = fixture('javac.mem');
const TOKEN = 'a-token-of-enough-characters';

interface Exchange {
  /** What the server answered (status line, headers, body). */
  response: string;
  /** Body bytes the client managed to hand to the socket before the server closed it. */
  sent: number;
}

/** Sends a request head, then body bytes as fast as the socket takes them (up to `cap`), until the server closes. */
function pushUntilClosed(url: string, head: string, cap: number): Promise<Exchange> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket: Socket = connect(Number(port), hostname);
    const chunk = Buffer.alloc(64 << 10, 1);
    let response = '';
    let sent = 0;
    let closed = false;
    socket.on('data', (data) => (response += data.toString('latin1')));
    socket.on('error', () => undefined); // EPIPE/ECONNRESET once the server closes: expected
    socket.on('close', () => {
      closed = true;
      resolve({ response, sent });
    });
    socket.on('connect', () => {
      socket.write(head);
      const pump = () => {
        while (!closed && sent < cap) {
          sent += chunk.length;
          if (!socket.write(chunk)) return void socket.once('drain', pump);
        }
        if (!closed) reject(new Error(`the server read all of ${cap} bytes without closing the connection`));
      };
      pump();
    });
  });
}

t.test('refusals close the connection without reading the body; the declared length is checked first', async (t) => {
  const { url } = await listen(t, { config: { apiTokens: [TOKEN], maxUploadBytes: 1 << 20 } });
  const declared = 7 * 1024 ** 3;
  const head = (auth: string) =>
    `POST /profiles HTTP/1.1\r\nHost: x\r\nContent-Type: application/octet-stream\r\nContent-Length: ${declared}\r\n${auth}\r\n`;

  const tooLarge = await pushUntilClosed(url, head(''), 1 << 30);
  t.match(tooLarge.response, /^HTTP\/1\.1 413 /, '413 by the declared length, before the token check');
  t.match(tooLarge.response, /"error":"INPUT_TOO_LARGE"/);
  t.match(tooLarge.response, /connection: close/i);
  t.ok(tooLarge.sent < 64 << 20, `the server stopped taking the body after ${tooLarge.sent} bytes`);

  // Within the size limit (8 GiB here), a bad token: the 7 GiB body is not read either.
  const large = await listen(t, { config: { apiTokens: [TOKEN], maxUploadBytes: 8 * 1024 ** 3 } });
  const unauthorized = await pushUntilClosed(large.url, head('Authorization: Bearer wrong\r\n'), 1 << 30);
  t.match(unauthorized.response, /^HTTP\/1\.1 401 /);
  t.match(unauthorized.response, /"error":"UNAUTHORIZED"/);
  t.match(unauthorized.response, /connection: close/i);
  t.ok(unauthorized.sent < 64 << 20, `the server stopped taking the body after ${unauthorized.sent} bytes`);

  // A valid token and an honest length: the upload is read.
  const ok = await fetch(`${url}/profiles`, {
    method: 'POST',
    body: new Blob([sort.bytes]),
    headers: { 'content-type': 'application/octet-stream', authorization: `Bearer ${TOKEN}` },
  });
  t.equal(ok.status, 201);
});

t.test('a small refused body is read to its end: a client still sending gets the answer, and the connection serves the next request', async (t) => {
  const { url } = await listen(t, { config: { apiTokens: [TOKEN] } });
  const { hostname, port } = new URL(url);
  const socket = connect(Number(port), hostname);
  let response = '';
  socket.on('data', (data) => (response += data.toString('latin1')));
  const body = Buffer.alloc(900 << 10, 7);
  // Sent slowly enough that the answer comes while most of the body is still on its way.
  socket.write(`POST /compare HTTP/1.1\r\nHost: x\r\nContent-Type: application/octet-stream\r\nContent-Length: ${body.length}\r\n\r\n`);
  for (let at = 0; at < body.length; at += 64 << 10) {
    socket.write(body.subarray(at, at + (64 << 10)));
    await new Promise((r) => setTimeout(r, 5));
  }
  socket.write('GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n');
  for (let i = 0; i < 200 && !/"status":"ok"/.test(response); i++) await new Promise((r) => setTimeout(r, 25));
  socket.destroy();
  t.match(response, /^HTTP\/1\.1 401 /, 'the refusal came');
  t.notMatch(response, /connection: close/i);
  t.match(response, /HTTP\/1\.1 200 [^]*"status":"ok"/, 'and the next request on the same connection was answered');
});

/** Opens an upload of `file` that sends its first `sent` bytes and then stalls; resolves with the server's answer when it ends. */
function stalledUpload(url: string, headers = '', file = sort, sent = 48): { answer: Promise<string>; socket: Socket } {
  const { hostname, port } = new URL(url);
  const socket = connect(Number(port), hostname);
  socket.on('error', () => undefined);
  let response = '';
  socket.on('data', (data) => (response += data.toString('latin1')));
  socket.write(`POST /profiles HTTP/1.1\r\nHost: x\r\nContent-Type: application/octet-stream\r\nContent-Length: ${file.bytes.length}\r\n${headers}\r\n`);
  socket.write(file.bytes.subarray(0, sent));
  return { socket, answer: new Promise((resolve) => socket.on('close', () => resolve(response))) };
}

async function activeUploads(url: string): Promise<number> {
  return ((await (await fetch(`${url}/healthz`)).json()) as { uploads: { active: number } }).uploads.active;
}

async function until(condition: () => Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (await condition()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

t.test('an upload that has not sent its first 64 KiB holds no slot, and is aborted with 408 when too slow', async (t) => {
  const { url } = await listen(t, { config: { uploadConcurrency: 1, uploadMinBytes: 1024, uploadRateWindowMs: 1000 } });
  const slow = stalledUpload(url);
  await new Promise((r) => setTimeout(r, 200));
  t.equal(await activeUploads(url), 0, 'the stalled upload takes no slot');
  const other = await fetch(`${url}/profiles`, { method: 'POST', body: new Blob([sort.bytes]), headers: { 'content-type': 'application/octet-stream' } });
  t.equal(other.status, 201, 'another upload goes through meanwhile');
  const answer = await slow.answer;
  t.match(answer, /^HTTP\/1\.1 408 /, 'the stalled upload is answered 408');
  t.match(answer, /"error":"UPLOAD_TOO_SLOW"/);
  t.match(answer, /fewer than 1024 bytes in 1000 ms/);
});

t.test('an upload that stalls after its first piece is aborted with 408 and frees its slot', async (t) => {
  const { url } = await listen(t, { config: { uploadConcurrency: 1, uploadMinBytes: 1024, uploadRateWindowMs: 1000 } });
  const slow = stalledUpload(url, '', javac, 100 * 1024);
  await until(async () => (await activeUploads(url)) === 1, 'the slow upload to take the slot');
  const busy = await fetch(`${url}/profiles`, { method: 'POST', body: new Blob([sort.bytes]), headers: { 'content-type': 'application/octet-stream' } });
  t.equal(busy.status, 503, 'the only slot is taken');
  t.not(busy.headers.get('connection'), 'close', 'a refused body of 7 KB is read and dropped: the connection stays');
  const large = Buffer.alloc(2 << 20, 1);
  const busyLarge = await fetch(`${url}/profiles`, { method: 'POST', body: new Blob([large]), headers: { 'content-type': 'application/octet-stream' } }).catch((error: Error) => error);
  if (busyLarge instanceof Error) t.pass(`a refused 2 MiB body is not read: the client saw the socket close (${busyLarge.message})`);
  else t.equal(busyLarge.headers.get('connection'), 'close', 'a refused 2 MiB body is not read');
  const answer = await slow.answer;
  t.match(answer, /^HTTP\/1\.1 408 /, 'the stalled upload is answered 408');
  t.match(answer, /"error":"UPLOAD_TOO_SLOW"/);
  t.equal(await activeUploads(url), 0, 'its slot is free');
  const next = await fetch(`${url}/profiles`, { method: 'POST', body: new Blob([sort.bytes]), headers: { 'content-type': 'application/octet-stream' } });
  t.equal(next.status, 201, 'the next upload gets the slot');
});

t.test('one client cannot take every upload slot (by IP, or by token when tokens are set)', async (t) => {
  const { url } = await listen(t, { config: { apiTokens: [TOKEN, `${TOKEN}-2`], uploadConcurrency: 4, uploadClientConcurrency: 1, uploadMinBytes: 0 } });
  const auth = (token: string) => ({ 'content-type': 'application/octet-stream', authorization: `Bearer ${token}` });
  const held = stalledUpload(url, `Authorization: Bearer ${TOKEN}\r\n`, javac, 100 * 1024);
  t.teardown(() => held.socket.destroy());
  await until(async () => (await activeUploads(url)) === 1, 'the first upload to start');
  const second = await fetch(`${url}/profiles`, { method: 'POST', body: new Blob([sort.bytes]), headers: auth(TOKEN) });
  t.equal(second.status, 429, 'the same token: 429');
  t.equal(second.headers.get('retry-after'), '5');
  t.match(await second.json(), { error: 'TOO_MANY_UPLOADS', message: /already has 1 uploads in progress/, hint: /retry/ });
  const other = await fetch(`${url}/profiles`, { method: 'POST', body: new Blob([sort.bytes]), headers: auth(`${TOKEN}-2`) });
  t.equal(other.status, 201, 'another token from the same address: served');
});
