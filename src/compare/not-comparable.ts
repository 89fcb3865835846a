/** A comparison, overlay or badge asked of a profile that has no heap over time (a malloc-tag snapshot profile). */
export class NotComparableError extends Error {
  readonly code = 'PROFILE_NOT_COMPARABLE';
  constructor(readonly id: string) {
    super(`profile ${id} holds malloc-tag snapshots, not a .mem recording: comparisons, their charts and badges take .mem profiles`);
    this.name = 'NotComparableError';
  }
}
