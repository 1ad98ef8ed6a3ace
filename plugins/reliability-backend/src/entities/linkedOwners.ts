import type { AuthService } from '@backstage/backend-plugin-api';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import type { Entity } from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';

/**
 * A ref an entity's spec holds (`spec.owner`, `spec.system`) as a full ref
 * in lower case, a bare name read in the entity's namespace as `kind`; or
 * undefined when it holds none the catalog would accept.
 */
export function specRefOf(
  entity: Entity | undefined,
  field: 'owner' | 'system',
  defaultKind: string,
): string | undefined {
  const value = (entity?.spec as Record<string, unknown> | undefined)?.[field];
  if (typeof value !== 'string') return undefined;
  try {
    return stringifyEntityRef(
      parseEntityRef(value, {
        defaultKind,
        defaultNamespace: entity?.metadata.namespace ?? 'default',
      }),
    ).toLocaleLowerCase('en-US');
  } catch {
    return undefined;
  }
}

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
  const owners = await ownerByEntity(catalog, auth, entityRefs);
  return [...new Set(owners.values())].sort();
}

/**
 * Each entity's owner (as `ownersOf` reads it), in one catalog call; an
 * entity without one, or missing, is left out.
 */
export async function ownerByEntity(
  catalog: CatalogService,
  auth: AuthService,
  entityRefs: string[],
): Promise<Map<string, string>> {
  const owners = new Map<string, string>();
  if (entityRefs.length === 0) return owners;
  const { items } = await catalog.getEntitiesByRefs(
    { entityRefs, fields: ['kind', 'metadata', 'spec.owner'] },
    { credentials: await auth.getOwnServiceCredentials() },
  );
  items.forEach((entity, k) => {
    // An owner the catalog would not accept either: no one to credit.
    const owner = specRefOf(entity ?? undefined, 'owner', 'group');
    if (owner) owners.set(entityRefs[k], owner);
  });
  return owners;
}
