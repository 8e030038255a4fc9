/** Options every provider method takes as its last argument. */
export interface CallOptions {
  /** Aborts the call, including any back-off sleep between retries. */
  signal?: AbortSignal;
}
