import {
  makeValidator,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { z } from 'zod';

// The field types the records' schemas share (postmortems, incidents): entity
// refs checked as the catalog checks them, trimmed texts, http(s) URLs,
// runbook refs and ISO 8601 times.

const refValidator = makeValidator();

/**
 * An entity ref field: `[kind:][namespace/]name`, checked part by part as the
 * catalog checks them, normalised to `kind:namespace/name` in lower case. A
 * bare name takes `defaultKind`; `kinds` limits what may be named.
 */
export function entityRefField(options: {
  defaultKind: string;
  kinds?: string[];
  example: string;
}) {
  const { defaultKind, kinds, example } = options;
  return z
    .string()
    .trim()
    .max(255)
    .transform((value, ctx) => {
      let ref;
      try {
        // The catalog compares refs without regard to case.
        const parsed = parseEntityRef(value, {
          defaultKind,
          defaultNamespace: 'default',
        });
        ref = {
          kind: parsed.kind.toLocaleLowerCase('en-US'),
          namespace: parsed.namespace.toLocaleLowerCase('en-US'),
          name: parsed.name.toLocaleLowerCase('en-US'),
        };
      } catch {
        ref = undefined;
      }
      if (
        !ref ||
        !refValidator.isValidKind(ref.kind) ||
        !refValidator.isValidNamespace(ref.namespace) ||
        !refValidator.isValidEntityName(ref.name)
      ) {
        ctx.addIssue({
          code: 'custom',
          message: `${JSON.stringify(
            value.slice(0, 80),
          )} is not an entity ref such as ${example}`,
        });
        return z.NEVER;
      }
      const kind = ref.kind;
      if (kinds && !kinds.includes(kind)) {
        ctx.addIssue({
          code: 'custom',
          message: `must be a ${kinds.join(
            ' or ',
          )} ref such as ${example}, not ${kind}:`,
        });
        return z.NEVER;
      }
      return stringifyEntityRef(ref);
    });
}

export const userRef = entityRefField({
  defaultKind: 'user',
  kinds: ['user'],
  example: 'user:default/amara.okafor',
}).describe(
  'A user entity ref; a bare name is a user (`amara.okafor` → `user:default/amara.okafor`).',
);
export const ownerRef = entityRefField({
  defaultKind: 'group',
  kinds: ['user', 'group'],
  example: 'group:default/platform-team',
}).describe(
  'A user or group entity ref; a bare name is a group, as in a catalog `spec.owner`.',
);
export const affectedRef = entityRefField({
  defaultKind: 'component',
  example: 'component:default/insights-api',
}).describe(
  'A catalog entity ref; a bare name is a component. It must name an entity the catalog knows.',
);

export const text = (max: number) => z.string().trim().max(max);
export const required = (max: number) =>
  text(max).min(1, { message: 'must not be empty' });
export const markdown = text(50_000).optional();
export const list = <T extends z.ZodType>(item: T, max = 200) =>
  z.array(item).max(max).default([]);
export const httpUrl = z
  .string()
  .trim()
  .max(2000)
  // No `i` flag: the OpenAPI document carries the same pattern, and JSON
  // Schema patterns have no flags.
  .regex(/^[hH][tT][tT][pP][sS]?:\/\/\S+$/, {
    message: 'must be an http(s) URL',
  });
export const runbookRef = z
  .string()
  .regex(/^[a-z0-9-]{1,63}\/[a-z0-9-]{1,63}$/, {
    message: 'must be namespace/name of a runbook',
  });

/** An ISO 8601 time with a date and a time, stored in UTC. */
export const isoTime = z
  .string()
  .refine(v => /^\d{4}-\d{2}-\d{2}T/.test(v) && !Number.isNaN(Date.parse(v)), {
    message: 'must be an ISO 8601 time, e.g. 2026-11-21T09:30:00Z',
  })
  .transform(v => new Date(v).toISOString());
