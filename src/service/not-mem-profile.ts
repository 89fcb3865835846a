/**
 * Something only a .mem recording has (a heap over time: comparisons, their charts, badges, series)
 * asked of a profile that holds malloc-tag snapshots.
 */
export class NotMemProfileError extends Error {
  readonly code = 'NOT_A_MEM_PROFILE';
  constructor(
    readonly id: string,
    readonly what: string,
  ) {
    super(`profile ${id} holds malloc-tag snapshots, not a .mem recording: ${what} take .mem profiles`);
    this.name = 'NotMemProfileError';
  }
}
