import { parseEntityRef } from '@backstage/catalog-model';
import type { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import type {
  EntityReliabilityOverview,
  ReliabilityHealth,
  RunbookDetails,
  RunbookIndexStatus,
  RunbookSummary,
  SeverityLevel,
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
    return this.json<ReliabilityHealth>('/health');
  }

  async getEntityOverview(
    entityRef: string,
  ): Promise<EntityReliabilityOverview> {
    const { kind, namespace, name } = parseEntityRef(entityRef);
    const path = [namespace, kind, name].map(encodeURIComponent).join('/');
    return this.json<EntityReliabilityOverview>(`/entities/${path}/overview`);
  }

  async listSeverities(): Promise<SeverityLevel[]> {
    return (await this.json<{ items: SeverityLevel[] }>('/severities')).items;
  }

  async listRunbooks(entityRef: string): Promise<RunbookSummary[]> {
    const query = new URLSearchParams({ entityRef });
    return (await this.json<{ items: RunbookSummary[] }>(`/runbooks?${query}`))
      .items;
  }

  async getRunbook(namespace: string, name: string): Promise<RunbookDetails> {
    return this.json<RunbookDetails>(
      `/runbooks/${encodeURIComponent(namespace)}/${encodeURIComponent(name)}`,
    );
  }

  async findRunbooksByAlert(
    alertName: string,
    labels: Record<string, string> = {},
  ): Promise<RunbookSummary[]> {
    const query = new URLSearchParams(labels).toString();
    return (
      await this.json<{ items: RunbookSummary[] }>(
        `/runbooks/by-alert/${encodeURIComponent(alertName)}${
          query ? `?${query}` : ''
        }`,
      )
    ).items;
  }

  async getRunbookIndexStatus(entityRef: string): Promise<RunbookIndexStatus> {
    const query = new URLSearchParams({ entityRef });
    return this.json<RunbookIndexStatus>(`/runbooks/index-status?${query}`);
  }

  async refreshRunbooks(entityRef: string): Promise<RunbookIndexStatus> {
    return this.json<RunbookIndexStatus>('/runbooks/refresh', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ entityRef }),
    });
  }

  async exportRunbooks(
    query: { entityRef: string } | { severity: string },
  ): Promise<{ fileName: string; content: Blob }> {
    const response = await this.request(
      `/runbooks/export?${new URLSearchParams(query)}`,
    );
    const disposition = response.headers.get('content-disposition') ?? '';
    const fileName =
      /filename="([^"]+)"/.exec(disposition)?.[1] ?? 'runbooks.html';
    return { fileName, content: await response.blob() };
  }

  private async json<T>(path: string, init?: RequestInit): Promise<T> {
    return (await (await this.request(path, init)).json()) as T;
  }

  private async request(path: string, init?: RequestInit): Promise<Response> {
    const baseUrl = await this.discoveryApi.getBaseUrl('reliability');
    const response = await this.fetchApi.fetch(`${baseUrl}${path}`, init);
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return response;
  }
}
