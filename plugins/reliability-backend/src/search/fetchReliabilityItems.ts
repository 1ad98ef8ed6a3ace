import type {
  AuthService,
  DiscoveryService,
} from '@backstage/backend-plugin-api';
import { ResponseError } from '@backstage/errors';

/**
 * Reads `{ items }` from the reliability backend's own API with a service
 * token, as a collator in the search plugin must.
 */
export async function fetchReliabilityItems<T>(
  options: {
    discovery: DiscoveryService;
    auth: AuthService;
    fetch?: typeof fetch;
  },
  path: string,
): Promise<T[]> {
  const { discovery, auth } = options;
  const baseUrl = await discovery.getBaseUrl('reliability');
  const { token } = await auth.getPluginRequestToken({
    onBehalfOf: await auth.getOwnServiceCredentials(),
    targetPluginId: 'reliability',
  });
  const response = await (options.fetch ?? fetch)(`${baseUrl}${path}`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  if (!response.ok) {
    throw await ResponseError.fromResponse(response as any);
  }
  return ((await response.json()) as { items: T[] }).items;
}
