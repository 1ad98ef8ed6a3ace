import type { CatalogService } from '@backstage/plugin-catalog-node';

// Errors of the connection, not of the request: the catalog never saw it,
// or closed a kept-alive connection as it was being reused (its server
// drops idle connections after a few seconds, and a request sent on one at
// that moment fails with ECONNRESET).
const CONNECTION_ERRORS = new Set([
  'ECONNRESET',
  'EPIPE',
  'ECONNREFUSED',
  'ETIMEDOUT',
  'UND_ERR_SOCKET',
]);

/** Whether an error is one of the connection, worth one more try. @internal */
export function isConnectionError(error: unknown): boolean {
  for (let e: any = error, depth = 0; e && depth < 4; depth++) {
    if (CONNECTION_ERRORS.has(e.code) || CONNECTION_ERRORS.has(e.errno)) {
      return true;
    }
    if (/socket hang up/.test(String(e.message))) return true;
    e = e.cause;
  }
  return false;
}

/**
 * The catalog, its reads tried once more when the connection failed (after
 * `delayMs`): a read changes nothing, so a second try is safe, and a
 * postmortem or incident write that checks its entity refs is not refused
 * for a dropped connection. Writes and other errors pass through as they are.
 * @internal
 */
export function retryingCatalog(
  catalog: CatalogService,
  { delayMs = 50 }: { delayMs?: number } = {},
): CatalogService {
  return new Proxy(catalog, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      if (typeof property !== 'string' || !/^(get|query)/.test(property)) {
        return value.bind(target);
      }
      return async (...args: unknown[]) => {
        try {
          return await value.apply(target, args);
        } catch (error) {
          if (!isConnectionError(error)) throw error;
          await new Promise(r => setTimeout(r, delayMs));
          return await value.apply(target, args);
        }
      };
    },
  });
}
