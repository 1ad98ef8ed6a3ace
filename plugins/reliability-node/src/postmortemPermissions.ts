import {
  createConditionExports,
  createPermissionResourceRef,
  createPermissionRule,
} from '@backstage/plugin-permission-node';
import {
  type Postmortem,
  RESOURCE_TYPE_RELIABILITY_POSTMORTEM,
} from '@reliability-suite/plugin-reliability-common';
import { z } from 'zod';

/**
 * A postmortem as permission rules see it: the record, and the owners of the
 * catalog entities it concerns (resolved when it was saved).
 *
 * @public
 */
export type PostmortemResource = Postmortem & { linkedOwners: string[] };

/** Postmortems are only authorized one by one: rules need no query form. @public */
export type PostmortemQuery = never;

/** The postmortem resource, for the permission framework. @public */
export const postmortemResourceRef = createPermissionResourceRef<
  PostmortemResource,
  PostmortemQuery
>().with({
  pluginId: 'reliability',
  resourceType: RESOURCE_TYPE_RELIABILITY_POSTMORTEM,
});

const claims = z.object({
  claims: z
    .array(z.string())
    .describe('Entity refs of the user and the groups it belongs to'),
});
const overlaps = (values: string[], wanted: string[]) =>
  values.some(v => wanted.includes(v.toLocaleLowerCase('en-US')));
const noQuery = (): never => {
  throw new Error('postmortem rules are applied to loaded postmortems only');
};

const isPostmortemAuthor = createPermissionRule({
  name: 'IS_POSTMORTEM_AUTHOR',
  description: "The user is one of the postmortem's authors",
  resourceRef: postmortemResourceRef,
  paramsSchema: claims,
  apply: (pm, { claims: c }) => overlaps(pm.authors, c),
  toQuery: noQuery,
});

const isPostmortemOwner = createPermissionRule({
  name: 'IS_POSTMORTEM_OWNER',
  description: 'The user, or one of its groups, owns the postmortem',
  resourceRef: postmortemResourceRef,
  paramsSchema: claims,
  apply: (pm, { claims: c }) => overlaps(pm.owner ? [pm.owner] : [], c),
  toQuery: noQuery,
});

const isLinkedEntityOwner = createPermissionRule({
  name: 'IS_LINKED_ENTITY_OWNER',
  description:
    'The user, or one of its groups, owns a catalog entity the postmortem concerns',
  resourceRef: postmortemResourceRef,
  paramsSchema: claims,
  apply: (pm, { claims: c }) => overlaps(pm.linkedOwners, c),
  toQuery: noQuery,
});

/** @public */
export const postmortemPermissionRules = {
  isPostmortemAuthor,
  isPostmortemOwner,
  isLinkedEntityOwner,
};

const exported = createConditionExports({
  resourceRef: postmortemResourceRef,
  rules: postmortemPermissionRules,
});

/**
 * Conditions an organisation's permission policy can use, e.g.
 * `postmortemConditions.isLinkedEntityOwner({ claims })`.
 *
 * @public
 */
export const postmortemConditions = exported.conditions;

/** @public */
export const createPostmortemConditionalDecision =
  exported.createConditionalDecision;
