/**
 * Where summaries and rendered images are kept: bytes by key. Every store (filesystem, Redis,
 * memory) passes the same contract tests; callers treat a miss and a corrupt entry alike.
 */
export interface CacheStore {
  /** 'filesystem', 'redis', 'memory' or a combination: for logs and /healthz. */
  readonly kind: string;
  /** The bytes stored under key, or null when absent (or detected corrupt, which is then removed). */
  get(key: string): Promise<Buffer | null>;
  /** Stores the bytes under key, replacing any previous value; readers never see a partial value. */
  set(key: string, value: Buffer): Promise<void>;
  has(key: string): Promise<boolean>;
  /** Removes key; true when it was there. */
  delete(key: string): Promise<boolean>;
  /** Throws when the store cannot serve (for /healthz). */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** The store cannot be reached (e.g. Redis down): a 503 for the client, not a 500. */
export class StoreUnavailableError extends Error {
  readonly code = 'STORE_UNAVAILABLE';
  constructor(store: string, cause: unknown) {
    super(`the ${store} cache store is unavailable: ${(cause as Error)?.message ?? String(cause)}`, { cause });
    this.name = 'StoreUnavailableError';
  }
}

/**
 * The store could not keep a value (a full disk, a read-only mount, an I/O error): the client
 * should retry later (503), and /healthz reports the store sick until a write succeeds again.
 */
export class StoreWriteError extends Error {
  readonly code = 'STORE_WRITE_FAILED';
  /** The errno code, e.g. ENOSPC. */
  readonly reason: string;
  constructor(store: string, cause: unknown) {
    const reason = String((cause as NodeJS.ErrnoException)?.code ?? 'unknown');
    super(`the ${store} cache store cannot write (${reason}): ${(cause as Error)?.message ?? String(cause)}`, { cause });
    this.name = 'StoreWriteError';
    this.reason = reason;
  }
}
