/** Notes every malloc-tag chart shows about its snapshot: scopes the tree had no room for, frees it could not attribute, a format without freed counts. */
import type { MallocTagSnapshot } from '../../format/malloc-tag/snapshot.js';
import { formatInteger } from '../count-format.js';

export function snapshotNotes(snapshot: MallocTagSnapshot, count = 1): string[] {
  const notes: string[] = [];
  const pushFailures = snapshot.threads.reduce((sum, thread) => sum + thread.pushFailures, 0);
  if (pushFailures > 0) notes.push(`${formatInteger(pushFailures)} scope pushes found the tree full (nPushNodeFailures): their bytes are counted in the parent scope`);
  const freeFailures = snapshot.threads.reduce((sum, thread) => sum + thread.freeTrackingFailed, 0);
  if (freeFailures > 0) notes.push(`${formatInteger(freeFailures)} frees could not be attributed to a scope (nFreeTrackingFailed)`);
  if (count > 1) notes.push(`${count} snapshots given: this chart draws the last (kind=timeline draws them all)`);
  return notes;
}
