import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  type Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import {
  entityKey,
  COMPLIANCE_ORDER,
  type SystemRecoveryState,
  worstState,
  type RecoveryOverview,
  type RecoveryOverviewComponent,
  type RecoveryPlanDetails,
} from '@reliability-suite/plugin-reliability-common';

// `spec.owner` / `spec.system` as full refs (bare names are a group and a
// system in the entity's namespace, as the catalog reads them).
function specRef(entity: Entity, field: 'owner' | 'system', kind: string) {
  const value = (entity.spec as Record<string, unknown> | undefined)?.[field];
  if (typeof value !== 'string') return undefined;
  try {
    return stringifyEntityRef(
      parseEntityRef(value, {
        defaultKind: kind,
        defaultNamespace: entity.metadata.namespace ?? 'default',
      }),
    ).toLocaleLowerCase('en-US');
  } catch {
    return undefined;
  }
}

/**
 * The catalog-wide view of recovery: each plan's components with their
 * state, owner and system, worst first, and the Components and Resources no
 * plan covers. The catalog is read with the caller's credentials.
 */
export class RecoveryOverviewService {
  constructor(private readonly catalog: CatalogService) {}

  async overview(
    plans: RecoveryPlanDetails[],
    credentials: BackstageCredentials,
  ): Promise<RecoveryOverview> {
    const { items } = await this.catalog.getEntities(
      {
        filter: { kind: ['Component', 'Resource'] },
        fields: [
          'kind',
          'metadata.name',
          'metadata.namespace',
          'metadata.title',
          'spec.owner',
          'spec.system',
        ],
      },
      { credentials },
    );
    const byRef = new Map(items.map(e => [entityKey(e), e]));
    const covered = new Set(plans.flatMap(p => p.entityRefs));

    // A component without an entity (or whose entity names no system) is
    // in the system of the plan's own entities.
    const planSystem = (plan: RecoveryPlanDetails) =>
      (plan.document.spec.entityRefs ?? [])
        .map(ref => {
          if (ref.startsWith('system:')) return ref;
          const entity = byRef.get(ref);
          return entity && specRef(entity, 'system', 'system');
        })
        .find(Boolean);

    const components: RecoveryOverviewComponent[] = plans.flatMap(plan =>
      plan.document.spec.components.map(c => {
        const entity = c.entityRef ? byRef.get(c.entityRef) : undefined;
        const status = plan.status?.components.find(
          s => s.component === c.name,
        );
        const owner =
          (entity && specRef(entity, 'owner', 'group')) ??
          plan.document.spec.owner;
        const system =
          (entity && specRef(entity, 'system', 'system')) ?? planSystem(plan);
        return {
          plan: {
            namespace: plan.namespace,
            name: plan.name,
            title: plan.title,
          },
          component: c.name,
          title: c.title ?? c.name,
          ...(c.entityRef ? { entityRef: c.entityRef } : {}),
          ...(c.criticality ? { criticality: c.criticality } : {}),
          ...(owner ? { owner } : {}),
          ...(system ? { system } : {}),
          state: status?.state ?? 'unknown',
          reasons: status?.reasons ?? [],
        };
      }),
    );
    components.sort(
      (a, b) =>
        COMPLIANCE_ORDER.indexOf(a.state) - COMPLIANCE_ORDER.indexOf(b.state),
    );

    const uncovered = [...byRef.entries()]
      .filter(([ref]) => !covered.has(ref))
      .map(([entityRef, e]) => {
        const owner = specRef(e, 'owner', 'group');
        const system = specRef(e, 'system', 'system');
        return {
          entityRef,
          title: e.metadata.title ?? e.metadata.name,
          ...(owner ? { owner } : {}),
          ...(system ? { system } : {}),
        };
      })
      .sort((a, b) => a.entityRef.localeCompare(b.entityRef));
    return {
      components,
      uncovered,
      systems: systemStates(components, uncovered),
    };
  }
}

// Each system's overall state: the worst of its covered components', with
// how many of its Components and Resources no plan covers.
function systemStates(
  components: RecoveryOverviewComponent[],
  uncovered: Array<{ system?: string }>,
): SystemRecoveryState[] {
  const systems = new Map<string, SystemRecoveryState>();
  const entry = (system?: string) => {
    const key = system ?? '';
    const found = systems.get(key);
    if (found) return found;
    const created: SystemRecoveryState = {
      ...(system ? { system } : {}),
      state: 'not-needed',
      counts: {},
      uncovered: 0,
    };
    systems.set(key, created);
    return created;
  };
  for (const c of components) {
    const s = entry(c.system);
    s.counts[c.state] = (s.counts[c.state] ?? 0) + 1;
    s.state = worstState([s.state, c.state]);
  }
  // A component no plan covers: nobody knows how it comes back.
  for (const u of uncovered) {
    const s = entry(u.system);
    s.uncovered++;
    s.state = worstState([s.state, 'unknown']);
  }
  return [...systems.values()].sort(
    (a, b) =>
      COMPLIANCE_ORDER.indexOf(a.state) - COMPLIANCE_ORDER.indexOf(b.state) ||
      (a.system ?? '~').localeCompare(b.system ?? '~'),
  );
}
