import {
  type CompoundEntityRef,
  type Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';

/**
 * How the suite keys an entity everywhere (stores, routes, the portal):
 * `kind:namespace/name`, lower-case.
 *
 * @public
 */
export function entityKey(entity: Entity | CompoundEntityRef): string {
  return stringifyEntityRef(entity).toLocaleLowerCase('en-US');
}

/**
 * `[kind:][namespace/]name` → `kind:namespace/name`, lower-case. The kind
 * defaults to component (as in runbooks and plans); `defaultKind: null`
 * requires one (as in the API's parameters). Throws on what is no entity ref.
 *
 * @public
 */
export function normaliseEntityRef(
  ref: string,
  options: { defaultKind?: string | null } = {},
): string {
  const defaultKind =
    options.defaultKind === undefined ? 'component' : options.defaultKind;
  return entityKey(
    parseEntityRef(ref, {
      ...(defaultKind ? { defaultKind } : {}),
      defaultNamespace: 'default',
    }),
  );
}
