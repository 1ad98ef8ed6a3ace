import { entityKey } from '@reliability-suite/plugin-reliability-common';
import type {
  AuthService,
  RootConfigService,
} from '@backstage/backend-plugin-api';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { specRefOf } from '../entities/linkedOwners';
import { entityRefParam } from '../service/params';

interface ReporterScope {
  entityRefs: Set<string>;
  owners: Set<string>;
  systems: Set<string>;
}

const refs = (
  values: string[] | undefined,
  field: string,
  defaultKind?: string,
) =>
  new Set(
    (values ?? []).map(v =>
      entityRefParam(
        defaultKind && !v.includes(':') ? `${defaultKind}:${v}` : v,
        field,
      ),
    ),
  );

/**
 * What each machine token may report backups of
 * (`reliability.backups.reporters`): entities named, owned by, or part of
 * a system named in its entry. A token without an entry reports for none.
 */
export class ReporterScopes {
  static fromConfig(
    config: RootConfigService,
    options: { catalog: CatalogService; auth: AuthService },
  ): ReporterScopes {
    const scopes = new Map<string, ReporterScope>();
    const entries =
      config.getOptionalConfigArray('reliability.backups.reporters') ?? [];
    for (const [i, entry] of entries.entries()) {
      const key = `reliability.backups.reporters[${i}]`;
      const subject = entry.getString('subject');
      if (scopes.has(subject)) {
        throw new Error(`${key}.subject ${subject} is given twice`);
      }
      scopes.set(subject, {
        entityRefs: refs(
          entry.getOptionalStringArray('entityRefs'),
          `${key}.entityRefs`,
        ),
        owners: refs(
          entry.getOptionalStringArray('owners'),
          `${key}.owners`,
          'group',
        ),
        systems: refs(
          entry.getOptionalStringArray('systems'),
          `${key}.systems`,
          'system',
        ),
      });
    }
    return new ReporterScopes(scopes, options.catalog, options.auth);
  }

  private constructor(
    private readonly scopes: Map<string, ReporterScope>,
    private readonly catalog: CatalogService,
    private readonly auth: AuthService,
  ) {}

  /** Whether the token of `subject` has an entry at all. */
  has(subject: string): boolean {
    return this.scopes.has(subject);
  }

  /** Of `entityRefs`, those the token of `subject` may not report for. */
  async outside(subject: string, entityRefs: string[]): Promise<string[]> {
    const scope = this.scopes.get(subject);
    if (!scope) return entityRefs;
    const rest = entityRefs.filter(r => !scope.entityRefs.has(r));
    if (
      rest.length === 0 ||
      (scope.owners.size === 0 && scope.systems.size === 0)
    ) {
      return rest;
    }
    const { items } = await this.catalog.getEntitiesByRefs(
      {
        entityRefs: rest,
        fields: ['kind', 'metadata', 'spec.owner', 'spec.system'],
      },
      { credentials: await this.auth.getOwnServiceCredentials() },
    );
    return rest.filter((_ref, i) => {
      const entity = items[i] ?? undefined;
      if (!entity) return true;
      const owner = specRefOf(entity, 'owner', 'group');
      const system = specRefOf(entity, 'system', 'system');
      const self = entityKey(entity);
      return !(
        (owner && scope.owners.has(owner)) ||
        (system && scope.systems.has(system)) ||
        scope.systems.has(self)
      );
    });
  }
}
