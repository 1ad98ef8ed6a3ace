import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import {
  type IncidentContext,
  type IncidentContextEntity,
  type IncidentContextPastIncident,
  type IncidentContextRelation,
  type IncidentSummary,
  OPEN_ACTION_ITEM_STATUSES,
} from '@reliability-suite/plugin-reliability-common';
import type { CatalogVisibility } from '../auth/visibility';
import type { BackupEventStore } from '../backups/BackupEventStore';
import { specRefOf } from '../entities/linkedOwners';
import type { PostmortemStore } from '../postmortems/PostmortemStore';
import { planStatus } from '../recovery/planStatus';
import { recoveryFacts } from '../recovery/recoveryFacts';
import type { RunbookStore } from '../runbooks/RunbookStore';
import type { IncidentStore } from './IncidentStore';

/** How far the walk goes from an affected entity, and how much it holds. */
export const CONTEXT_MAX_DEPTH = 2;
export const CONTEXT_MAX_ENTITIES = 30;
/** The past incidents shown, newest first. */
export const CONTEXT_PAST_INCIDENTS = 5;

// The catalog relations the walk follows, and what each makes of the target.
const FOLLOWED: Record<string, IncidentContextRelation> = {
  dependencyOf: 'dependent',
  partOf: 'parent',
};

type Step = {
  ref: string;
  relation: IncidentContextRelation;
  depth: number;
  via?: string;
};

const lower = (ref: string) => ref.toLocaleLowerCase('en-US');

/**
 * The context of an incident, when it is declared or opened: the affected
 * entities and, by a bounded breadth-first walk of the catalog graph, those
 * depending on them (`dependencyOf`) and holding them (`partOf`), each with
 * its owner, runbooks and state of recovery; and the past incidents naming
 * the same entities or alerts, with their postmortems' open action items.
 *
 * The catalog is read with the caller's credentials, so an entity they may
 * not see is neither shown nor walked through; past incidents and runbooks
 * naming one are left out as their lists leave them out.
 */
export class IncidentContextService {
  constructor(
    private readonly options: {
      catalog: CatalogService;
      runbookStore: RunbookStore;
      eventStore: BackupEventStore;
      incidentStore: IncidentStore;
      postmortemStore: PostmortemStore;
      visibility: CatalogVisibility;
    },
  ) {}

  async context(
    input: {
      entityRefs: string[];
      alertNames: string[];
      /** The incident itself, when it is open: not one of its own past. */
      excludeIncidentId?: string;
    },
    credentials: BackstageCredentials,
  ): Promise<IncidentContext> {
    const { entities, truncated } = await this.walk(
      input.entityRefs,
      credentials,
    );
    const [withRunbooks, pastIncidents] = await Promise.all([
      this.withRunbooksAndRecovery(entities, credentials),
      this.pastIncidents(input, credentials),
    ]);
    return { entities: withRunbooks, truncated, pastIncidents };
  }

  private async walk(
    entityRefs: string[],
    credentials: BackstageCredentials,
  ): Promise<{ entities: IncidentContextEntity[]; truncated: boolean }> {
    const found = new Map<string, IncidentContextEntity>();
    // Asked of the catalog already: found, or not there for the caller.
    const asked = new Set<string>();
    let truncated = false;
    let frontier: Step[] = [...new Set(entityRefs.map(lower))].map(ref => ({
      ref,
      relation: 'affected',
      depth: 0,
    }));
    while (frontier.length) {
      // One step of the walk: each ref once, at the depth first reached.
      const steps = new Map<string, Step>();
      for (const step of frontier) {
        if (!asked.has(step.ref) && !steps.has(step.ref)) {
          steps.set(step.ref, step);
        }
      }
      const batch = [...steps.values()];
      if (!batch.length) break;
      for (const step of batch) asked.add(step.ref);
      const { items } = await this.options.catalog.getEntitiesByRefs(
        {
          entityRefs: batch.map(s => s.ref),
          fields: ['kind', 'metadata', 'spec.owner', 'relations'],
        },
        { credentials },
      );
      const next: Step[] = [];
      for (const [i, entity] of items.entries()) {
        // Not in the catalog, or not the caller's to see.
        if (!entity) continue;
        const step = batch[i];
        if (found.size >= CONTEXT_MAX_ENTITIES) {
          truncated = true;
          continue;
        }
        const owner = specRefOf(entity, 'owner', 'group');
        found.set(step.ref, {
          entityRef: step.ref,
          title: entity.metadata.title ?? entity.metadata.name,
          relation: step.relation,
          depth: step.depth,
          ...(step.via ? { via: step.via } : {}),
          ...(owner ? { owner } : {}),
          runbooks: [],
        });
        for (const relation of entity.relations ?? []) {
          const as = FOLLOWED[relation.type];
          if (!as) continue;
          const target = lower(relation.targetRef);
          if (asked.has(target)) continue;
          if (step.depth >= CONTEXT_MAX_DEPTH) {
            truncated = true;
            continue;
          }
          next.push({
            ref: target,
            relation: as,
            depth: step.depth + 1,
            via: step.ref,
          });
        }
      }
      frontier = next;
    }
    return { entities: [...found.values()], truncated };
  }

