import type { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { CATALOG_FILTER_EXISTS } from '@backstage/catalog-client';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import {
  entityKey,
  incidentReference,
  severityRank,
  type AlertIntakeResult,
  AlertmanagerAlert,
  AlertmanagerWebhook,
  RunbookSummary,
  SeverityLevel,
} from '@reliability-suite/plugin-reliability-common';
import type { Knex } from 'knex';
import { randomUUID } from 'node:crypto';
import { ownersOf } from '../entities/linkedOwners';
import type { RunbookStore } from '../runbooks/RunbookStore';
import {
  alertRow,
  type DatabaseIncidentStore,
  groupHash,
  type IncidentActor,
  T,
} from './DatabaseIncidentStore';
import type { AlertMapping } from './incidentConfig';

/** The annotation listing the alert labels that mean an entity. */
export const ANNOTATION_ALERT_LABELS = 'reliability.io/alert-labels';

// Alertmanager's "not ended yet".
const NOT_ENDED = /^0001-01-01/;

/** What an alert means: its service, its runbooks, its severity, and why. */
interface AlertMatch {
  entityRefs: string[];
  linkedOwners: string[];
  runbooks: RunbookSummary[];
  severity: string;
  because: string;
}

/** `service=insights-api, namespace=insights` → the pairs. */
function matchers(value: string): Array<[string, string]> {
  return value
    .split(',')
    .map(pair => pair.split('=').map(s => s.trim()))
    .filter(p => p.length === 2 && p[0] && p[1]) as Array<[string, string]>;
}

/**
 * The Alertmanager bridge: each alert is keyed by its fingerprint; a firing
 * alert joins the open incident that holds it, else the open incident of its
 * group, else opens one; a resolved one is marked resolved, and an incident
 * whose alerts are all resolved becomes mitigated (a person resolves it).
 * The group's row is the lock: the same notification delivered twice, or to
 * two backend instances at once, opens one incident.
 */
export class AlertIntake {
  private annotated?: {
    at: number;
    entities: Array<[string, Array<[string, string]>]>;
  };

  constructor(
    private readonly options: {
      store: DatabaseIncidentStore;
      runbookStore: RunbookStore;
      catalog: CatalogService;
      auth: AuthService;
      severities: SeverityLevel[];
      mapping: AlertMapping;
      logger: LoggerService;
    },
  ) {}

  private rank(id: string) {
    return severityRank(this.options.severities, id);
  }

  // Entities whose `reliability.io/alert-labels` annotation names labels,
  // read at most once a minute.
  private async annotatedEntities() {
    if (this.annotated && Date.now() - this.annotated.at < 60_000) {
      return this.annotated.entities;
    }
    const { items } = await this.options.catalog.getEntities(
      {
        filter: {
          [`metadata.annotations.${ANNOTATION_ALERT_LABELS}`]:
            CATALOG_FILTER_EXISTS,
        },
        fields: [
          'kind',
          'metadata.name',
          'metadata.namespace',
          'metadata.annotations',
        ],
      },
      { credentials: await this.options.auth.getOwnServiceCredentials() },
    );
    const entities = items
      .filter(e => e.metadata.annotations?.[ANNOTATION_ALERT_LABELS])
      .map(
        e =>
          [
            entityKey(e),
            matchers(e.metadata.annotations![ANNOTATION_ALERT_LABELS]),
          ] as [string, Array<[string, string]>],
      );
    this.annotated = { at: Date.now(), entities };
    return entities;
  }

  /** Which service, runbooks and severity an alert means. */
  async match(alert: AlertmanagerAlert): Promise<AlertMatch> {
    const { runbookStore, catalog, auth, mapping } = this.options;
    const alertName = alert.labels.alertname;
    const runbooks = await runbookStore.findByAlert(alertName, alert.labels);
    let entityRefs = [...new Set(runbooks.flatMap(r => r.entityRefs))];
    let because = runbooks.length
      ? `runbook ${runbooks.map(r => r.name).join(', ')} answers ${alertName}`
      : '';
    if (entityRefs.length === 0) {
      for (const m of mapping.entityLabels) {
        const value = alert.labels[m.label];
        if (!value) continue;
        const ref = `${m.kind}:${m.namespace}/${value}`.toLocaleLowerCase(
          'en-US',
        );
        const entity = await catalog
          .getEntityByRef(ref, {
            credentials: await auth.getOwnServiceCredentials(),
          })
          .catch(() => undefined);
        if (entity) {
          entityRefs = [ref];
          because = `label ${m.label}=${value}`;
          break;
        }
      }
    }
    if (entityRefs.length === 0) {
      entityRefs = (await this.annotatedEntities())
        .filter(
          ([, pairs]) =>
            pairs.length > 0 && pairs.every(([k, v]) => alert.labels[k] === v),
        )
        .map(([ref]) => ref);
      if (entityRefs.length) because = `${ANNOTATION_ALERT_LABELS} matches`;
    }

    // Severity: the matched runbooks', else the alert's label, else the
    // degraded-mode table of the service's recovery plan, else the default.
    const runbookSeverities = runbooks
      .flatMap(r => (r.severity ? [r.severity] : []))
      .sort((a, b) => this.rank(a) - this.rank(b));
    let severity: string | undefined = runbookSeverities[0];
    const label = alert.labels[mapping.severityLabel];
    if (!severity && label && Object.hasOwn(mapping.severities, label)) {
      severity = mapping.severities[label];
    }
    if (!severity && alert.labels.component) {
      for (const entityRef of entityRefs) {
        const plans = await runbookStore.listRecoveryPlans({ entityRef });
        const mode = plans
          .flatMap(p => p.document.spec.degradedModes ?? [])
          .find(d => d.component === alert.labels.component && d.severity);
        if (mode) {
          severity = mode.severity;
          break;
        }
      }
    }
    return {
      entityRefs,
      linkedOwners: await ownersOf(catalog, auth, entityRefs),
      runbooks,
      severity: severity ?? mapping.defaultSeverity,
      because,
    };
  }

  async receive(
    payload: AlertmanagerWebhook,
    actorRef: string,
  ): Promise<AlertIntakeResult> {
    const { store, logger } = this.options;
    // What each alert means is read before the transaction: it calls the
    // catalog and the runbook index.
    // Alerts an open incident already holds as firing are repeats: nothing
    // to look up for them.
    const known = await store.openAlertStatuses(
      payload.alerts.map(a => a.fingerprint),
    );
    const matches = new Map<string, AlertMatch>();
    for (const alert of payload.alerts) {
      if (
        alert.status === 'firing' &&
        known.get(alert.fingerprint) !== 'firing'
      ) {
        matches.set(alert.fingerprint, await this.match(alert));
      }
    }
    const at = new Date();
    const actor: IncidentActor = { ref: actorRef, source: 'alertmanager', at };
    const result: AlertIntakeResult = { opened: [], updated: [], unchanged: 0 };

    await store.transaction(async tx => {
      const touched = new Set<string>();
      let groupIncident: string | undefined;

      // The open incident of the group, opened by `alert` when there is none.
      const incidentOfGroup = async (alert: AlertmanagerAlert) => {
        if (groupIncident) return groupIncident;
        const hash = groupHash(payload.groupKey);
        const id = randomUUID();
        // The upsert takes the group's row (and its lock) whether it is new
        // or not: a concurrent delivery waits here, then joins the incident.
        const [winner] = await tx(T.groups)
          .insert({ group_hash: hash, incident_id: id })
          .onConflict('group_hash')
          .merge({ incident_id: tx.raw('??', [`${T.groups}.incident_id`]) })
          .returning('incident_id');
        const winnerId =
          typeof winner === 'object' ? winner.incident_id : winner;
        if (winnerId !== id) {
          groupIncident = winnerId as string;
          return groupIncident;
        }
        const match =
          matches.get(alert.fingerprint) ?? (await this.match(alert));
        const startsAt = new Date(alert.startsAt);
        const title =
          alert.annotations.summary ??
          payload.commonAnnotations.summary ??
          alert.labels.alertname;
        const { number } = await store.insert(
          tx,
          {
            id,
            title: title.slice(0, 300),
            severity: match.severity,
            summary: alert.annotations.description,
            entityRefs: match.entityRefs,
            links: [],
            linkedOwners: match.linkedOwners,
            startedAt: startsAt < at ? startsAt : at,
            detectedAt: startsAt < at ? startsAt : at,
            groupKey: payload.groupKey,
          },
          actor,
        );
        await store.event(tx, id, actor, {
          type: 'declared',
          summary: `${incidentReference(number)} opened by alert ${
            alert.labels.alertname
          } (${match.severity}${match.because ? `: ${match.because}` : ''})`,
          data: { groupKey: payload.groupKey, receiver: payload.receiver },
        });
        result.opened.push(id);
        groupIncident = id;
        return id;
      };

      const fired = new Set<string>();
      for (const alert of payload.alerts) {
        const existing = await store.openIncidentOfFingerprint(
          tx,
          alert.fingerprint,
        );
        let incidentId = existing;
        if (!incidentId) {
          if (alert.status !== 'firing') {
            result.unchanged++;
            continue;
          }
          incidentId = await incidentOfGroup(alert);
        }
        // Under the incident's lock, from here to the end of the transaction.
        await store.require(tx, incidentId);
        const changed = await this.recordAlert(
          tx,
          incidentId,
          alert,
          actor,
          matches.get(alert.fingerprint),
        );
        if (changed) {
          touched.add(incidentId);
          if (alert.status === 'firing') fired.add(incidentId);
        } else result.unchanged++;
      }

      // Every alert resolved: mitigated (a person resolves it). An alert of
      // a mitigated incident firing again: open again.
      for (const id of [...touched].sort()) {
        const row = await tx(T.incidents).where({ id }).first();
        const firing = await tx(T.alerts)
          .where({ incident_id: id, status: 'firing' })
          .count({ n: '*' })
          .first();
        const anyFiring = Number(firing?.n ?? 0) > 0;
        if (row.status === 'open' && !anyFiring) {
          await store.setStatus(
            tx,
            id,
            'mitigated',
            actor,
            'every alert resolved',
          );
        } else if (row.status === 'mitigated' && fired.has(id)) {
          await store.setStatus(tx, id, 'open', actor, 'an alert fires again');
        }
        await store.touch(tx, id, actor);
        if (!result.opened.includes(id)) result.updated.push(id);
      }
    });
    if (result.opened.length || result.updated.length) {
      logger.info(
        `Alertmanager ${payload.status} ${payload.groupKey}: opened ${result.opened.length}, updated ${result.updated.length}, unchanged ${result.unchanged}`,
      );
    }
    return result;
  }

  /** Stores one alert on an incident; returns whether anything changed. */
  private async recordAlert(
    tx: Knex.Transaction,
    incidentId: string,
    alert: AlertmanagerAlert,
    actor: IncidentActor,
    match: AlertMatch | undefined,
  ): Promise<boolean> {
    const { store } = this.options;
    const alertName = alert.labels.alertname;
    const endsAt =
      alert.endsAt &&
      !NOT_ENDED.test(alert.endsAt) &&
      !Number.isNaN(Date.parse(alert.endsAt))
        ? new Date(alert.endsAt)
        : null;
    const row = alertRow(incidentId, alert, endsAt, actor.at);
    const inserted = await tx(T.alerts)
      .insert(row)
      .onConflict(['incident_id', 'fingerprint'])
      .ignore()
      .returning('fingerprint');
    if (inserted.length === 0) {
      const current = await tx(T.alerts)
        .where({ incident_id: incidentId, fingerprint: alert.fingerprint })
        .first();
      if (current.status === alert.status) return false;
      await tx(T.alerts)
        .where({ incident_id: incidentId, fingerprint: alert.fingerprint })
        .update({
          status: row.status,
          ends_at: row.ends_at,
          updated_at: actor.at,
        });
    }
    await store.event(tx, incidentId, actor, {
      type: alert.status === 'firing' ? 'alert-fired' : 'alert-resolved',
      summary: `${alertName} ${
        alert.status === 'firing' ? 'fired' : 'resolved'
      }${alert.annotations.summary ? `: ${alert.annotations.summary}` : ''}`,
      data: {
        fingerprint: alert.fingerprint,
        alertName,
        labels: alert.labels,
      },
    });
    if (alert.status !== 'firing') return true;

    // A firing alert brings its runbooks, its entities, and its severity
    // when that is more severe.
    if (!match) return true;
    await store.attachRunbooksWithEvents(
      tx,
      incidentId,
      match.runbooks.map(r => ({
        namespace: r.namespace,
        name: r.name,
        title: r.title,
      })),
      { ...actor, attachedBy: 'alert' },
      `it answers ${alertName}`,
    );
    const incident = await tx(T.incidents).where({ id: incidentId }).first();
    const entities: string[] = JSON.parse(incident.entity_refs);
    const more = match.entityRefs.filter(e => !entities.includes(e));
    const changes: Record<string, unknown> = {};
    if (more.length) {
      const all = [...entities, ...more];
      await store.setEntities(tx, incidentId, all);
      changes.entity_refs = JSON.stringify(all);
      changes.linked_owners = JSON.stringify([
        ...new Set([
          ...JSON.parse(incident.linked_owners),
          ...match.linkedOwners,
        ]),
      ]);
    }
    if (this.rank(match.severity) < this.rank(incident.severity)) {
      changes.severity = match.severity;
      await store.event(tx, incidentId, actor, {
        type: 'severity-changed',
        summary: `Severity ${incident.severity} → ${match.severity}: ${alertName} fired`,
        data: { from: incident.severity, to: match.severity },
      });
    }
    if (Object.keys(changes).length) {
      await tx(T.incidents)
        .where({ id: incidentId })
        .update({ ...changes, version: tx.raw('version + 1') });
    }
    return true;
  }
}
