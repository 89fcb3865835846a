import { copyFileSync, existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import t from 'tap';
import { fixturePath } from '../fixtures.js';
import { runCapture } from './cli-io.js';

t.test('memplot FILE writes FILE.png beside it, as memusagestat does', async (t) => {
  const dir = t.testdir();
  copyFileSync(fixturePath('sort.mem'), join(dir, 'sort.mem'));
  const run = await runCapture([join(dir, 'sort.mem')]);
  t.equal(run.code, 0, run.stderr);
  const meta = await sharp(join(dir, 'sort.mem.png')).metadata();
  t.same([meta.format, meta.width, meta.height], ['png', 800, 600]);
  t.same(readdirSync(dir).sort(), ['sort.mem', 'sort.mem.png'], 'no temporary file left behind');
});

t.test("memusagestat's flags: -o, -s, -t, -T, -x, -y; format from the extension", async (t) => {
  const dir = t.testdir();
  const out = join(dir, 'javac.svg');
  const run = await runCapture(['-T', '-t', '-s', 'javac build', '-x', '1000', '-y', '400', '-o', out, fixturePath('javac.mem')]);
  t.equal(run.code, 0, run.stderr);
  const svg = readFileSync(out, 'utf8');
  t.match(svg, /^<svg[^>]*width="1000"[^>]*height="400"/);
  t.match(svg, 'javac build');
  const webp = join(dir, 'javac.webp');
  t.equal((await runCapture(['--scale', '2', '--theme', 'dark', fixturePath('javac.mem'), webp])).code, 0);
  const meta = await sharp(webp).metadata();
  t.same([meta.format, meta.width, meta.height], ['webp', 1600, 1200], 'scale 2 doubles the pixels');
});

t.test('standard input to standard output', async (t) => {
  const run = await runCapture(['--format', 'png', '-'], readFileSync(fixturePath('ls.mem')));
  t.equal(run.code, 0, run.stderr);
  t.same((await sharp(run.stdout).metadata()).format, 'png');
});

t.test('bad input leaves no output file and says what is wrong', async (t) => {
  const dir = t.testdir({ 'bad.mem': 'this is not a memusage file, it is text of some length\n' });
  const run = await runCapture([join(dir, 'bad.mem')]);
  t.equal(run.code, 1);
  t.match(run.stderr, /bad\.mem: not a memusage data file/);
  t.notOk(existsSync(join(dir, 'bad.mem.png')));
});
