import { parseEntityRef } from '@backstage/catalog-model';
import type { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import type {
  EntityReliabilityOverview,
  ReliabilityHealth,
} from '@internal/plugin-reliability-common';
import type { ReliabilityApi } from './ReliabilityApi';

/**
 * Calls the reliability backend through Backstage's discovery and fetch APIs,
 * so that requests carry the signed-in user's token.
 *
 * @public
 */
export class ReliabilityClient implements ReliabilityApi {
  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
  }

  async getHealth(): Promise<ReliabilityHealth> {
    return this.get<ReliabilityHealth>('/health');
  }

  async getEntityOverview(
    entityRef: string,
  ): Promise<EntityReliabilityOverview> {
    const { kind, namespace, name } = parseEntityRef(entityRef);
    const path = [namespace, kind, name].map(encodeURIComponent).join('/');
    return this.get<EntityReliabilityOverview>(`/entities/${path}/overview`);
  }

  private async get<T>(path: string): Promise<T> {
    const baseUrl = await this.discoveryApi.getBaseUrl('reliability');
    const response = await this.fetchApi.fetch(`${baseUrl}${path}`);
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as T;
  }
}
