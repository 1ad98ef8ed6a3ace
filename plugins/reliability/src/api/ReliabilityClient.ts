import { parseEntityRef } from '@backstage/catalog-model';
import type {
  ActionItemWithPostmortem,
  AlertCoverage,
  AlertCoverageDay,
  ListPage,
  PageRequest,
  Postmortem,
  PostmortemAuditEntry,
  PostmortemContent,
  EntityReliabilityOverview,
  RecoveryFacts,
  RecoveryOverview,
  RecoveryPlanDetails,
  RecoveryPlanHistory,
  ReliabilityHealth,
  RunbookDetails,
  RunbookIndexStatus,
  RunbookStatistics,
  RunbookSummary,
  SeverityLevel,
  RecoveryViolation,
  RecoveryViolationList,
} from '@reliability-suite/plugin-reliability-common';
import { queryOf, ReliabilityBackendClient } from './ReliabilityBackendClient';
import type { PostmortemFilter, ReliabilityApi } from './ReliabilityApi';

/**
 * Calls the reliability backend through Backstage's discovery and fetch APIs,
 * so that requests carry the signed-in user's token.
 *
 * @public
 */
export class ReliabilityClient
  extends ReliabilityBackendClient
  implements ReliabilityApi
{
  async getHealth(): Promise<ReliabilityHealth> {
    return this.json('get', '/health');
  }

  async getEntityOverview(
    entityRef: string,
  ): Promise<EntityReliabilityOverview> {
    const { kind, namespace, name } = parseEntityRef(entityRef);
    return this.json('get', '/entities/{namespace}/{kind}/{name}/overview', {
      params: { namespace, kind, name },
    });
  }

  async listSeverities(): Promise<SeverityLevel[]> {
    return (await this.json<{ items: SeverityLevel[] }>('get', '/severities'))
      .items;
  }

  async listRunbooks(entityRef: string): Promise<RunbookSummary[]> {
    return (
      await this.json<{ items: RunbookSummary[] }>('get', '/runbooks', {
        query: { entityRef },
      })
    ).items;
  }

  async getRunbook(namespace: string, name: string): Promise<RunbookDetails> {
    return this.json('get', '/runbooks/{namespace}/{name}', {
      params: { namespace, name },
    });
  }

  async findRunbooksByAlert(
    alertName: string,
    labels: Record<string, string> = {},
  ): Promise<RunbookSummary[]> {
    return (
      await this.json<{ items: RunbookSummary[] }>(
        'get',
        '/runbooks/by-alert/{alertName}',
        { params: { alertName }, query: labels },
      )
    ).items;
  }

  async getRunbookIndexStatus(entityRef: string): Promise<RunbookIndexStatus> {
    return this.json('get', '/runbooks/index-status', {
      query: { entityRef },
    });
  }

  async listRecoveryPlans(entityRef: string): Promise<RecoveryPlanDetails[]> {
    return (
      await this.json<{ items: RecoveryPlanDetails[] }>(
        'get',
        '/recovery-plans',
        { query: { entityRef } },
      )
    ).items;
  }

  async getRecoveryPlan(
    namespace: string,
    name: string,
  ): Promise<RecoveryPlanDetails> {
    return this.json('get', '/recovery-plans/{namespace}/{name}', {
      params: { namespace, name },
    });
  }

  async getRecoveryOverview(): Promise<RecoveryOverview> {
    return this.json('get', '/recovery/overview');
  }

  async getRecoveryPlanHistory(
    namespace: string,
    name: string,
  ): Promise<RecoveryPlanHistory> {
    return this.json('get', '/recovery-plans/{namespace}/{name}/history', {
      params: { namespace, name },
    });
  }

  async getRecoveryFacts(entityRef?: string): Promise<RecoveryFacts> {
    return this.json('get', '/facts/recovery', {
      query: entityRef ? { entityRef } : {},
    });
  }

  async getAlertCoverage(entityRef?: string): Promise<AlertCoverage> {
    return this.json('get', '/alerts/coverage', {
      query: entityRef ? { entityRef } : {},
    });
  }

  async getRunbookStatistics(
    namespace: string,
    name: string,
  ): Promise<RunbookStatistics> {
    return this.json('get', '/runbooks/{namespace}/{name}/statistics', {
      params: { namespace, name },
    });
  }

  async getAlertCoverageHistory(): Promise<AlertCoverageDay[]> {
    return (
      await this.json<{ items: AlertCoverageDay[] }>(
        'get',
        '/alerts/coverage/history',
      )
    ).items;
  }

  async refreshRunbooks(
    entityRef: string,
    options: { full?: boolean } = {},
  ): Promise<RunbookIndexStatus> {
    return this.json('post', '/runbooks/refresh', {
      body: { entityRef, ...(options.full ? { full: true } : {}) },
    });
  }

  async listRecoveryViolations(
    query: { state?: 'open' | 'resolved' | 'all'; entityRef?: string } = {},
  ): Promise<RecoveryViolationList> {
    return this.json('get', '/recovery/violations', {
      query: queryOf({ ...query }),
    });
  }

  async acknowledgeRecoveryViolation(
    id: number,
    ack: { reason: string; until?: string },
  ): Promise<RecoveryViolation> {
    return this.json('post', '/recovery/violations/{id}/acknowledge', {
      params: { id: String(id) },
      body: ack,
    });
  }

  async exportRecoveryEvidence(query: {
    entityRef: string;
    from?: string;
    to?: string;
  }): Promise<{ fileName: string; content: Blob }> {
    const response = await this.request('get', '/recovery/evidence', {
      query: queryOf({ ...query }),
    });
    const disposition = response.headers.get('content-disposition') ?? '';
    const fileName =
      /filename="([^"]+)"/.exec(disposition)?.[1] ?? 'recovery-evidence.tar';
    return { fileName, content: await response.blob() };
  }

  async exportRunbooks(
    query: { entityRef: string } | { severity: string },
  ): Promise<{ fileName: string; content: Blob }> {
    const response = await this.request('get', '/runbooks/export', { query });
    const disposition = response.headers.get('content-disposition') ?? '';
    const fileName =
      /filename="([^"]+)"/.exec(disposition)?.[1] ?? 'runbooks.html';
    return { fileName, content: await response.blob() };
  }

  async listPostmortems(
    filter: PostmortemFilter = {},
  ): Promise<ListPage<Postmortem>> {
    return this.json('get', '/postmortems', { query: queryOf({ ...filter }) });
  }

  async getPostmortem(id: string): Promise<Postmortem> {
    return this.json('get', '/postmortems/{id}', { params: { id } });
  }

  async createPostmortem(content: PostmortemContent): Promise<Postmortem> {
    return this.json('post', '/postmortems', { body: content });
  }

  async updatePostmortem(
    id: string,
    version: number,
    content: PostmortemContent,
  ): Promise<Postmortem> {
    return this.json('put', '/postmortems/{id}', {
      params: { id },
      body: { ...content, version },
    });
  }

  async deletePostmortem(id: string): Promise<void> {
    await this.request('delete', '/postmortems/{id}', { params: { id } });
  }

  async getPostmortemAudit(id: string): Promise<PostmortemAuditEntry[]> {
    return (
      await this.json<{ items: PostmortemAuditEntry[] }>(
        'get',
        '/postmortems/{id}/audit',
        { params: { id } },
      )
    ).items;
  }

  async listActionItems(
    filter: { runbook?: string } & PageRequest = {},
  ): Promise<ListPage<ActionItemWithPostmortem>> {
    return this.json('get', '/postmortems/action-items', {
      query: queryOf({ ...filter }),
    });
  }
}
