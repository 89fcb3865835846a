/** The two recorded runs of `sort -n` (test/fixtures/compare/README.md): base on 50k numbers, head on 400k. */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const DIR = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/compare');

export interface RecordedRun {
  path: string;
  bytes: Buffer;
  id: string;
}

function run(name: string): RecordedRun {
  const path = join(DIR, `${name}.mem`);
  const bytes = readFileSync(path);
  return { path, bytes, id: createHash('sha256').update(bytes).digest('hex') };
}

export const BASE_RUN = run('sort-small');
export const HEAD_RUN = run('sort-large');

/** The value at a dotted path of a stats object ("peak.heap"). */
export function statsPath(stats: unknown, path: string): number | null {
  let value: unknown = stats;
  for (const key of path.split('.')) value = value === null ? null : (value as Record<string, unknown>)[key];
  return value as number | null;
}
