import { InputError } from '@backstage/errors';
import { normaliseEntityRef } from '@reliability-suite/plugin-reliability-common';

/**
 * An entity ref from a query or a body, as the stores key it
 * (`kind:namespace/name`, lower-case; the kind is required), or a 400
 * naming the field.
 */
export function entityRefParam(value: unknown, field = 'entityRef'): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > 400) {
    throw new InputError(`${field} must be an entity ref, kind:namespace/name`);
  }
  try {
    return normaliseEntityRef(value, { defaultKind: null });
  } catch (error) {
    throw new InputError(
      `${field} ${JSON.stringify(value)}: ${(error as Error).message}`,
    );
  }
}
