import type { AuthService } from '@backstage/backend-plugin-api';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';

/**
 * The owners of catalog entities, as full refs in lower case (a bare
 * `spec.owner` is a group in the entity's namespace): who "owners of an
 * affected entity" permission rules and notifications mean. Read with the
 * plugin's own credentials.
 */
export async function ownersOf(
  catalog: CatalogService,
  auth: AuthService,
  entityRefs: string[],
): Promise<string[]> {
  if (entityRefs.length === 0) return [];
  const { items } = await catalog.getEntitiesByRefs(
    { entityRefs, fields: ['kind', 'metadata', 'spec.owner'] },
    { credentials: await auth.getOwnServiceCredentials() },
  );
  const owners = new Set<string>();
  for (const entity of items) {
    const owner = (entity?.spec as { owner?: unknown } | undefined)?.owner;
    if (typeof owner !== 'string') continue;
    try {
      owners.add(
        stringifyEntityRef(
          parseEntityRef(owner, {
            defaultKind: 'group',
            defaultNamespace: entity?.metadata.namespace ?? 'default',
          }),
        ).toLocaleLowerCase('en-US'),
      );
    } catch {
      // An owner the catalog would not accept either: no one to credit.
    }
  }
  return [...owners].sort();
}
