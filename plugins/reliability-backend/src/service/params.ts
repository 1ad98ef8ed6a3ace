import { InputError } from '@backstage/errors';
import { z } from 'zod';
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

/**
 * A request's query read with a list's schema from -common (the one the
 * document's parameters are written from): an empty value is an absent
 * one, and what breaks the schema is a 400 naming the parameter. Keys the
 * schema does not hold (the page's `limit` and `offset`) are left to the
 * page.
 */
export function queryParams<S extends z.ZodObject>(
  schema: S,
  query: Record<string, unknown>,
): z.output<S> {
  const given = Object.fromEntries(
    Object.keys(schema.shape).flatMap(key =>
      query[key] === undefined || query[key] === '' ? [] : [[key, query[key]]],
    ),
  );
  const result = schema.safeParse(given);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new InputError(`${issue.path.join('.')} ${issue.message}`);
  }
  return result.data;
}
