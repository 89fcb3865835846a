/**
 * What can be wrong with an input. Each error says what was found and what was expected;
 * adapters map the codes to exit codes (CLI) or HTTP statuses (422 / 413).
 */

export type MemFormatErrorCode =
  /** Fewer than the 48 bytes of the two header records. */
  | 'MEM_TOO_SHORT'
  /** Bytes that memusage never writes (e.g. a non-zero heap in the first header record). */
  | 'MEM_NOT_MEMUSAGE'
  /** Gzip magic bytes, but the gzip stream is broken. */
  | 'MEM_BAD_GZIP'
  /** JSON (it starts with `{` or `[`) that does not parse: truncated, or a syntax error (the byte is named). */
  | 'MTAG_BAD_JSON'
  /** Valid JSON that is not a malloc-tag snapshot (no PID / tree_for_TID keys, or a field of the wrong type). */
  | 'MTAG_NOT_MALLOC_TAG'
  /** A snapshot (or the snapshots of one upload together) over the snapshot size limit: snapshots are KBs. */
  | 'MTAG_TOO_LARGE'
  /** JSON nested deeper, or with more objects, than any snapshot has (checked on the bytes, before parsing). */
  | 'MTAG_TOO_COMPLEX'
  /** An upload whose parts do not make a profile: several .mem files, a .mem among snapshots, `tags` that is no snapshot or without a .mem. */
  | 'MTAG_BAD_COMBINATION';

export class MemFormatError extends Error {
  readonly code: MemFormatErrorCode;
  readonly hint: string | undefined;
  constructor(code: MemFormatErrorCode, message: string, hint?: string) {
    super(message);
    this.name = 'MemFormatError';
    this.code = code;
    this.hint = hint;
  }
}

/** The (decompressed) input exceeds the configured limit: a gzip bomb ends here too. */
export class InputTooLargeError extends Error {
  readonly code = 'INPUT_TOO_LARGE';
  readonly limit: number;
  constructor(limit: number) {
    super(`input exceeds the limit of ${limit} bytes (after decompression)`);
    this.name = 'InputTooLargeError';
    this.limit = limit;
  }
}