  private async withRunbooksAndRecovery(
    entities: IncidentContextEntity[],
    credentials: BackstageCredentials,
  ): Promise<IncidentContextEntity[]> {
    if (!entities.length) return [];
    const { runbookStore, eventStore, visibility } = this.options;
    const refs = new Set(entities.map(e => e.entityRef));
    // A plan's entityRefs hold its components' entities too.
    const all = await runbookStore.listRecoveryPlans({});
    const plans = await visibility.visible(
      credentials,
      all.filter(p => p.entityRefs.some(r => refs.has(r))),
      p => p.entityRefs,
    );
    const withStatus = await Promise.all(
      plans.map(async p => ({ ...p, status: await planStatus(eventStore, p) })),
    );
    const facts = new Map(
      recoveryFacts(withStatus).items.map(f => [lower(f.entityRef), f]),
    );
    const lists = await Promise.all(
      entities.map(e => runbookStore.listRunbooks({ entityRef: e.entityRef })),
    );
    // One decision for the runbooks of every entity: those naming an
    // entity the caller may not read are left out.
    const hidden = new Set(
      await visibility.hiddenAmong(
        credentials,
        lists.flat().flatMap(r => r.entityRefs),
      ),
    );
    return entities.map((entity, k) => {
      const runbooks = lists[k].filter(
        r => !r.entityRefs.some(ref => hidden.has(ref)),
      );
      const fact = facts.get(entity.entityRef);
      return {
        ...entity,
        runbooks: runbooks.map(r => ({
          namespace: r.namespace,
          name: r.name,
          title: r.title,
        })),
        ...(fact
          ? {
              recovery: {
                state: fact.state,
                plans: fact.plans,
                reasons: fact.reasons,
              },
            }
          : {}),
      };
    });
  }

  private async pastIncidents(
    input: {
      entityRefs: string[];
      alertNames: string[];
      excludeIncidentId?: string;
    },
    credentials: BackstageCredentials,
  ): Promise<IncidentContextPastIncident[]> {
    const { incidentStore, postmortemStore, visibility } = this.options;
    const hiddenEntityRefs = await visibility.hiddenAmong(credentials, () =>
      incidentStore.entityRefsInUse(),
    );
    const limit = CONTEXT_PAST_INCIDENTS + 1;
    const byId = new Map<
      string,
      { incident: IncidentSummary; entities: Set<string>; alerts: Set<string> }
    >();
    const add = (
      incidents: IncidentSummary[],
      shared: { entityRef?: string; alertName?: string },
    ) => {
      for (const incident of incidents) {
        if (incident.id === input.excludeIncidentId) continue;
        const entry = byId.get(incident.id) ?? {
          incident,
          entities: new Set<string>(),
          alerts: new Set<string>(),
        };
        if (shared.entityRef) entry.entities.add(shared.entityRef);
        if (shared.alertName) entry.alerts.add(shared.alertName);
        byId.set(incident.id, entry);
      }
    };
    await Promise.all([
      ...[...new Set(input.entityRefs.map(lower))].map(async entityRef =>
        add(await incidentStore.list({ entityRef, hiddenEntityRefs, limit }), {
          entityRef,
        }),
      ),
      ...[...new Set(input.alertNames)].map(async alertName =>
        add(await incidentStore.list({ alertName, hiddenEntityRefs, limit }), {
          alertName,
        }),
      ),
    ]);
    const started = (i: IncidentSummary) => Date.parse(i.milestones.started);
    const newest = [...byId.values()]
      .sort((a, b) => started(b.incident) - started(a.incident))
      .slice(0, CONTEXT_PAST_INCIDENTS);
    const postmortemIds = newest.flatMap(e =>
      e.incident.postmortemId ? [e.incident.postmortemId] : [],
    );
    const postmortems = new Map(
      (await postmortemStore.getMany(postmortemIds)).flatMap(p =>
        p ? [[p.id, p] as const] : [],
      ),
    );
    const open = new Set<string>(OPEN_ACTION_ITEM_STATUSES);
    return newest.map(({ incident, entities, alerts }) => {
      const postmortem = incident.postmortemId
        ? postmortems.get(incident.postmortemId)
        : undefined;
      return {
        incident,
        sharedEntityRefs: [...entities].sort(),
        sharedAlertNames: [...alerts].sort(),
        ...(postmortem
          ? {
              postmortem: {
                id: postmortem.id,
                title: postmortem.title,
                status: postmortem.status,
                openActionItems: postmortem.actionItems.filter(a =>
                  open.has(a.status),
                ),
              },
            }
          : {}),
      };
    });
  }
}
