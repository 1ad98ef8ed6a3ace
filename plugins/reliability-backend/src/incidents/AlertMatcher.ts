import type { AuthService } from '@backstage/backend-plugin-api';
import { CATALOG_FILTER_EXISTS } from '@backstage/catalog-client';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import {
  entityKey,
  severityRank,
  type AlertmanagerAlert,
  type AlertmanagerWebhook,
  type RunbookSummary,
  type SeverityLevel,
} from '@reliability-suite/plugin-reliability-common';
import { specRefOf } from '../entities/linkedOwners';
import type { RunbookStore } from '../runbooks/RunbookStore';
import type { AlertDelivery, AlertMatch } from './IncidentStore';
import type { AlertMapping } from './incidentConfig';

/** The annotation listing the alert labels that mean an entity. */
export const ANNOTATION_ALERT_LABELS = 'reliability.io/alert-labels';

/** `service=insights-api, namespace=insights` → the pairs. */
function matchers(value: string): Array<[string, string]> {
  return value
    .split(',')
    .map(pair => pair.split('=').map(s => s.trim()))
    .filter(p => p.length === 2 && p[0] && p[1]) as Array<[string, string]>;
}

/**
 * What the catalog says of the entities a notification's alerts may mean,
 * read in one call for all of them: whether each exists, and its owner.
 */
export interface CatalogLookup {
  exists(ref: string): Promise<boolean>;
  owners(refs: string[]): Promise<string[]>;
}

/**
 * What an Alertmanager alert means — which services, which runbooks, which
 * severity, and why — from the runbook index, the catalog and the recovery
 * plans. It reads, and writes nothing: the incident store records the
 * alerts (`IncidentStore.recordAlerts`).
 */
export class AlertMatcher {
  private annotated?: {
    at: number;
    entities: Array<[string, Array<[string, string]>]>;
  };

