import { VERIFICATION_LEVELS } from '../backups/schema';
import { RELIABILITY_API_VERSION } from '../runbooks/types';

const text = (maxLength: number) =>
  ({ type: 'string', minLength: 1, maxLength } as const);
const name = {
  type: 'string',
  pattern: '^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$',
  description: 'Lower-case letters, digits and dashes.',
} as const;
const objective = {
  type: ['string', 'number'],
  maxLength: 200,
  description:
    'An RPO or RTO: 15m, 1h30m, 0 (nothing may be lost), ≈ 1m, ≤ 30m, 15m (initial guess), or n/a: <why>.',
} as const;
const runbookRef = {
  type: 'string',
  pattern: '^([a-z0-9-]{1,63}/)?[a-z0-9-]{1,63}$',
  description: 'A runbook, namespace/name or name.',
} as const;
const entityRef = {
  type: 'string',
  pattern: '^([A-Za-z0-9._-]+:)?([A-Za-z0-9._-]+/)?[A-Za-z0-9._-]+$',
  maxLength: 255,
  description: 'A catalog entity ref, [kind:][namespace/]name.',
} as const;
const list = (items: object, maxItems = 100) =>
  ({ type: 'array', maxItems, items } as const);

const backupJob = {
  type: 'object',
  required: ['name'],
  additionalProperties: false,
  properties: {
    name,
    type: text(100),
    tool: text(200),
    state: { enum: ['active', 'planned', 'external'] },
    enabled: { type: 'boolean' },
    schedule: {
      ...text(200),
      description:
        'Cron such as 0 2 * * * (CRON_TZ=Europe/Berlin 0 2 * * * in a time zone), an interval such as 15m, a calendar period such as daily or monthly, continuous, or manual.',
    },
    recommended: {
      ...text(200),
      description:
        'The schedule the handbook recommends, when it differs from the one configured (or none is yet).',
    },
    optional: {
      ...text(500),
      description:
        'When the job is optional or conditional, in words: "only when the chart value backup.enabled is set".',
    },
    note: text(2000),
    retention: text(500),
    destination: text(500),
    offSite: { type: 'boolean' },
    encryption: text(200),
  },
} as const;

const component = {
  type: 'object',
  required: ['name'],
  additionalProperties: false,
  properties: {
    name,
    title: text(200),
    entityRef,
    data: text(2000),
    criticality: { enum: ['critical', 'high', 'moderate', 'low', 'none'] },
    stateless: {
      ...text(1000),
      description: 'Why the component needs no backup.',
    },
    rpo: objective,
    rto: objective,
    replication: {
      type: 'object',
      required: ['method'],
      additionalProperties: false,
      properties: { method: text(500), rpo: objective },
    },
    backups: list(backupJob, 20),
    drill: {
      type: 'object',
      required: ['cadence'],
      additionalProperties: false,
      properties: {
        cadence: {
          ...text(200),
          description:
            'How often: 7d, monthly (a calendar month), quarterly, cron, or regularly when there is no fixed period.',
        },
        staleAfter: {
          ...text(50),
          description: 'A duration such as 8d or 1mo.',
        },
        runbook: runbookRef,
        scenario: {
          ...name,
          description:
            "The plan's scenario it exercises: judged against that scenario's RTO.",
        },
        checks: text(2000),
        environment: text(500),
        requiredVerification: {
          enum: [...VERIFICATION_LEVELS],
          description:
            "The level a drill must reach to count: none, integrity (checksums only; not a restore), restored (to a scratch target), application (restored and the application's checks passed).",
        },
      },
    },
    exclusions: list(text(1000), 50),
  },
} as const;

/**
 * The JSON Schema (draft-07) of a recovery plan document: editors use it
 * through `# yaml-language-server: $schema=…`, the indexer and the validator
 * check with it.
 *
 * @public
 */
export const recoveryPlanJsonSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://reliability.io/schemas/v1alpha1/recovery-plan.json',
  title: 'RecoveryPlan',
  description:
    "A service's recovery plan: what holds state, how it is backed up, its RPO and RTO, the scenarios it plans for, its restore drills and its degraded modes.",
  type: 'object',
  required: ['apiVersion', 'kind', 'metadata', 'spec'],
  additionalProperties: false,
  properties: {
    apiVersion: { const: RELIABILITY_API_VERSION },
    kind: { const: 'RecoveryPlan' },
    metadata: {
      type: 'object',
      required: ['name'],
      additionalProperties: false,
      properties: {
        name,
        namespace: name,
        title: text(300),
        description: text(20000),
      },
    },
    spec: {
      type: 'object',
      required: ['components'],
      additionalProperties: false,
      properties: {
        entityRefs: list(entityRef),
        owner: text(255),
        rpo: objective,
        rto: objective,
        dataTypes: list({
          type: 'object',
          required: ['name'],
          additionalProperties: false,
          properties: {
            name,
            description: text(2000),
            rpo: objective,
            rto: objective,
            rationale: text(2000),
            components: {
              ...list(name, 50),
              description:
                "The plan's components that hold it: its RPO is judged from their backups.",
            },
            scenarios: {
              ...list(name, 50),
              description: "The plan's scenarios that concern it.",
            },
          },
        }),
        components: { ...list(component), minItems: 1 },
        scenarios: list({
          type: 'object',
          required: ['name'],
          additionalProperties: false,
          properties: {
            name,
            title: text(200),
            rpo: objective,
            rto: objective,
            recovery: { enum: ['automatic', 'semi-automatic', 'manual'] },
            runbook: runbookRef,
            description: text(5000),
          },
        }),
        degradedModes: list({
          type: 'object',
          required: ['component'],
          additionalProperties: false,
          properties: {
            component: text(255),
            impact: text(2000),
            workaround: text(2000),
            severity: text(64),
            runbook: runbookRef,
          },
        }),
      },
    },
  },
} as const;
