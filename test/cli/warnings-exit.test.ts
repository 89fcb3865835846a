import { spawn } from 'node:child_process';
import { copyFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import t from 'tap';
import { fixturePath } from '../fixtures.js';
import { runCapture } from './cli-io.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

t.test("a crashed program's file: its warning on stderr, exit 0; 3 under --strict", async (t) => {
  const dir = t.testdir();
  copyFileSync(fixturePath('killed.mem'), join(dir, 'killed.mem'));
  const file = join(dir, 'killed.mem');
  const drawn = await runCapture([file, join(dir, 'k.svg')]);
  t.equal(drawn.code, 0);
  t.match(drawn.stderr, new RegExp(`^memplot: ${file.replace(/[.]/g, '\\.')}: warning: .*\\(HEADER_INCOMPLETE\\)\\n$`));
  const strict = await runCapture(['--strict', file, join(dir, 'k.svg')]);
  t.equal(strict.code, 3);
  t.equal(strict.stderr, drawn.stderr);
  const truncated = await runCapture(['stats', '--strict', fixturePath('killed-truncated.mem')]);
  t.equal(truncated.code, 3);
  t.match(truncated.stderr, /warning: .*\(TRAILING_BYTES\)/);
  t.equal(JSON.parse(truncated.stdout.toString('utf8')).trailingBytes, 8, 'stats still printed');
  const clean = await runCapture(['--strict', fixturePath('sort.mem'), join(dir, 's.svg')]);
  t.same([clean.code, clean.stderr], [0, '']);
});

t.test('memplot print FILE | head -1 ends quietly', async (t) => {
  // javac.mem prints 95,523 lines (~5 MB): the reader is gone long before the end.
  const child = spawn(process.execPath, [join(ROOT, 'bin/memplot.js'), 'print', fixturePath('javac.mem')], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const first = await new Promise<string>((resolve) => child.stdout.once('data', (chunk: Buffer) => resolve(chunk.toString('utf8'))));
  child.stdout.destroy();
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  t.match(first, /^ {17}: 0/);
  t.equal(stderr, '', 'no stack trace');
  t.equal(code, 0);
});
