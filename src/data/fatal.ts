/**
 * Errors after which the engine in the worker cannot be trusted: a WebAssembly trap, an abort,
 * or DuckDB's own fatal and internal errors, after which it answers every query with
 * "database has been invalidated". The page then starts a new worker (client.ts).
 */
const FATAL_MESSAGES = [
  /database has been invalidated/i,
  /^FATAL Error/i,
  /^INTERNAL Error/i,
  /^Aborted\(/,
  /memory access out of bounds/i,
  /^unreachable$/i,
];

export function isFatalEngineError(error: unknown): boolean {
  if (typeof WebAssembly !== 'undefined' && error instanceof WebAssembly.RuntimeError) return true;
  const message = error instanceof Error ? error.message : String(error);
  return FATAL_MESSAGES.some((pattern) => pattern.test(message.trim()));
}