  constructor(
    private readonly options: {
      runbookStore: RunbookStore;
      catalog: CatalogService;
      auth: AuthService;
      severities: SeverityLevel[];
      mapping: AlertMapping;
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

  /**
   * Which runbooks answer an alert with these labels, and which entities it
   * means: the runbooks', else an entity a mapped label names, else those
   * whose `reliability.io/alert-labels` match. `entityExists` looks an
   * entity up (by default, in the catalog).
   */
  async entities(
    labels: Record<string, string>,
    entityExists: (ref: string) => Promise<boolean> = this.entityExists,
  ): Promise<{
    runbooks: RunbookSummary[];
    entityRefs: string[];
    because: string;
  }> {
    const { runbookStore, mapping } = this.options;
    const alertName = labels.alertname;
    const runbooks = await runbookStore.findByAlert(alertName, labels);
    let entityRefs = [...new Set(runbooks.flatMap(r => r.entityRefs))];
    let because = runbooks.length
      ? `runbook ${runbooks.map(r => r.name).join(', ')} answers ${alertName}`
      : '';
    if (entityRefs.length === 0) {
      for (const m of mapping.entityLabels) {
        const value = labels[m.label];
        if (!value) continue;
        const ref = `${m.kind}:${m.namespace}/${value}`.toLocaleLowerCase(
          'en-US',
        );
        if (await entityExists(ref)) {
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
            pairs.length > 0 && pairs.every(([k, v]) => labels[k] === v),
        )
        .map(([ref]) => ref);
      if (entityRefs.length) because = `${ANNOTATION_ALERT_LABELS} matches`;
    }
    return { runbooks, entityRefs, because };
  }

  /** Whether the catalog has the entity. */
  readonly entityExists = async (ref: string) =>
    (await this.lookup([ref])).exists(ref);

  // The entities an alert may mean: its runbooks', and those its mapped
  // labels name.
  private async candidates(labels: Record<string, string>) {
    const runbooks = await this.options.runbookStore.findByAlert(
      labels.alertname,
      labels,
    );
    return [
      ...runbooks.flatMap(r => r.entityRefs),
      ...this.options.mapping.entityLabels.flatMap(m =>
        labels[m.label]
          ? [
              `${m.kind}:${m.namespace}/${labels[m.label]}`.toLocaleLowerCase(
                'en-US',
              ),
            ]
          : [],
      ),
    ];
  }

  /**
   * The catalog's answer on these entities, in one call (in slices of 500):
   * a notification of a thousand alerts asks the catalog once, not once or
   * twice per alert. A catalog that cannot answer knows none of them.
   */
  async lookup(refs: string[]): Promise<CatalogLookup> {
    const { catalog, auth } = this.options;
    const wanted = [...new Set(refs.map(r => r.toLocaleLowerCase('en-US')))];
    const known = new Map<string, string | undefined>();
    for (let i = 0; i < wanted.length; i += 500) {
      const slice = wanted.slice(i, i + 500);
      const { items } = await catalog
        .getEntitiesByRefs(
          {
            entityRefs: slice,
            fields: [
              'kind',
              'metadata.name',
              'metadata.namespace',
              'spec.owner',
            ],
          },
          { credentials: await auth.getOwnServiceCredentials() },
        )
        .catch(() => ({ items: [] as Array<undefined> }));
      slice.forEach((ref, k) => {
        const entity = items[k];
        if (entity) known.set(ref, specRefOf(entity, 'owner', 'group'));
      });
    }
    return {
      exists: async ref => known.has(ref.toLocaleLowerCase('en-US')),
      owners: async entityRefs =>
        [
          ...new Set(
            entityRefs.flatMap(ref => {
              const owner = known.get(ref.toLocaleLowerCase('en-US'));
              return owner ? [owner] : [];
            }),
          ),
        ].sort(),
    };
  }

  /**
   * Which service, runbooks and severity an alert means. `lookup` is the
   * catalog's answer read for a whole notification; without it, the alert's
   * own entities are asked for.
   */
  async match(
    alert: AlertmanagerAlert,
    lookup?: CatalogLookup,
  ): Promise<AlertMatch> {
    const { runbookStore, mapping } = this.options;
    const catalog =
      lookup ??
      (await this.lookup([
        ...(await this.candidates(alert.labels)),
        ...(await this.annotatedEntities()).map(([ref]) => ref),
      ]));
    const { runbooks, entityRefs, because } = await this.entities(
      alert.labels,
      catalog.exists,
    );

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
      linkedOwners: await catalog.owners(entityRefs),
      runbooks: runbooks.map(r => ({
        namespace: r.namespace,
        name: r.name,
        title: r.title,
      })),
      severity: severity ?? mapping.defaultSeverity,
      because,
    };
  }

  /**
   * A notification and what each of its alerts means. What an alert means
   * is read before the store's transaction (it calls the catalog and the
   * runbook index); alerts an open incident already holds as firing are
   * repeats, with nothing to look up.
   */
  async delivery(
    payload: AlertmanagerWebhook,
    known: Map<string, string>,
  ): Promise<AlertDelivery> {
    const matches = new Map<string, AlertMatch>();
    const fresh = payload.alerts.filter(
      alert =>
        alert.status === 'firing' && known.get(alert.fingerprint) !== 'firing',
    );
    // Every entity the new alerts may mean, asked of the catalog at once.
    const refs: string[] = [];
    for (const alert of fresh)
      refs.push(...(await this.candidates(alert.labels)));
    const annotated = (await this.annotatedEntities()).map(([ref]) => ref);
    const lookup = fresh.length
      ? await this.lookup([...refs, ...annotated])
      : undefined;
    for (const alert of fresh) {
      matches.set(alert.fingerprint, await this.match(alert, lookup));
    }
    return {
      groupKey: payload.groupKey,
      receiver: payload.receiver,
      commonSummary: payload.commonAnnotations.summary,
      alerts: payload.alerts,
      matches,
      match: alert => this.match(alert),
    };
  }
}
