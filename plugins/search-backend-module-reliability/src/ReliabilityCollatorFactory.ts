import type {
  AuthService,
  DiscoveryService,
} from '@backstage/backend-plugin-api';
import { ResponseError } from '@backstage/errors';
import type {
  DocumentCollatorFactory,
  IndexableDocument,
} from '@backstage/plugin-search-common';
import { Readable } from 'node:stream';

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

/** What a reliability collator needs to reach the reliability API. */
export interface ReliabilityCollatorOptions {
  discovery: DiscoveryService;
  auth: AuthService;
  fetch?: typeof fetch;
}

/**
 * A collator that turns the `{ items }` of one reliability API route into
 * search documents, one per item.
 */
export abstract class ReliabilityCollatorFactory<T, D extends IndexableDocument>
  implements DocumentCollatorFactory
{
  abstract readonly type: string;
  protected abstract readonly path: string;

  constructor(private readonly options: ReliabilityCollatorOptions) {}

  protected abstract toDocument(item: T): D;

  async getCollator(): Promise<Readable> {
    return Readable.from(this.execute());
  }

  private async *execute(): AsyncGenerator<D> {
    for (const item of await fetchReliabilityItems<T>(
      this.options,
      this.path,
    )) {
      yield this.toDocument(item);
    }
  }
}
