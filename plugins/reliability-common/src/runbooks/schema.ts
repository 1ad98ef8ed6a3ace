import { RELIABILITY_API_VERSION } from './types';

const markdown = { type: 'string', maxLength: 20000 } as const;
const shortText = { type: 'string', minLength: 1, maxLength: 500 } as const;
const duration = {
  type: 'string',
  pattern: '^[0-9]+(s|m|h|d)$',
  description: 'A duration such as 30s, 5m, 1h, 2d.',
} as const;

const step = {
  description:
    'A step: a command to run, a check to verify, or a manual instruction in Markdown. A plain string is a manual step.',
  oneOf: [
    markdown,
    {
      type: 'object',
      additionalProperties: false,
      properties: {
        title: shortText,
        run: { type: 'string', minLength: 1, maxLength: 20000 },
        verify: { type: 'string', minLength: 1, maxLength: 20000 },
        expect: markdown,
        manual: markdown,
        description: markdown,
        timeout: duration,
      },
    },
  ],
} as const;

const steps = { type: 'array', maxItems: 200, items: step } as const;

/**
 * The JSON Schema (draft-07) of a runbook document. Editors use it through a
 * `# yaml-language-server: $schema=…` comment; the backend serves it at
 * `/api/reliability/schemas/runbook.json`.
 *
 * @public
 */
export const runbookJsonSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://reliability.io/schemas/v1alpha1/runbook.json',
  title: 'Runbook',
  description:
    'A runbook for the reliability plugin suite: what to do when an alert fires or a service misbehaves.',
  type: 'object',
  required: ['apiVersion', 'kind', 'metadata', 'spec'],
  additionalProperties: false,
  properties: {
    apiVersion: { const: RELIABILITY_API_VERSION },
    kind: { const: 'Runbook' },
    metadata: {
      type: 'object',
      required: ['name'],
      additionalProperties: false,
      properties: {
        name: {
          type: 'string',
          pattern: '^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$',
          description:
            'Lower-case letters, digits and dashes; unique within its namespace.',
        },
        namespace: {
          type: 'string',
          pattern: '^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$',
          description: 'Lower-case letters, digits and dashes.',
        },
        title: shortText,
        description: markdown,
        tags: { type: 'array', maxItems: 50, items: shortText },
      },
    },
    spec: {
      type: 'object',
      additionalProperties: false,
      properties: {
        entityRefs: {
          type: 'array',
          maxItems: 100,
          items: {
            type: 'string',
            pattern: '^([A-Za-z0-9._-]+:)?([A-Za-z0-9._-]+/)?[A-Za-z0-9._-]+$',
            maxLength: 255,
            description: 'A catalog entity ref, [kind:][namespace/]name.',
          },
        },
        owner: shortText,
        severity: shortText,
        category: shortText,
        summary: markdown,
        impact: markdown,
        symptoms: { type: 'array', maxItems: 100, items: markdown },
        triggers: {
          type: 'array',
          maxItems: 100,
          items: {
            type: 'object',
            required: ['alertName'],
            additionalProperties: false,
            properties: {
              alertName: {
                type: 'string',
                pattern: '^[A-Za-z_:][A-Za-z0-9_:.-]*$',
                maxLength: 200,
                description:
                  'An alert name such as PostgresDown: letters, digits, _ : . and -, not starting with a digit.',
              },
              labels: {
                type: 'object',
                maxProperties: 50,
                additionalProperties: { type: 'string', maxLength: 500 },
              },
            },
          },
        },
        preconditions: {
          type: 'array',
          maxItems: 100,
          items: {
            type: 'object',
            required: ['check'],
            additionalProperties: false,
            properties: { check: markdown, description: markdown },
          },
        },
        diagnosis: steps,
        immediateActions: steps,
        steps,
        recovery: steps,
        rollback: { oneOf: [shortText, steps] },
        escalation: {
          type: 'object',
          additionalProperties: false,
          properties: {
            contacts: { type: 'array', maxItems: 50, items: shortText },
            after: duration,
            notes: markdown,
          },
        },
        postmortemQuestions: { type: 'array', maxItems: 100, items: markdown },
        links: {
          type: 'array',
          maxItems: 100,
          items: {
            type: 'object',
            required: ['title', 'url'],
            additionalProperties: false,
            properties: {
              title: shortText,
              url: {
                type: 'string',
                pattern: '^https?://',
                maxLength: 2000,
                description: 'An http(s) URL.',
              },
            },
          },
        },
        review: {
          type: 'object',
          additionalProperties: false,
          properties: {
            lastReviewed: {
              type: 'string',
              pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$',
              description: 'A date such as 2026-11-21.',
            },
            intervalDays: { type: 'integer', minimum: 1, maximum: 3660 },
          },
        },
      },
    },
  },
} as const;
