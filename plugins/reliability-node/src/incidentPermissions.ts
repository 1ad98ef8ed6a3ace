import {
  createConditionExports,
  createPermissionResourceRef,
  createPermissionRule,
} from '@backstage/plugin-permission-node';
import {
  type Incident,
  RESOURCE_TYPE_RELIABILITY_INCIDENT,
} from '@reliability-suite/plugin-reliability-common';
import { z } from 'zod';

/**
 * An incident as permission rules see it: the record, and the owners of the
 * catalog entities it affects (resolved when they were set).
 *
 * @public
 */
export type IncidentResource = Incident & { linkedOwners: string[] };

/** Incidents are only authorized one by one: rules need no query form. @public */
export type IncidentQuery = never;

/** The incident resource, for the permission framework. @public */
export const incidentResourceRef = createPermissionResourceRef<
  IncidentResource,
  IncidentQuery
>().with({
  pluginId: 'reliability',
  resourceType: RESOURCE_TYPE_RELIABILITY_INCIDENT,
});

const claims = z.object({
  claims: z
    .array(z.string())
    .describe('Entity refs of the user and the groups it belongs to'),
});
const overlaps = (values: string[], wanted: string[]) =>
  values.some(v => wanted.includes(v.toLocaleLowerCase('en-US')));
const noQuery = (): never => {
  throw new Error('incident rules are applied to loaded incidents only');
};
const holding = (incident: IncidentResource, lead: boolean) =>
  incident.roles
    .filter(r => !r.handedOverAt && (!lead || r.user === incident.commander))
    .map(r => r.user);

const isIncidentCommander = createPermissionRule({
  name: 'IS_INCIDENT_COMMANDER',
  description: "The user is the incident's commander",
  resourceRef: incidentResourceRef,
  paramsSchema: claims,
  apply: (incident, { claims: c }) =>
    overlaps(incident.commander ? [incident.commander] : [], c),
  toQuery: noQuery,
});

const hasIncidentRole = createPermissionRule({
  name: 'HAS_INCIDENT_ROLE',
  description: 'The user holds a role of the incident (commander, scribe, …)',
  resourceRef: incidentResourceRef,
  paramsSchema: claims,
  apply: (incident, { claims: c }) => overlaps(holding(incident, false), c),
  toQuery: noQuery,
});

const isAffectedEntityOwner = createPermissionRule({
  name: 'IS_AFFECTED_ENTITY_OWNER',
  description:
    'The user, or one of its groups, owns a catalog entity the incident affects',
  resourceRef: incidentResourceRef,
  paramsSchema: claims,
  apply: (incident, { claims: c }) => overlaps(incident.linkedOwners, c),
  toQuery: noQuery,
});

const hasNoCommander = createPermissionRule({
  name: 'HAS_NO_COMMANDER',
  description:
    'Nobody leads the incident yet (an alert opened it): someone may take command',
  resourceRef: incidentResourceRef,
  paramsSchema: z.object({}),
  apply: incident => !incident.commander,
  toQuery: noQuery,
});

/** @public */
export const incidentPermissionRules = {
  isIncidentCommander,
  hasIncidentRole,
  isAffectedEntityOwner,
  hasNoCommander,
};

const exported = createConditionExports({
  resourceRef: incidentResourceRef,
  rules: incidentPermissionRules,
});

/**
 * Conditions a permission policy can use, e.g.
 * `incidentConditions.isIncidentCommander({ claims })`.
 *
 * @public
 */
export const incidentConditions = exported.conditions;

/** @public */
export const createIncidentConditionalDecision =
  exported.createConditionalDecision;
