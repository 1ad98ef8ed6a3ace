import type {
  AlertRuleFigures,
  AlertVerdict,
  Incident,
  IncidentDeclaration,
  IncidentMetrics,
  IncidentPostmortemStart,
  IncidentRole,
  IncidentSummary,
  ListPage,
  StepOutcome,
  IncidentContext,
} from '@reliability-suite/plugin-reliability-common';
import type {
  IncidentClassification,
  IncidentFilter,
  IncidentPatch,
  IncidentsApi,
  PostmortemDue,
} from './IncidentsApi';
import { queryOf, ReliabilityBackendClient } from './ReliabilityBackendClient';

/**
 * The incident routes of the reliability backend.
 *
 * @public
 */
export class IncidentsClient
  extends ReliabilityBackendClient
  implements IncidentsApi
{
  async listIncidents(filter: IncidentFilter = {}) {
    return this.json<ListPage<IncidentSummary>>('get', '/incidents', {
      query: queryOf({ ...filter }),
    });
  }

  async getIncident(id: string): Promise<Incident> {
    return this.json('get', '/incidents/{id}', { params: { id } });
  }

  async getIncidentIfChanged(id: string, etag?: string) {
    const response = await this.request(
      'get',
      '/incidents/{id}',
      {
        params: { id },
        ...(etag ? { headers: { 'If-None-Match': etag } } : {}),
      },
      { notModified: true },
    );
    if (response.status === 304) return undefined;
    return {
      incident: (await response.json()) as Incident,
      etag: response.headers.get('ETag') ?? undefined,
    };
  }

  async declareIncident(
    input: Partial<IncidentDeclaration>,
  ): Promise<Incident> {
    return this.json('post', '/incidents', { body: input });
  }

  async updateIncident(id: string, patch: IncidentPatch): Promise<Incident> {
    return this.json('patch', '/incidents/{id}', {
      params: { id },
      body: patch,
    });
  }

  async assignIncidentRole(id: string, role: string, user: string) {
    return this.json<Incident>('post', '/incidents/{id}/roles', {
      params: { id },
      body: { role, user },
    });
  }

  async addIncidentNote(id: string, text: string, pinned = false) {
    return this.json<Incident>('post', '/incidents/{id}/notes', {
      params: { id },
      body: { text, pinned },
    });
  }

  async addIncidentStatusUpdate(
    id: string,
    update: { conditions: string; actions: string; needs?: string },
  ) {
    return this.json<Incident>('post', '/incidents/{id}/status-updates', {
      params: { id },
      body: update,
    });
  }

  async tickIncidentStep(
    id: string,
    tick: {
      runbook: string;
      step: string;
      done: boolean;
      outcome?: StepOutcome;
      note?: string;
    },
  ) {
    return this.json<Incident>('put', '/incidents/{id}/checklist', {
      params: { id },
      body: tick,
    });
  }

  async judgeIncidentAlert(
    id: string,
    fingerprint: string,
    verdict: AlertVerdict | null,
  ) {
    return this.json<Incident>(
      'put',
      '/incidents/{id}/alerts/{fingerprint}/verdict',
      { params: { id, fingerprint }, body: verdict ? { verdict } : {} },
    );
  }

  async getAlertFigures(entityRef?: string) {
    return (
      await this.json<{ items: AlertRuleFigures[] }>(
        'get',
        '/incidents/alert-figures',
        { query: entityRef ? { entityRef } : {} },
      )
    ).items;
  }

  async pinIncidentEvent(id: string, eventId: number, pinned: boolean) {
    return this.json<Incident>(
      'put',
      '/incidents/{id}/timeline/{eventId}/pin',
      {
        params: { id, eventId: String(eventId) },
        body: { pinned },
      },
    );
  }

  async startIncidentPostmortem(id: string) {
    return this.json<IncidentPostmortemStart>(
      'post',
      '/incidents/{id}/postmortem',
      { params: { id } },
    );
  }

  async listIncidentRoles() {
    return (
      await this.json<{ items: IncidentRole[] }>('get', '/incidents/roles')
    ).items;
  }

  async getIncidentMetrics(
    filter: { entityRef?: string; from?: string; to?: string } = {},
  ): Promise<IncidentMetrics> {
    return this.json('get', '/incidents/metrics', { query: queryOf(filter) });
  }

  async listPostmortemsDue() {
    return (
      await this.json<{ items: PostmortemDue[] }>(
        'get',
        '/incidents/postmortems-due',
      )
    ).items;
  }

  async getIncidentContext(q: {
    entityRefs: string[];
    alertNames?: string[];
    exclude?: string;
  }): Promise<IncidentContext> {
    return this.json('get', '/incidents/context', {
      query: queryOf({
        entityRefs: q.entityRefs.join(',') || undefined,
        alertNames: q.alertNames?.join(',') || undefined,
        exclude: q.exclude,
      }),
    });
  }

  async classifyIncident(q: {
    entityRef?: string;
    usersAffected?: string;
    data?: string;
    workaround?: boolean;
    componentDown?: string;
  }): Promise<IncidentClassification> {
    return this.json('get', '/incidents/classification', { query: queryOf(q) });
  }
}
