/**
 * memusagestat's command lines, run against memplot and, where it is installed, against glibc's
 * memusagestat on a copy of the same file: the same output file, and success where it succeeds.
 * Exit codes differ by design (memplot: 2 for any usage error, where argp exits 64 and
 * memusagestat 1 for a wrong number of operands; memplot also refuses out-of-range sizes).
 */
import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import sharp from 'sharp';
import t from 'tap';
import { fixturePath } from '../fixtures.js';
import { runCapture } from './cli-io.js';

const MEMUSAGESTAT = '/usr/bin/memusagestat';

interface Invocation {
  argv: string[];
  /** The file memplot writes (PNG unless named .svg), or null for none. */
  writes: string | null;
  /** memplot's exit code, then what it says (stdout for 0, stderr otherwise). */
  code: number;
  says?: RegExp;
  /** memusagestat's exit code when it differs from memplot's. */
  memusagestatCode?: number;
  /** Image width memplot draws, when not the default 800. */
  width?: number;
}

const INVOCATIONS: Invocation[] = [
  { argv: ['-tT', 'f.mem'], writes: 'f.mem.png', code: 0 },
  { argv: ['-Tto', 'out.png', 'f.mem'], writes: 'out.png', code: 0 },
  { argv: ['-tTx900', 'f.mem'], writes: 'f.mem.png', code: 0, width: 900 },
  { argv: ['-Tx', '900', 'f.mem'], writes: 'f.mem.png', code: 0, width: 900 },
  { argv: ['--x-s=900', 'f.mem'], writes: 'f.mem.png', code: 0, width: 900 },
  { argv: ['--x-size', '900', 'f.mem'], writes: 'f.mem.png', code: 0, width: 900 },
  { argv: ['--str=title', 'f.mem'], writes: 'f.mem.png', code: 0 },
  { argv: ['-sTITLE', 'f.mem'], writes: 'f.mem.png', code: 0 },
  { argv: ['--tot', '--ti', 'f.mem'], writes: 'f.mem.png', code: 0 },
  { argv: ['f.mem', 'outname'], writes: 'outname', code: 0 },
  { argv: ['-o', 'x.gif', 'f.mem'], writes: 'x.gif', code: 0 },
  { argv: ['-o', 'a.png', 'f.mem', 'b.png'], writes: 'b.png', code: 0 },
  { argv: ['f.mem', '-o', 'after.png'], writes: 'after.png', code: 0 },
  { argv: ['-o', 'first.png', '-o', 'second.png', 'f.mem'], writes: 'second.png', code: 0 },
  { argv: ['--output=eq.png', 'f.mem'], writes: 'eq.png', code: 0 },
  { argv: ['-?'], writes: null, code: 0, says: /^Usage: memplot \[OPTION\.\.\.\] DATAFILE \[OUTFILE\]/ },
  { argv: ['--help'], writes: null, code: 0, says: /-x, --x-size=VALUE .*from 100 to 4096; default 800/s },
  { argv: ['--h'], writes: null, code: 0, says: /^Usage: memplot/ },
  { argv: ['--usage'], writes: null, code: 0, says: /^Usage: memplot \[-/ },
  { argv: ['--u'], writes: null, code: 0, says: /^Usage: memplot \[-/ },
  { argv: ['-V'], writes: null, code: 0, says: /^memplot \d/ },
  { argv: ['--v'], writes: null, code: 0, says: /^memplot \d/ },
  { argv: ['-?', '--bogus'], writes: null, code: 0, says: /^Usage:/ },
  { argv: ['--t', 'f.mem'], writes: null, code: 2, memusagestatCode: 64, says: /option '--t' is ambiguous; possibilities: '--time' '--total'/ },
  { argv: ['--foo', 'f.mem'], writes: null, code: 2, memusagestatCode: 64, says: /unrecognized option '--foo'\nTry 'memplot --help' or 'memplot --usage'/ },
  { argv: ['-q', 'f.mem'], writes: null, code: 2, memusagestatCode: 64, says: /invalid option -- 'q'/ },
  { argv: ['-x'], writes: null, code: 2, memusagestatCode: 64, says: /option requires an argument -- 'x'/ },
  { argv: ['--x-size'], writes: null, code: 2, memusagestatCode: 64, says: /option '--x-size' requires an argument/ },
  { argv: ['--time=3', 'f.mem'], writes: null, code: 2, memusagestatCode: 64, says: /option '--time' doesn't allow an argument/ },
  { argv: ['--p', 'prog'], writes: null, code: 2, memusagestatCode: 1, says: /^prog: missing DATAFILE\nTry 'prog --help'/ },
  { argv: ['--program-name=prog', '--bogus'], writes: null, code: 2, memusagestatCode: 64, says: /^prog: unrecognized option '--bogus'\nTry 'prog --help'/ },
  { argv: [], writes: null, code: 2, memusagestatCode: 1, says: /missing DATAFILE/ },
  { argv: ['f.mem', 'b.png', 'c.png'], writes: null, code: 2, memusagestatCode: 1, says: /too many arguments: c\.png/ },
  { argv: ['--', '-o', 'f.mem'], writes: null, code: 1, says: /-o: cannot read: no such file/ },
  { argv: ['-x', '99', 'f.mem'], writes: null, code: 2, memusagestatCode: 0, says: /option -x\/--x-size: expected an integer from 100 to 4096, received "99"/ },
  { argv: ['-x', 'abc', 'f.mem'], writes: null, code: 2, memusagestatCode: 0, says: /option -x\/--x-size: expected an integer/ },
];

function filesIn(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => name !== 'f.mem')
    .sort();
}

/** The same command line in a directory of its own, with a copy of sort.mem as f.mem. */
function freshDir(t: { testdir(): string }): string {
  const dir = t.testdir();
  copyFileSync(fixturePath('sort.mem'), join(dir, 'f.mem'));
  return dir;
}

t.test('memplot runs memusagestat command lines by argp rules', async (t) => {
  for (const invocation of INVOCATIONS) {
    await t.test(invocation.argv.join(' ') || '(no arguments)', async (t) => {
      const dir = freshDir(t);
      const cwd = process.cwd();
      process.chdir(dir);
      let run;
      try {
        run = await runCapture(invocation.argv);
      } finally {
        process.chdir(cwd);
      }
      t.equal(run.code, invocation.code, run.stderr);
      if (invocation.says) t.match(invocation.code === 0 ? run.stdout.toString('utf8') : run.stderr, invocation.says);
      t.same(filesIn(dir), invocation.writes ? [invocation.writes] : []);
      if (invocation.writes) {
        const meta = await sharp(join(dir, invocation.writes)).metadata();
        t.same([meta.format, meta.width], ['png', invocation.width ?? 800], 'PNG whatever the name');
      }
    });
  }
});

t.test('glibc memusagestat on the same command lines writes the same file', { skip: existsSync(MEMUSAGESTAT) ? false : `${MEMUSAGESTAT} is not installed` }, async (t) => {
  for (const invocation of INVOCATIONS) {
    await t.test(invocation.argv.join(' ') || '(no arguments)', async (t) => {
      const dir = freshDir(t);
      const code = await promisify(execFile)(MEMUSAGESTAT, invocation.argv, { cwd: dir }).then(
        () => 0,
        (error: { code: number }) => error.code,
      );
      t.equal(code, invocation.memusagestatCode ?? invocation.code);
      // memusagestat draws what memplot refuses (-x 99): only its file name matters then.
      const writes = invocation.memusagestatCode === 0 && invocation.code !== 0 ? ['f.mem.png'] : invocation.writes ? [invocation.writes] : [];
      t.same(filesIn(dir), writes);
    });
  }
});
