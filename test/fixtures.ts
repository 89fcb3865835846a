import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The shared fixtures folder: the repository is cloned beside `shared/`. */
export const FIXTURES_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../shared/fixtures');

export function fixturePath(name: string): string {
  return join(FIXTURES_DIR, name);
}

/** Reference values beside each recorded fixture, read by an independent reader. */
export interface FixtureReference {
  file: string;
  bytes: number;
  records: number;
  trailing_bytes: number;
  header: { peak_total: string; peak_heap: string; peak_stack: string; start_time: string; end_time: string };
  header_complete: boolean;
  entries: number;
  computed?: {
    max_heap: string;
    max_heap_signed: string;
    index_of_max_heap: number;
    max_stack: string;
    max_total: string;
    max_total_signed: string;
    final_heap_signed: string;
    final_heap: string;
    final_stack: string;
    first_time: string;
    last_time: string;
    min_time: string;
    max_time: string;
    nonmonotonic_time_steps: number;
    heap_increases: number;
    heap_decreases: number;
    heap_unchanged: number;
  };
}

/** Names (without .mem) of the real recordings that have a reference. */
export function recordedFixtures(): string[] {
  return readdirSync(FIXTURES_DIR)
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -'.json'.length))
    .sort();
}

export function readReference(name: string): FixtureReference {
  return JSON.parse(readFileSync(fixturePath(`${name}.json`), 'utf8')) as FixtureReference;
}
