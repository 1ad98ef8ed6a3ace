import { parseEntityRef } from '@backstage/catalog-model';
import type { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import type {
  ActionItemWithPostmortem,
  Postmortem,
  PostmortemAuditEntry,
  PostmortemContent,
  EntityReliabilityOverview,
  ReliabilityHealth,
  RunbookDetails,
  RunbookIndexStatus,
  RunbookSummary,
  SeverityLevel,
} from '@reliability-suite/plugin-reliability-common';
import type { PostmortemFilter, ReliabilityApi } from './ReliabilityApi';

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

  async listPostmortems(filter: PostmortemFilter = {}): Promise<Postmortem[]> {
    const query = new URLSearchParams(
      Object.entries(filter).filter(([, v]) => v) as [string, string][],
    ).toString();
    return (
      await this.json<{ items: Postmortem[] }>(
        `/postmortems${query ? `?${query}` : ''}`,
      )
    ).items;
  }

  async getPostmortem(id: string): Promise<Postmortem> {
    return this.json<Postmortem>(`/postmortems/${encodeURIComponent(id)}`);
  }

  async createPostmortem(content: PostmortemContent): Promise<Postmortem> {
    return this.json<Postmortem>('/postmortems', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(content),
    });
  }

  async updatePostmortem(
    id: string,
    version: number,
    content: PostmortemContent,
  ): Promise<Postmortem> {
    return this.json<Postmortem>(`/postmortems/${encodeURIComponent(id)}`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ ...content, version }),
    });
  }

  async deletePostmortem(id: string): Promise<void> {
    await this.request(`/postmortems/${encodeURIComponent(id)}`, {
      method: 'DELETE',
    });
  }

  async getPostmortemAudit(id: string): Promise<PostmortemAuditEntry[]> {
    return (
      await this.json<{ items: PostmortemAuditEntry[] }>(
        `/postmortems/${encodeURIComponent(id)}/audit`,
      )
    ).items;
  }

  async listActionItems(
    filter: { runbook?: string } = {},
  ): Promise<ActionItemWithPostmortem[]> {
    const query = filter.runbook
      ? `?${new URLSearchParams({ runbook: filter.runbook })}`
      : '';
    return (
      await this.json<{ items: ActionItemWithPostmortem[] }>(
        `/postmortems/action-items${query}`,
      )
    ).items;
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
