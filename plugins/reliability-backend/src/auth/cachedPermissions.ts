import type {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';

/**
 * The permission service, with each decision kept for a few seconds per
 * principal and request: a user saving twice, or reading a list every few
 * seconds, asks the policy (a round trip to the permission backend, whose
 * policy may read the user's ownership from the catalog) once. A decision is
 * kept for `ttlMs` at most, so a changed policy or ownership shows within
 * that; Backstage tells a plugin of neither change. Keys name the principal
 * whole (a user with the acting service, a service with its access
 * restrictions), so no caller ever gets another's decision. `ttlMs` 0 asks
 * every time.
 */
export function cachedPermissions(
  permissions: PermissionsService,
  options: { ttlMs: number; maxEntries?: number; now?: () => number },
): PermissionsService {
  const { ttlMs } = options;
  if (ttlMs <= 0) return permissions;
  const maxEntries = options.maxEntries ?? 10_000;
  const now = options.now ?? Date.now;
  const held = new Map<string, { until: number; decision: Promise<unknown> }>();

  const principalKey = (credentials: BackstageCredentials) =>
    JSON.stringify(credentials.principal);

  // Each request's decision from memory, or asked in one call with the
  // others not held; a failed call is forgotten at once.
  async function decide<R, D>(
    kind: string,
    requests: R[],
    credentials: BackstageCredentials,
    ask: (missing: R[]) => Promise<D[]>,
  ): Promise<D[]> {
    const at = now();
    const who = principalKey(credentials);
    const keys = requests.map(r => `${kind}|${who}|${JSON.stringify(r)}`);
    const missing: number[] = [];
    const answers: Array<Promise<unknown> | undefined> = keys.map((key, i) => {
      const entry = held.get(key);
      if (entry && entry.until > at) return entry.decision;
      missing.push(i);
      return undefined;
    });
    if (missing.length > 0) {
      const asked = ask(missing.map(i => requests[i]));
      missing.forEach((i, k) => {
        const decision = asked.then(all => all[k]);
        answers[i] = decision;
        if (held.size >= maxEntries) {
          // The oldest first: a Map keeps insertion order.
          for (const [key, entry] of held) {
            if (held.size < maxEntries && entry.until > at) break;
            held.delete(key);
          }
        }
        held.set(keys[i], { until: at + ttlMs, decision });
        decision.catch(() => held.delete(keys[i]));
      });
    }
    return (await Promise.all(answers)) as D[];
  }

  return {
    authorize: (requests, opts) =>
      decide('authorize', requests, opts.credentials, missing =>
        permissions.authorize(missing, opts),
      ),
    authorizeConditional: (requests, opts) =>
      decide('conditional', requests, opts.credentials, missing =>
        permissions.authorizeConditional(missing, opts),
      ),
  };
}
