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
 * token, as a collator in the search plugin must. A route that pages its
 * answer (`{ items, totalCount }`, with `limit` and `offset`) is read page
 * by page until every matching item has come.
 */
export async function* fetchReliabilityItems<T>(
  options: {
    discovery: DiscoveryService;
    auth: AuthService;
    fetch?: typeof fetch;
  },
  path: string,
): AsyncGenerator<T> {
  const { discovery, auth } = options;
  const baseUrl = await discovery.getBaseUrl('reliability');
  for (let offset = 0; ; ) {
    const { token } = await auth.getPluginRequestToken({
      onBehalfOf: await auth.getOwnServiceCredentials(),
      targetPluginId: 'reliability',
    });
    const page = offset
      ? `${path}${path.includes('?') ? '&' : '?'}offset=${offset}`
      : path;
    const response = await (options.fetch ?? fetch)(`${baseUrl}${page}`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    if (!response.ok) {
      throw await ResponseError.fromResponse(response as any);
    }
    const { items, totalCount } = (await response.json()) as {
      items: T[];
      totalCount?: number;
    };
    yield* items;
    offset += items.length;
    if (totalCount === undefined || items.length === 0 || offset >= totalCount)
      return;
  }
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
    for await (const item of fetchReliabilityItems<T>(
      this.options,
      this.path,
    )) {
      yield this.toDocument(item);
    }
  }
}
