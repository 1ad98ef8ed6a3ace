import {
  makeValidator,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { EntityRefLinks } from '@backstage/plugin-catalog-react';

const validator = makeValidator();

/**
 * An owner as a catalog link with its title when it is an entity ref (a bare
 * name is a group, as in `spec.owner`), or as the text written when it is not
 * one ("SRE on-call").
 */
export const OwnerLink = ({
  owner,
  defaultKind = 'group',
  defaultNamespace = 'default',
}: {
  owner: string;
  defaultKind?: string;
  defaultNamespace?: string;
}) => {
  let ref: string | undefined;
  try {
    const parsed = parseEntityRef(owner.trim().toLocaleLowerCase('en-US'), {
      defaultKind,
      defaultNamespace,
    });
    if (
      validator.isValidKind(parsed.kind) &&
      validator.isValidNamespace(parsed.namespace) &&
      validator.isValidEntityName(parsed.name)
    ) {
      ref = stringifyEntityRef(parsed);
    }
  } catch {
    ref = undefined;
  }
  return ref ? (
    <EntityRefLinks entityRefs={[ref]} defaultKind={defaultKind} />
  ) : (
    <>{owner}</>
  );
};
