//
// * THIS IS A GENERATED FILE. DO NOT EDIT IT: edit src/schema/openapi.yaml (or
// * a record's schema in -common) and run `npm run generate:openapi`.
import {
  type ApiRouter,
  createValidatedOpenApiRouter,
} from '@backstage/backend-openapi-utils';
import express from 'express';

/** The OpenAPI document of the reliability API. */
export const spec = {
  openapi: '3.0.3',
  info: {
    title: 'reliability',
    version: '0.1.0',
    description:
      "The backend of the Backstage reliability plugin suite (pluginId `reliability`),\nmounted at `/api/reliability`.\n\nIt serves the runbooks an organisation keeps in Git next to its services:\n\n- **Runbooks indexed from Git.** On a schedule (and on demand, see\n  `POST /runbooks/refresh`) the backend reads the runbook files that each\n  catalog entity points to with its `reliability.io/runbooks` annotation, and\n  the central runbook repositories under `reliability.runbooks.locations`.\n  YAML runbooks (`reliability.io/v1alpha1` `Runbook`) and prometheus-operator\n  style Markdown runbooks are validated, normalised and stored; every problem\n  found is recorded with file, line and column. A runbook whose file breaks\n  keeps being served from its last good copy, marked `stale`.\n- **Per catalog entity.** `GET /runbooks?entityRef=…` lists the runbooks\n  serving an entity, `GET /runbooks/index-status` says how the last reads of\n  that entity's runbooks went, and `GET /entities/…/overview` gives the\n  entity's reliability annotations (tier, RPO, RTO, runbook location).\n- **Per alert name.** `GET /runbooks/by-alert/{alertName}` answers which\n  runbooks a firing alert (Prometheus `alertname` plus its labels) leads to:\n  what a `runbook_url` resolves to, for incident tooling and bots.\n- **Severities from configuration.** `GET /severities` gives the severity\n  levels configured under `reliability.severities` (P1–P4 by default), with\n  response targets, paging and postmortem rules.\n\nIt also keeps the **postmortems** written after incidents, in its database:\n\n- **Postmortems.** `GET /postmortems` lists them (by entity, status,\n  severity, owner or start time), `GET /postmortems/{id}` reads one,\n  `POST /postmortems` writes one and `PUT /postmortems/{id}` changes one\n  with optimistic concurrency: the writer names the `version` it read and\n  gets 409 when someone else saved in between. Every change is kept in an\n  audit log (`GET /postmortems/{id}/audit`), and the action items of all\n  postmortems can be listed across them, e.g. per runbook\n  (`GET /postmortems/action-items`). Writes are decided by the permissions\n  `reliability.postmortem.create`, `.update`, `.publish` and `.delete`.\n\n**Authentication.** Every route needs a Backstage user token or service\ntoken in `Authorization: Bearer <token>`, except `GET /health` (for load\nbalancers and uptime probes) and `GET /schemas/runbook.json` (for editors).\nWriting postmortems (`POST`, `PUT`, `DELETE` under `/postmortems`) needs a\nuser token: a service token gets 403.\nErrors use Backstage's standard error body (`ErrorResponse`).\n",
  },
  servers: [
    {
      url: '/',
      description:
        'Relative to where the plugin is mounted, /api/reliability on a Backstage backend.',
    },
  ],
  tags: [
    {
      name: 'health',
      description: 'Liveness and database reachability of the backend.',
    },
    {
      name: 'entities',
      description: 'What the backend knows about one catalog entity.',
    },
    {
      name: 'runbooks',
      description:
        'Runbooks indexed from Git: per entity, per alert, one by one, their index state, on-demand re-indexing, and the runbook JSON Schema.',
    },
    {
      name: 'severities',
      description: 'The configured severity levels.',
    },
    {
      name: 'incidents',
      description:
        'Incidents: declared in the portal or opened by Alertmanager, with severity, roles, a timeline, runbook checklists, status updates and the hand-off to the postmortem.',
    },
    {
      name: 'recovery',
      description:
        'Recovery plans: what each service keeps, how it is backed up, its RPO and RTO, scenarios, restore drills and degraded modes.',
    },
    {
      name: 'postmortems',
      description:
        'Postmortems of incidents: list, read, write with optimistic concurrency (`version`, 409 on a stale one), delete, their audit log, and their action items across postmortems.',
    },
  ],
  security: [
    {
      backstageToken: [],
    },
  ],
  paths: {
    '/health': {
      get: {
        operationId: 'getHealth',
        tags: ['health'],
        summary: 'Health of the backend and its database',
        description:
          'Whether this backend instance is up and its database answers (a `select 1` with a 2-second limit). Needs no token: for load balancers, Kubernetes probes and uptime monitors. Answers 200 with `status: ok` when the database answers, and 503 with the same body and `status: degraded` (plus `database.error`) when it does not.',
        security: [],
        responses: {
          '200': {
            description: 'The backend is up and its database answers.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/ReliabilityHealth',
                },
                example: {
                  status: 'ok',
                  database: {
                    client: 'pg',
                    reachable: true,
                  },
                  startedAt: '2026-11-03T08:12:44.120Z',
                },
              },
            },
          },
          '503': {
            $ref: '#/components/responses/HealthDegraded',
          },
        },
      },
    },
    '/entities/{namespace}/{kind}/{name}/overview': {
      get: {
        operationId: 'getEntityOverview',
        tags: ['entities'],
        summary: 'Reliability overview of one catalog entity',
        description:
          "The entity's full ref, title, owner and the reliability annotations it carries (`reliability.io/runbooks`, `reliability.io/tier`, `reliability.io/rpo`, `reliability.io/rto`). The entity is read from the catalog with the caller's own credentials, so a caller who may not read the entity gets 404, as if it did not exist. This is what the portal's Reliability tab and overview card show.",
        parameters: [
          {
            $ref: '#/components/parameters/EntityNamespacePath',
          },
          {
            $ref: '#/components/parameters/EntityKindPath',
          },
          {
            $ref: '#/components/parameters/EntityNamePath',
          },
        ],
        responses: {
          '200': {
            description: "The entity's reliability overview.",
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/EntityReliabilityOverview',
                },
                example: {
                  entityRef: 'resource:default/insights-postgres',
                  title: 'Insights PostgreSQL',
                  owner: 'platform-team',
                  annotations: {
                    'reliability.io/runbooks': './runbooks/insights-postgres',
                    'reliability.io/tier': 'tier-1',
                    'reliability.io/rpo': '15m',
                    'reliability.io/rto': '1h',
                  },
                  generatedAt: '2026-11-03T09:30:02.518Z',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/BadRequest',
          },
          '401': {
            $ref: '#/components/responses/Unauthorized',
          },
          '404': {
            $ref: '#/components/responses/NotFound',
          },
          '500': {
            $ref: '#/components/responses/InternalError',
          },
        },
      },
    },
    '/severities': {
      get: {
        operationId: 'listSeverities',
        tags: ['severities'],
        summary: 'The configured severity levels',
        description:
          'The severity levels configured under `reliability.severities` (or the built-in P1–P4 defaults), most severe first. Runbooks, incidents and postmortems name a level by its `id`; tooling uses `responseTarget`, `pages` and `postmortemRequired` to decide whom to page and what follow-up an incident needs.',
        responses: {
          '200': {
            description: 'Every configured level, ordered by `rank` (1 first).',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['items'],
                  properties: {
                    items: {
                      type: 'array',
                      items: {
                        $ref: '#/components/schemas/SeverityLevel',
                      },
                    },
                  },
                },
                example: {
                  items: [
                    {
                      id: 'P1',
                      label: 'Critical',
                      rank: 1,
                      colour: '#c62828',
                      description:
                        'The platform or a customer-facing service is down, or data is being lost.',
                      responseTarget: '15 minutes',
                      responseMinutes: 15,
                      pages: true,
                      postmortemRequired: true,
                    },
                    {
                      id: 'P2',
                      label: 'Major',
                      rank: 2,
                      colour: '#ef6c00',
                      description:
                        'A major feature is broken or badly degraded; a workaround may exist.',
                      responseTarget: '1 hour',
                      responseMinutes: 60,
                      pages: true,
                      postmortemRequired: true,
                    },
                    {
                      id: 'P3',
                      label: 'Minor',
                      rank: 3,
                      colour: '#f9a825',
                      description: 'A minor issue with limited impact.',
                      responseTarget: '4 hours',
                      responseMinutes: 240,
                      pages: false,
                      postmortemRequired: false,
                    },
                    {
                      id: 'P4',
                      label: 'Low',
                      rank: 4,
                      colour: '#1565c0',
                      description: 'Low priority; handled in working hours.',
                      responseTarget: 'next business day',
                      pages: false,
                      postmortemRequired: false,
                    },
                  ],
                },
              },
            },
          },
          '401': {
            $ref: '#/components/responses/Unauthorized',
          },
        },
      },
    },
    '/schemas/runbook.json': {
      get: {
        operationId: 'getRunbookSchema',
        tags: ['runbooks'],
        summary: 'The runbook JSON Schema',
        description:
          'The JSON Schema (draft-07) of a `reliability.io/v1alpha1` `Runbook` document, the one the indexer validates with. Needs no token, so that editors can use it directly: `# yaml-language-server: $schema=https://<portal>/api/reliability/schemas/runbook.json`. The same schema ships in the common package as `plugins/reliability-common/schema/runbook.schema.json`.',
        security: [],
        responses: {
          '200': {
            description: 'The JSON Schema document.',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  description:
                    'A JSON Schema draft-07 document with `$id` `https://reliability.io/schemas/v1alpha1/runbook.json` and `title` `Runbook`.',
                  additionalProperties: true,
                },
              },
            },
          },
        },
      },
    },
    '/schemas/recovery-plan.json': {
      get: {
        operationId: 'getRecoveryPlanSchema',
        tags: ['recovery'],
        summary: 'The recovery plan JSON Schema',
        description:
          'The JSON Schema (draft-07) of a `reliability.io/v1alpha1` `RecoveryPlan` document, the one the indexer and the validator check with. Needs no token, for editors. The same schema ships in the common package as `plugins/reliability-common/schema/recovery-plan.schema.json`.',
        security: [],
        responses: {
          '200': {
            description: 'The JSON Schema document.',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  additionalProperties: true,
                },
              },
            },
          },
        },
      },
    },
    '/backups/events': {
      post: {
        operationId: 'reportBackupEvents',
        tags: ['recovery'],
        summary: 'Report backup runs and restore drills',
        description:
          "What a backup CronJob or a restore-drill script sends when it ends (or starts): one or more events, each about a component of a recovery plan — named by the plan's entity plus `component`, or by the component's own entity. Meant for machines: a Backstage external access static token restricted to this plugin (`backend.auth.externalAccess`), or a user token; the permission `reliability.backup.report` is checked. Every event is checked before any is stored, and one bad event is a 400 naming it (wrong types, unknown entity or component, times in the future, `finishedAt` before `startedAt`); nothing is stored then. An event whose `id` is already stored changes nothing, so retries and the same report sent to two backend instances are safe; events may arrive in any order. Bodies over 1 MB are a 413.",
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/BackupEventBatch',
              },
              example: {
                events: [
                  {
                    id: 'insights-postgres-full-2026-11-21',
                    type: 'backup',
                    entityRef: 'resource:default/insights-postgres',
                    job: 'full',
                    startedAt: '2026-11-21T01:00:00Z',
                    finishedAt: '2026-11-21T01:14:00Z',
                    result: 'success',
                    sizeBytes: 7340032000,
                    tool: 'pgbackrest',
                  },
                ],
              },
            },
          },
        },
        responses: {
          '200': {
            description:
              'How many events were new, and how many were already stored.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/BackupEventsSummary',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/BadRequest',
          },
          '401': {
            $ref: '#/components/responses/Unauthorized',
          },
          '403': {
            $ref: '#/components/responses/Forbidden',
          },
        },
      },
    },
    '/backups/import/{format}': {
      post: {
        operationId: 'importBackupToolOutput',
        tags: ['recovery'],
        summary: "Import a backup tool's own output",
        description:
          "A backup tool's machine-readable output, posted as the tool printed it — `pgbackrest info --output=json` (`format` pgbackrest), `restic snapshots --json` (restic) — or as a captured run (`BackupToolRun`: stdout, stderr, exit code; what `reliability-cli report` sends), so that a run that failed before printing anything counts too. The importer turns it into backup events for the component named by `entityRef` (and `component`), with ids taken from the tool (a pgBackRest label, a restic snapshot id), so importing the same output again changes nothing. Backend modules add formats through the `reliabilityBackupsExtensionPoint`. The same auth and permission as `POST /backups/events`; an unknown format is a 404, output the importer cannot read a 400, and every event is checked before any is stored.",
        parameters: [
          {
            name: 'format',
            in: 'path',
            required: true,
            schema: {
              type: 'string',
              pattern: '^[a-z0-9-]{1,40}$',
            },
            example: 'pgbackrest',
          },
          {
            $ref: '#/components/parameters/EntityRefQueryRequired',
          },
          {
            name: 'component',
            in: 'query',
            required: false,
            description:
              "The plan's component, when the entity is not one component's own.",
            schema: {
              type: 'string',
              maxLength: 63,
            },
          },
          {
            name: 'job',
            in: 'query',
            required: false,
            description:
              'The backup job, when the output does not say (a restic snapshot without tags).',
            schema: {
              type: 'string',
              maxLength: 63,
            },
          },
        ],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                anyOf: [
                  {
                    type: 'array',
                    description: "The tool's JSON output as it printed it.",
                    items: {
                      type: 'object',
                      additionalProperties: true,
                    },
                  },
                  {
                    $ref: '#/components/schemas/BackupToolRun',
                  },
                ],
              },
            },
          },
        },
        responses: {
          '200': {
            description:
              'What the output held, how many events were new, and notes.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/BackupImportSummary',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/BadRequest',
          },
          '401': {
            $ref: '#/components/responses/Unauthorized',
          },
          '403': {
            $ref: '#/components/responses/Forbidden',
          },
          '404': {
            $ref: '#/components/responses/NotFound',
          },
        },
      },
    },
    '/backups/sources': {
      get: {
        operationId: 'listBackupSources',
        tags: ['recovery'],
        summary:
          'The importers, and the scheduled sources with their last pass',
        responses: {
          '200': {
            description: '`{ importers, sources }`.',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['importers', 'sources'],
                  properties: {
                    importers: {
                      type: 'array',
                      items: {
                        type: 'object',
                        required: ['format', 'description'],
                        properties: {
                          format: {
                            type: 'string',
                          },
                          description: {
                            type: 'string',
                          },
                        },
                      },
                    },
                    sources: {
                      type: 'array',
                      items: {
                        $ref: '#/components/schemas/BackupSourceState',
                      },
                    },
                  },
                },
              },
            },
          },
          '401': {
            $ref: '#/components/responses/Unauthorized',
          },
        },
      },
    },
    '/facts/recovery': {
      get: {
        operationId: 'getRecoveryFacts',
        tags: ['recovery'],
        summary: "Each covered entity's recovery facts, for scorecards",
        description:
          "For Tech Insights fact retrievers, Soundcheck and other scorecards: each entity a recovery plan covers, with its overall state (the worst of the components that cover it: all of a plan's for an entity in the plan's `entityRefs`, its own for a component's entity), how many components are in each state, the oldest last-good-backup age and the oldest last drill. Read from the plans and the reports alone — no catalog call.",
        parameters: [
          {
            name: 'entityRef',
            in: 'query',
            required: false,
            description: 'Only this entity.',
            schema: {
              type: 'string',
              minLength: 1,
              maxLength: 400,
            },
            allowReserved: true,
          },
        ],
        responses: {
          '200': {
            description: '`{ generatedAt, items }`, by entity ref.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/RecoveryFacts',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/BadRequest',
          },
          '401': {
            $ref: '#/components/responses/Unauthorized',
          },
        },
      },
    },
    '/facts/alerts': {
      get: {
        operationId: 'getAlertFacts',
        tags: ['runbooks'],
        summary: "Each entity's alert coverage, for scorecards",
        description:
          'For Tech Insights fact retrievers, Soundcheck and other scorecards, beside `/facts/recovery`: each entity an alerting rule or a runbook trigger names, with its alerts, how many a runbook answers (and the percentage), the names of those none answers, how many of those link nowhere useful, and its triggers no rule fires. Computed from the same coverage as `/alerts/coverage`; entities the caller may not read are left out.',
        parameters: [
          {
            name: 'entityRef',
            in: 'query',
            required: false,
            description: 'Only this entity.',
            schema: {
              type: 'string',
              minLength: 1,
              maxLength: 400,
            },
            allowReserved: true,
          },
        ],
        responses: {
          '200': {
            description: '`{ generatedAt, sourcesOk, items }`, by entity ref.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/AlertFacts',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/BadRequest',
          },
          '401': {
            $ref: '#/components/responses/Unauthorized',
          },
        },
      },
    },
    '/alerts/coverage': {
      get: {
        operationId: 'getAlertCoverage',
        tags: ['runbooks'],
        summary: 'The alerting rules against the runbooks',
        description:
          'Every alerting rule of every configured source (a Prometheus rules API added by a module, the rule files of `reliability.alerts.ruleFiles`), from each source\'s last good read: which runbooks answer it (their triggers match its name and labels, as the Alertmanager bridge matches), where its `runbook_url` leads (an indexed runbook of this portal, a dead link into it, somewhere else, nowhere), and which entities it belongs to. Also the runbook triggers that no rule fires ("dead triggers"), and each source\'s last read, with its error while it is down. Rules and triggers naming an entity the caller may not read are left out.',
        parameters: [
          {
            name: 'entityRef',
            in: 'query',
            required: false,
            description: 'Only the alerts and dead triggers of this entity.',
            schema: {
              type: 'string',
              minLength: 1,
              maxLength: 400,
            },
            allowReserved: true,
          },
        ],
        responses: {
          '200': {
            description:
              '`{ sources, alerts, deadTriggers, totals, generatedAt }`.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/AlertCoverage',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/BadRequest',
          },
          '401': {
            $ref: '#/components/responses/Unauthorized',
          },
        },
      },
    },
    '/alerts/coverage/history': {
      get: {
        operationId: 'getAlertCoverageHistory',
        tags: ['runbooks'],
        summary: 'Alert coverage by day and owner, for the trend',
        description:
          "The last 90 days of alert coverage, one row per day and owner (the alerts of the owner's entities, and how many of them a runbook answers), oldest first. `owner` is `*` for every alert, and empty for those of entities without an owner. Counted once an hour.",
        responses: {
          '200': {
            description: '`{ items }`.',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['items'],
                  properties: {
                    items: {
                      type: 'array',
                      items: {
                        $ref: '#/components/schemas/AlertCoverageDay',
                      },
                    },
                  },
                },
              },
            },
          },
          '401': {
            $ref: '#/components/responses/Unauthorized',
          },
        },
      },
    },
    '/recovery/overview': {
      get: {
        operationId: 'getRecoveryOverview',
        tags: ['recovery'],
        summary: "Every component's recovery state across the catalog",
        description:
          "What an SRE lead checks on Monday: every component of every recovery plan with its state against what was reported (worst first), with its entity's owner and system from the catalog, and every catalog Component and Resource that no plan covers. The catalog is read with the caller's credentials: entities the caller may not read are left out.",
        responses: {
          '200': {
            description: '`{ components, uncovered, systems }`.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/RecoveryOverview',
                },
              },
            },
          },
          '401': {
            $ref: '#/components/responses/Unauthorized',
          },
        },
      },
    },
    '/recovery/violations': {
      get: {
        operationId: 'listRecoveryViolations',
        tags: ['recovery'],
        summary: 'Violations of recovery plans, as records',
        description:
          'Each breach the scheduled evaluation found on a component (an RPO breach, a failed backup, a stale drill, a failed drill, a drill over its RTO, a drill below the verification level its plan requires), from when it was first found to when the component recovered, with who acknowledged it, why and until when, and when its owners were notified and reminded. Open ones oldest first (what has waited longest); resolved ones newest first. Only violations of plans whose entities the caller may read.',
        parameters: [
          {
            name: 'state',
            in: 'query',
            schema: {
              type: 'string',
              enum: ['open', 'resolved', 'all'],
              default: 'open',
            },
          },
          {
            name: 'entityRef',
            in: 'query',
            description: 'Only the violations of plans covering this entity.',
            schema: {
              type: 'string',
              maxLength: 400,
            },
          },
          {
            name: 'limit',
            in: 'query',
            schema: {
              type: 'integer',
              minimum: 1,
              maximum: 500,
              default: 100,
            },
          },
        ],
        responses: {
          '200': {
            description: '`{ items, totalCount }`.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/RecoveryViolationList',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/BadRequest',
          },
          '401': {
            $ref: '#/components/responses/Unauthorized',
          },
          '500': {
            $ref: '#/components/responses/InternalError',
          },
        },
      },
    },
    '/recovery/violations/{id}/acknowledge': {
      post: {
        operationId: 'acknowledgeRecoveryViolation',
        tags: ['recovery'],
        summary: 'Acknowledge an open violation (who, why, until when)',
        description:
          "Records that someone knows of the violation and why it may stay open (a restore test is booked, the bucket is being migrated), and until when: its owners are not reminded until then. Needs the permission `reliability.recovery.violation.acknowledge` on the entity of the violated component (the demo policy allows it to the entity's owners); a user's action only. A resolved violation is a 409.",
        parameters: [
          {
            name: 'id',
            in: 'path',
            required: true,
            schema: {
              type: 'integer',
              minimum: 1,
            },
          },
        ],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['reason'],
                additionalProperties: false,
                properties: {
                  reason: {
                    type: 'string',
                    minLength: 1,
                    maxLength: 2000,
                  },
                  until: {
                    type: 'string',
                    format: 'date-time',
                    description: 'Reminders start again after this time.',
                  },
                },
              },
              example: {
                reason: 'Restore drill booked for Thursday; see TICKET-123',
                until: '2026-12-10T00:00:00Z',
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'The violation, acknowledged.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/RecoveryViolation',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/BadRequest',
          },
          '401': {
            $ref: '#/components/responses/Unauthorized',
          },
          '403': {
            $ref: '#/components/responses/Forbidden',
          },
          '404': {
            $ref: '#/components/responses/NotFound',
          },
          '409': {
            $ref: '#/components/responses/Conflict',
          },
          '500': {
            $ref: '#/components/responses/InternalError',
          },
        },
      },
    },
    '/recovery/evidence': {
      get: {
        operationId: 'exportRecoveryEvidence',
        tags: ['recovery'],
        summary: 'Recovery evidence of one entity for a period, for auditors',
        description:
          "What a team hands an ISO 27001 / SOC 2 auditor, as one tar archive: the targets of every plan covering the entity (RPO, RTO, backup jobs, drill cadence and required verification), the backups and restore drills reported in the period (measured restore times, verification levels), and the violations opened or resolved in it — each as JSON (`evidence.json`) and CSV (`targets.csv`, `backups.csv`, `drills.csv`, `violations.csv`) — with `manifest.json` and `SHA256SUMS` holding every file's SHA-256 (`sha256sum -c SHA256SUMS` verifies it). Needs the permission `reliability.recovery.evidence.export` on the entity (the demo policy allows it to the entity's owners).",
        parameters: [
          {
            name: 'entityRef',
            in: 'query',
            required: true,
            schema: {
              type: 'string',
              minLength: 1,
              maxLength: 400,
            },
          },
          {
            name: 'from',
            in: 'query',
            description:
              'The first day, YYYY-MM-DD (UTC); default 90 days ago.',
            schema: {
              type: 'string',
              pattern: '^\\d{4}-\\d{2}-\\d{2}$',
            },
          },
          {
            name: 'to',
            in: 'query',
            description:
              'The last day, YYYY-MM-DD (UTC), included; default today.',
            schema: {
              type: 'string',
              pattern: '^\\d{4}-\\d{2}-\\d{2}$',
            },
          },
        ],
        responses: {
          '200': {
            description:
              'A tar archive of the evidence files and their digests.',
            content: {
              'application/x-tar': {
                schema: {
                  type: 'string',
                  format: 'binary',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/BadRequest',
          },
          '401': {
            $ref: '#/components/responses/Unauthorized',
          },
          '403': {
            $ref: '#/components/responses/Forbidden',
          },
          '404': {
            $ref: '#/components/responses/NotFound',
          },
          '500': {
            $ref: '#/components/responses/InternalError',
          },
        },
      },
    },
    '/recovery-plans': {
      get: {
        operationId: 'listRecoveryPlans',
        tags: ['recovery'],
        summary: 'The recovery plans covering one entity',
        description:
          'The recovery plans (`kind: RecoveryPlan` documents, indexed from the same locations as runbooks) whose `spec.entityRefs` name the entity, or one of whose components is that entity. Each with its whole normalised document: components, backup jobs, objectives, scenarios, drills and degraded modes. A plan whose file now has errors is served from its last good copy, `stale`. An empty list is a 200.',
        parameters: [
          {
            $ref: '#/components/parameters/EntityRefQueryRequired',
          },
        ],
        responses: {
          '200': {
            description: '`{ items }`, ordered by namespace and name.',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['items'],
                  properties: {
                    items: {
                      type: 'array',
                      items: {
                        $ref: '#/components/schemas/RecoveryPlanDetails',
                      },
                    },
                  },
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/BadRequest',
          },
          '401': {
            $ref: '#/components/responses/Unauthorized',
          },
        },
      },
    },
    '/recovery-plans/{namespace}/{name}': {
      get: {
        operationId: 'getRecoveryPlan',
        tags: ['recovery'],
        summary: 'One recovery plan',
        parameters: [
          {
            name: 'namespace',
            in: 'path',
            required: true,
            schema: {
              $ref: '#/components/schemas/RunbookNamePart',
            },
            example: 'default',
          },
          {
            name: 'name',
            in: 'path',
            required: true,
            schema: {
              $ref: '#/components/schemas/RunbookNamePart',
            },
            example: 'insights-postgres',
          },
        ],
        responses: {
          '200': {
            description: 'The plan.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/RecoveryPlanDetails',
                },
              },
            },
          },
          '401': {
            $ref: '#/components/responses/Unauthorized',
          },
          '404': {
            $ref: '#/components/responses/NotFound',
          },
        },
      },
    },
    '/recovery-plans/{namespace}/{name}/history': {
      get: {
        operationId: 'getRecoveryPlanHistory',
        tags: ['recovery'],
        summary: "A plan's reported backups and drills, and its state changes",
        description:
          'Per component, newest first: the backup runs and restore drills reported (at most `reliability.backups.history.maxEventsPerComponent` of each, default 500) and the changes of its state the scheduled evaluation recorded (at most `maxTransitionsPerComponent`, default 100), with whether the owner was notified. What the trend chart draws.',
        parameters: [
          {
            name: 'namespace',
            in: 'path',
            required: true,
            schema: {
              $ref: '#/components/schemas/RunbookNamePart',
            },
            example: 'default',
          },
          {
            name: 'name',
            in: 'path',
            required: true,
            schema: {
              $ref: '#/components/schemas/RunbookNamePart',
            },
            example: 'insights-platform',
          },
        ],
        responses: {
          '200': {
            description:
              '`{ components: [{ component, events, transitions, violations }] }`.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/RecoveryPlanHistory',
                },
              },
            },
          },
          '401': {
            $ref: '#/components/responses/Unauthorized',
          },
          '404': {
            $ref: '#/components/responses/NotFound',
          },
        },
      },
    },
    '/runbooks': {
      get: {
        operationId: 'listRunbooks',
        tags: ['runbooks'],
        summary: 'List runbooks, all or those serving one entity',
        description:
          'Without parameters: every indexed runbook, as summaries. With `entityRef`: the runbooks whose `spec.entityRefs` name that entity (a runbook may serve several entities, e.g. a database and the API that depends on it). With `view=full`: runbooks with every section (`RunbookDetails`), which is what the search collator indexes, a page of at most 100 at a time (`limit`, `offset`, and `totalCount` in the answer); `entityRef` is then ignored. Items are ordered by namespace, then name. An empty list is a 200, not a 404.',
        parameters: [
          {
            name: 'entityRef',
            in: 'query',
            required: false,
            description:
              'Only the runbooks serving this catalog entity, `kind:[namespace/]name` (the namespace defaults to `default`; matching is case-insensitive). A value without a kind, or given more than once, is a 400. Ignored with `view=full`.',
            schema: {
              type: 'string',
              minLength: 1,
              maxLength: 400,
            },
            example: 'resource:default/insights-postgres',
            allowReserved: true,
          },
          {
            name: 'view',
            in: 'query',
            required: false,
            description:
              '`full` returns every runbook with its `document` (all sections) and ignores `entityRef`. Without it, summaries; any other value is a 400.',
            schema: {
              type: 'string',
              enum: ['full'],
            },
            allowReserved: true,
          },
          {
            name: 'limit',
            in: 'query',
            required: false,
            description:
              'With `view=full`: how many runbooks to answer with, 1–100 (default 100), each with every section. Ignored without it.',
            schema: {
              type: 'integer',
              minimum: 1,
              maximum: 100,
            },
          },
          {
            $ref: '#/components/parameters/PageOffset',
          },
        ],
        responses: {
          '200': {
            description:
              '`{ items }`: `RunbookSummary` objects; or with `view=full` `{ items, totalCount }`, a page of `RunbookDetails` objects and how many there are.',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['items'],
                  properties: {
                    totalCount: {
                      type: 'integer',
                      description:
                        'With `view=full`, how many runbooks there are.',
                    },
                    items: {
                      type: 'array',
                      items: {
                        anyOf: [
                          {
                            $ref: '#/components/schemas/RunbookSummary',
                          },
                          {
                            $ref: '#/components/schemas/RunbookDetails',
                          },
                        ],
                      },
                    },
                  },
                },
                examples: {
                  forEntity: {
                    summary:
                      'GET /runbooks?entityRef=resource:default/insights-postgres',
                    value: {
                      items: [
                        {
                          namespace: 'default',
                          name: 'postgres-disk-full',
                          title: 'PostgreSQL volume almost full',
                          severity: 'P2',
                          category: 'db',
                          owner: 'group:platform-team',
                          entityRefs: ['resource:default/insights-postgres'],
                          triggers: [
                            {
                              alertName: 'PostgresVolumeAlmostFull',
                              labels: {
                                namespace: 'insights',
                                persistentvolumeclaim:
                                  'data-insights-postgres-primary-0',
                              },
                            },
                            {
                              alertName: 'PostgresVolumeAlmostFull',
                              labels: {
                                namespace: 'insights',
                                persistentvolumeclaim:
                                  'data-insights-postgres-read-0',
                              },
                            },
                          ],
                          sourceUrl:
                            'https://github.com/acme/insights-platform/tree/main/runbooks/insights-postgres/postgres-disk-full.yaml',
                          sourceLine: 2,
                          revision: '3f9c2a7d1e4b8c6a5d0f2e9b7a1c4d8e6f3b2a10',
                          lastSyncedAt: '2026-11-03T09:20:11.402Z',
                          stale: false,
                          review: {
                            lastReviewed: '2025-12-02',
                            intervalDays: 90,
                          },
                        },
                        {
                          namespace: 'default',
                          name: 'postgres-down',
                          title: 'PostgreSQL primary is down',
                          severity: 'P1',
                          category: 'db',
                          owner: 'group:platform-team',
                          entityRefs: [
                            'resource:default/insights-postgres',
                            'component:default/insights-api',
                          ],
                          triggers: [
                            {
                              alertName: 'PostgresDown',
                              labels: {
                                namespace: 'insights',
                                service: 'insights-postgres-primary',
                              },
                            },
                            {
                              alertName: 'InsightsApiDatabaseUnreachable',
                              labels: {
                                namespace: 'insights',
                              },
                            },
                          ],
                          sourceUrl:
                            'https://github.com/acme/insights-platform/tree/main/runbooks/insights-postgres/postgres-down.yaml',
                          sourceLine: 16,
                          revision: '3f9c2a7d1e4b8c6a5d0f2e9b7a1c4d8e6f3b2a10',
                          lastSyncedAt: '2026-11-03T09:20:11.402Z',
                          stale: false,
                          review: {
                            lastReviewed: '2026-10-14',
                            intervalDays: 90,
                          },
                        },
                        {
                          namespace: 'default',
                          name: 'postgres-replication-broken',
                          title:
                            'PostgreSQL replica is disconnected or lagging',
                          severity: 'P2',
                          category: 'db',
                          owner: 'group:platform-team',
                          entityRefs: ['resource:default/insights-postgres'],
                          triggers: [
                            {
                              alertName: 'PostgresReplicationBroken',
                              labels: {
                                namespace: 'insights',
                              },
                            },
                            {
                              alertName: 'PostgresReplicationLagHigh',
                              labels: {
                                namespace: 'insights',
                              },
                            },
                          ],
                          sourceUrl:
                            'https://github.com/acme/insights-platform/tree/main/runbooks/insights-postgres/postgres-down.yaml',
                          sourceLine: 295,
                          revision: '3f9c2a7d1e4b8c6a5d0f2e9b7a1c4d8e6f3b2a10',
                          lastSyncedAt: '2026-11-03T09:20:11.402Z',
                          stale: false,
                          review: {
                            lastReviewed: '2026-10-14',
                            intervalDays: 180,
                          },
                        },
                      ],
                    },
                  },
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/BadRequest',
          },
          '401': {
            $ref: '#/components/responses/Unauthorized',
          },
          '500': {
            $ref: '#/components/responses/InternalError',
          },
        },
      },
    },
    '/incidents': {
      get: {
        operationId: 'listIncidents',
        tags: ['incidents'],
        summary: 'Incidents, open first',
        description:
          'Incidents, open first, then mitigated, then resolved; newest first within each (then by number). Filters combine; `limit` and `offset` page through them (at most 500 at a time), `totalCount` says how many match.',
        parameters: [
          {
            name: 'entityRef',
            in: 'query',
            required: false,
            description: 'Only incidents affecting this entity.',
            schema: {
              type: 'string',
              maxLength: 400,
            },
            allowReserved: true,
          },
          {
            name: 'status',
            in: 'query',
            required: false,
            schema: {
              type: 'string',
              enum: ['open', 'mitigated', 'resolved'],
            },
            allowReserved: true,
          },
          {
            name: 'severity',
            in: 'query',
            required: false,
            schema: {
              type: 'string',
              maxLength: 64,
            },
            allowReserved: true,
          },
          {
            name: 'alertName',
            in: 'query',
            required: false,
            description: 'Only incidents holding an alert of this name.',
            schema: {
              type: 'string',
              maxLength: 200,
            },
            allowReserved: true,
          },
          {
            name: 'owner',
            in: 'query',
            required: false,
            description:
              'Only incidents affecting an entity this user or group owns.',
            schema: {
              type: 'string',
              maxLength: 400,
            },
            allowReserved: true,
          },
          {
            name: 'from',
            in: 'query',
            required: false,
            description: 'Started at or after (ISO 8601).',
            schema: {
              type: 'string',
              maxLength: 64,
            },
            allowReserved: true,
          },
          {
            name: 'to',
            in: 'query',
            required: false,
            description: 'Started at or before (ISO 8601).',
            schema: {
              type: 'string',
              maxLength: 64,
            },
            allowReserved: true,
          },
          {
            $ref: '#/components/parameters/PageLimit',
          },
          {
            $ref: '#/components/parameters/PageOffset',
          },
        ],
        responses: {
          '200': {
            description:
              '`{ items, totalCount }`: a page of the matching incidents, and how many match.',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['items', 'totalCount'],
                  properties: {
                    items: {
                      type: 'array',
                      items: {
                        $ref: '#/components/schemas/IncidentSummary',
                      },
                    },
                    totalCount: {
                      type: 'integer',
                      minimum: 0,
                      description:
                        'How many incidents match the filters, on every page.',
                    },
                  },
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/BadRequest',
          },
          '401': {
            $ref: '#/components/responses/Unauthorized',
          },
        },
      },
      post: {
        operationId: 'declareIncident',
        tags: ['incidents'],
        summary: 'Declare an incident',
        description:
          'A person declares an incident: title and severity (a configured level), optionally the affected entities, the commander (default: the person declaring), runbooks to attach (indexed ones), links, and when it started. Permission `reliability.incident.create`.',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/IncidentDeclaration',
              },
            },
          },
        },
        responses: {
          '201': {
            description: 'The incident, INC-n.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Incident',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/BadRequest',
          },
          '401': {
            $ref: '#/components/responses/Unauthorized',
          },
          '403': {
            $ref: '#/components/responses/Forbidden',
          },
        },
      },
    },
    '/incidents/import': {
      post: {
        operationId: 'importIncident',
        tags: ['incidents'],
        summary: 'Import an incident with its history from another tool',
        description:
          "For moving incidents over from another tool (and for the demo's history): the record with its times, roles, status updates, timeline entries, alerts and, optionally, the postmortem it led to (created and linked both ways). Imported once per `externalId`: again is a 200 with the incident as it is. Permission `reliability.incident.import`; a service token or a user.",
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/IncidentImport',
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'Imported before; unchanged.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Incident',
                },
              },
            },
          },
          '201': {
            description: 'Imported.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Incident',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/BadRequest',
          },
          '401': {
            $ref: '#/components/responses/Unauthorized',
          },
          '403': {
            $ref: '#/components/responses/Forbidden',
          },
        },
      },
    },
    '/incidents/roles': {
      get: {
        operationId: 'listIncidentRoles',
        tags: ['incidents'],
        summary: 'The configured incident roles',
        responses: {
          '200': {
            description:
              '`{ items }`: id, title, lead (exactly one), description.',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['items'],
                  properties: {
                    items: {
                      type: 'array',
                      items: {
                        $ref: '#/components/schemas/IncidentRole',
                      },
                    },
                  },
                },
              },
            },
          },
          '401': {
            $ref: '#/components/responses/Unauthorized',
          },
        },
      },
    },
    '/incidents/context': {
      get: {
        operationId: 'getIncidentContext',
        tags: ['incidents'],
        summary: 'What a commander needs beside an incident',
        description:
          "For the declare dialog and the incident page: the affected entities and, by a bounded walk of the catalog graph (`dependencyOf`, `partOf`; 2 steps, 30 entities), those depending on them or holding them, each with its owner, its runbooks and its state of recovery; and the newest past incidents naming the same entities or alerts, with their postmortems' open action items. The catalog is read with the caller's credentials: what they may not see is left out, and not walked through.",
        parameters: [
          {
            name: 'entityRefs',
            in: 'query',
            required: false,
            description: 'The affected entities, comma-separated full refs.',
            schema: {
              type: 'string',
              maxLength: 4000,
            },
            allowReserved: true,
          },
          {
            name: 'alertNames',
            in: 'query',
            required: false,
            description: "The incident's alert names, comma-separated.",
            schema: {
              type: 'string',
              maxLength: 4000,
            },
          },
          {
            name: 'exclude',
            in: 'query',
            required: false,
            description:
              'The incident itself (its id or INC-42), left out of the past.',
            schema: {
              type: 'string',
              maxLength: 40,
            },
          },
        ],
        responses: {
          '200': {
            description: '`{ entities, truncated, pastIncidents }`.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/IncidentContext',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/BadRequest',
          },
          '401': {
            $ref: '#/components/responses/Unauthorized',
          },
        },
      },
    },
    '/incidents/metrics': {
      get: {
        operationId: 'getIncidentMetrics',
        tags: ['incidents'],
        summary: 'MTTA, MTTR, MTBF, availability and incidents per week',
        description:
          'Of the incidents started in the window (default: the last 90 days): mean time to acknowledge, mean time to recover (started → mitigated, or resolved), mean time between failures, availability MTBF / (MTBF + MTTR), and incidents per week by severity.',
        parameters: [
          {
            name: 'entityRef',
            in: 'query',
            required: false,
            schema: {
              type: 'string',
              maxLength: 400,
            },
            allowReserved: true,
          },
          {
            name: 'from',
            in: 'query',
            required: false,
            schema: {
              type: 'string',
              maxLength: 64,
            },
          },
          {
            name: 'to',
            in: 'query',
            required: false,
            schema: {
              type: 'string',
              maxLength: 64,
            },
          },
        ],
        responses: {
          '200': {
            description: 'The figures.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/IncidentMetrics',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/BadRequest',
          },
          '401': {
            $ref: '#/components/responses/Unauthorized',
          },
        },
      },
    },
    '/incidents/postmortems-due': {
      get: {
        operationId: 'listPostmortemsDue',
        tags: ['incidents'],
        summary: 'Resolved incidents that need a postmortem and have none',
        description:
          'Resolved incidents of levels whose config says `postmortemRequired`, without a postmortem, oldest first, each with `postmortemDueAt` (resolved + `reliability.incidents.postmortemDueDays`, default 5) and `overdue`.',
        responses: {
          '200': {
            description: '`{ items }`.',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['items'],
                  properties: {
                    items: {
                      type: 'array',
                      items: {
                        $ref: '#/components/schemas/PostmortemDue',
                      },
                    },
                  },
                },
              },
            },
          },
          '401': {
            $ref: '#/components/responses/Unauthorized',
          },
        },
      },
    },
    '/incidents/classification': {
      get: {
        operationId: 'classifyIncident',
        tags: ['incidents'],
        summary: 'The severity helper, and what makes each level on a service',
        description:
          "From the answers (who is affected, what happens to data, whether there is a workaround, which component of the service's recovery plan is down): the suggested severity with the reasons, from the rules in `reliability.incidents.classification` and the service's degraded-mode table. Always: `guide`, each level with the rules and the service's own degraded modes that lead to it, and `components`, the plan's components a degraded mode names.",
        parameters: [
          {
            name: 'entityRef',
            in: 'query',
            required: false,
            schema: {
              type: 'string',
              maxLength: 400,
            },
            allowReserved: true,
          },
          {
            name: 'usersAffected',
            in: 'query',
            required: false,
            schema: {
              type: 'string',
              enum: ['all', 'many', 'some', 'few', 'none'],
            },
          },
          {
            name: 'data',
            in: 'query',
            required: false,
            schema: {
              type: 'string',
              enum: ['lost', 'at-risk', 'none'],
            },
          },
          {
            name: 'workaround',
            in: 'query',
            required: false,
            schema: {
              type: 'string',
              enum: ['true', 'false'],
            },
          },
          {
            name: 'componentDown',
            in: 'query',
            required: false,
            schema: {
              type: 'string',
              maxLength: 63,
            },
          },
        ],
        responses: {
          '200': {
            description:
              '`{ suggestion: { severity, reasons }, components, guide }`.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/IncidentClassification',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/BadRequest',
          },
          '401': {
            $ref: '#/components/responses/Unauthorized',
          },
        },
      },
    },
    '/incidents/{id}': {
      get: {
        operationId: 'getIncident',
        tags: ['incidents'],
        summary: 'One incident with everything it holds',
        description:
          'The answer carries an `ETag` that changes with every change of the incident; sent back as `If-None-Match`, an incident that has not changed since is a 304 without a body, read from a small mark instead of the whole record. The incident page asks this way every few seconds.',
        parameters: [
          {
            $ref: '#/components/parameters/IncidentIdPath',
          },
          {
            name: 'If-None-Match',
            in: 'header',
            required: false,
            description: 'The `ETag` of the copy the caller holds.',
            schema: {
              type: 'string',
              maxLength: 200,
            },
          },
        ],
        responses: {
          '200': {
            description:
              'The incident with its alerts, runbooks, roles (with hand-overs), checklist, status updates and timeline.',
            headers: {
              ETag: {
                description: 'Changes with every change of the incident.',
                schema: {
                  type: 'string',
                },
              },
            },
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Incident',
                },
              },
            },
          },
          '304': {
            description:
              'Not changed since the `ETag` given in `If-None-Match`.',
          },
          '400': {
            $ref: '#/components/responses/BadRequest',
          },
          '401': {
            $ref: '#/components/responses/Unauthorized',
          },
          '404': {
            $ref: '#/components/responses/NotFound',
          },
        },
      },
      patch: {
        operationId: 'updateIncident',
        tags: ['incidents'],
        summary: "Change an incident's fields",
        description:
          'Title, summary, status (open, mitigated, resolved; reopening allowed), severity (with `reason`), affected entities, links, runbooks to attach — each change an event on the timeline with who and when. `version` is the version the change is based on; another is a 409 and nothing changes. Permission `reliability.incident.update` on the incident.',
        parameters: [
          {
            $ref: '#/components/parameters/IncidentIdPath',
          },
        ],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/IncidentUpdate',
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'The incident as changed.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Incident',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/BadRequest',
          },
          '401': {
            $ref: '#/components/responses/Unauthorized',
          },
          '403': {
            $ref: '#/components/responses/Forbidden',
          },
          '404': {
            $ref: '#/components/responses/NotFound',
          },
          '409': {
            $ref: '#/components/responses/Conflict',
          },
        },
      },
    },
    '/incidents/{id}/roles': {
      post: {
        operationId: 'assignIncidentRole',
        tags: ['incidents'],
        summary: 'Hand a role to someone',
        description:
          "The role's previous holder hands over (the record keeps who held it from when to when); the lead role is the commander. Permission `reliability.incident.update`.",
        parameters: [
          {
            $ref: '#/components/parameters/IncidentIdPath',
          },
        ],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/IncidentRoleAssignmentInput',
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'The incident.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Incident',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/BadRequest',
          },
          '401': {
            $ref: '#/components/responses/Unauthorized',
          },
          '403': {
            $ref: '#/components/responses/Forbidden',
          },
          '404': {
            $ref: '#/components/responses/NotFound',
          },
        },
      },
    },
    '/incidents/{id}/notes': {
      post: {
        operationId: 'addIncidentNote',
        tags: ['incidents'],
        summary: 'Add a note to the timeline',
        description:
          'Permission `reliability.incident.contribute`. Notes from several people at once are all kept, up to `reliability.incidents.maxNotes` per incident (default 1000); past it, a 409.',
        parameters: [
          {
            $ref: '#/components/parameters/IncidentIdPath',
          },
        ],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/IncidentNoteInput',
              },
            },
          },
        },
        responses: {
          '201': {
            description: 'The incident.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Incident',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/BadRequest',
          },
          '401': {
            $ref: '#/components/responses/Unauthorized',
          },
          '403': {
            $ref: '#/components/responses/Forbidden',
          },
          '404': {
            $ref: '#/components/responses/NotFound',
          },
          '409': {
            $ref: '#/components/responses/Conflict',
          },
        },
      },
    },
    '/incidents/{id}/status-updates': {
      post: {
        operationId: 'addIncidentStatusUpdate',
        tags: ['incidents'],
        summary: 'Post a status update',
        description:
          "Conditions, actions, needs. The next one is due after the severity's `statusUpdateMinutes`; the commander is reminded through Backstage notifications when it is. Permission `reliability.incident.contribute`.",
        parameters: [
          {
            $ref: '#/components/parameters/IncidentIdPath',
          },
        ],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/IncidentStatusUpdateInput',
              },
            },
          },
        },
        responses: {
          '201': {
            description: 'The incident.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Incident',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/BadRequest',
          },
          '401': {
            $ref: '#/components/responses/Unauthorized',
          },
          '403': {
            $ref: '#/components/responses/Forbidden',
          },
          '404': {
            $ref: '#/components/responses/NotFound',
          },
        },
      },
    },
    '/incidents/{id}/checklist': {
      put: {
        operationId: 'tickIncidentStep',
        tags: ['incidents'],
        summary: 'Tick or untick a step of an attached runbook',
        description:
          'Stored on the incident, shown to everyone, and an event on the timeline. Ticks of different steps by several people at once are all kept. Permission `reliability.incident.contribute`.',
        parameters: [
          {
            $ref: '#/components/parameters/IncidentIdPath',
          },
        ],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/IncidentTickInput',
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'The incident.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Incident',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/BadRequest',
          },
          '401': {
            $ref: '#/components/responses/Unauthorized',
          },
          '403': {
            $ref: '#/components/responses/Forbidden',
          },
          '404': {
            $ref: '#/components/responses/NotFound',
          },
        },
      },
    },
    '/incidents/{id}/timeline/{eventId}/pin': {
      put: {
        operationId: 'pinIncidentEvent',
        tags: ['incidents'],
        summary: 'Pin or unpin a timeline event',
        description:
          "Pinned events are what the postmortem's timeline starts from. Permission `reliability.incident.contribute`.",
        parameters: [
          {
            $ref: '#/components/parameters/IncidentIdPath',
          },
          {
            name: 'eventId',
            in: 'path',
            required: true,
            schema: {
              type: 'string',
              pattern: '^[0-9]{1,12}$',
            },
          },
        ],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/IncidentPinInput',
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'The incident.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Incident',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/BadRequest',
          },
          '401': {
            $ref: '#/components/responses/Unauthorized',
          },
          '403': {
            $ref: '#/components/responses/Forbidden',
          },
          '404': {
            $ref: '#/components/responses/NotFound',
          },
        },
      },
    },
    '/incidents/{id}/postmortem': {
      post: {
        operationId: 'startIncidentPostmortem',
        tags: ['incidents'],
        summary: "Start the incident's postmortem",
        description:
          "A draft postmortem pre-filled from the incident — milestones, pinned timeline events (all events when none is pinned), alerts, runbooks used, entities, severity, the commander as author — linked both ways (the postmortem's `incidentId`, the incident's `postmortemId`). When it has one already, that one. Permission `reliability.incident.update`.",
        parameters: [
          {
            $ref: '#/components/parameters/IncidentIdPath',
          },
        ],
        responses: {
          '200': {
            description: 'The postmortem it already had.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/IncidentPostmortemStart',
                },
              },
            },
          },
          '201': {
            description: 'Created.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/IncidentPostmortemStart',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/BadRequest',
          },
          '401': {
            $ref: '#/components/responses/Unauthorized',
          },
          '403': {
            $ref: '#/components/responses/Forbidden',
          },
          '404': {
            $ref: '#/components/responses/NotFound',
          },
        },
      },
    },
    '/webhooks/alertmanager': {
      post: {
        operationId: 'receiveAlertmanagerWebhook',
        tags: ['incidents'],
        summary:
          "Alertmanager's webhook: alerts open, join, mitigate incidents",
        description:
          "Alertmanager's webhook payload (version 4) as it sends it; fields it does not know are accepted. Each alert is keyed by its fingerprint: a firing alert joins the open incident holding it, else the open incident of its group (`groupKey`), else opens one — with the runbooks whose triggers match it attached, their entities affected and the most severe of their severities (else the `severity` label's mapping, else the service's degraded-mode table, else the default); a repeat changes nothing; a resolved alert is marked resolved, and an incident whose alerts are all resolved becomes mitigated. The same notification delivered twice, or to two backend instances at once, opens one incident. Meant for a Backstage external-access static token restricted to this plugin; permission `reliability.incident.alert`. Bodies over 1 MB are a 413.",
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/AlertmanagerWebhook',
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'What the notification did.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/AlertIntakeResult',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/BadRequest',
          },
          '401': {
            $ref: '#/components/responses/Unauthorized',
          },
          '403': {
            $ref: '#/components/responses/Forbidden',
          },
        },
      },
    },
    '/runbooks/index-status': {
      get: {
        operationId: 'getRunbookIndexStatus',
        tags: ['runbooks'],
        summary: "Index state of one entity's runbooks",
        description:
          "How the reads of the runbook location an entity's `reliability.io/runbooks` annotation points to went (last attempt, last success, revision, the error of the last failed read) and every problem recorded in its files (YAML or schema errors, unknown severities, duplicate names, unknown fields, …) with file, line and column. Lets a runbook owner see why a runbook is missing or stale. Only the entity's own location is covered: central locations from configuration are not. An entity that was never indexed gives empty lists.",
        parameters: [
          {
            $ref: '#/components/parameters/EntityRefQueryRequired',
          },
        ],
        responses: {
          '200': {
            description: "The entity's locations and problems.",
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/RunbookIndexStatus',
                },
                example: {
                  locations: [
                    {
                      id: 'entity:resource:default/insights-postgres',
                      source: 'entity',
                      target:
                        'https://github.com/acme/insights-platform/tree/main/runbooks/insights-postgres',
                      entityRef: 'resource:default/insights-postgres',
                      lastAttemptAt: '2026-11-03T09:20:11.402Z',
                      lastSuccessAt: '2026-11-03T09:20:11.402Z',
                    },
                  ],
                  problems: [],
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/BadRequest',
          },
          '401': {
            $ref: '#/components/responses/Unauthorized',
          },
          '500': {
            $ref: '#/components/responses/InternalError',
          },
        },
      },
    },
    '/runbooks/export': {
      get: {
        operationId: 'exportRunbooks',
        tags: ['runbooks'],
        summary: 'Break-glass export of runbooks as one HTML file',
        description:
          'The runbooks serving one entity (`entityRef`), or every runbook of one severity (`severity`), as one self-contained HTML file to store off-platform: no script and no external resource (the file carries a Content-Security-Policy that forbids both), printable, readable offline. All runbook text is escaped: Markdown is shown as written. Give exactly one of the two parameters.',
        parameters: [
          {
            name: 'entityRef',
            in: 'query',
            required: false,
            schema: {
              type: 'string',
            },
            description: 'An entity ref, `kind:namespace/name`.',
            allowReserved: true,
          },
          {
            name: 'severity',
            in: 'query',
            required: false,
            schema: {
              type: 'string',
            },
            description: 'A configured severity id, e.g. `P1`.',
            allowReserved: true,
          },
        ],
        responses: {
          '200': {
            description: 'The HTML file, as an attachment.',
            headers: {
              'Content-Disposition': {
                schema: {
                  type: 'string',
                },
                description:
                  'attachment; filename="runbooks-<entity or severity>-<date>.html"',
              },
            },
            content: {
              'text/html': {
                schema: {
                  type: 'string',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/BadRequest',
          },
          '401': {
            $ref: '#/components/responses/Unauthorized',
          },
        },
      },
    },
    '/runbooks/by-alert/{alertName}': {
      get: {
        operationId: 'findRunbooksByAlert',
        tags: ['runbooks'],
        summary: 'Find the runbooks for a firing alert',
        description:
          "The runbooks whose `spec.triggers` name this alert: what an alert's\n`runbook_url` leads to. Put the alert name (Prometheus `alertname`) in\nthe path and the alert's labels as query parameters, e.g.\n`/runbooks/by-alert/PostgresDown?namespace=insights&service=insights-postgres-primary`;\nan Alertmanager webhook receiver, an incident bot or an incident\ncommander's tooling calls it with a service or user token and gets the\nrunbooks to open, with their severity and owner.\n\n**Every query parameter is an alert label**; there are no other\nparameters. A trigger matches unless it names a label that is given\nhere with a different value: labels the trigger does not name are\nignored, and labels it names but that are not given do not exclude it.\nSo `?namespace=staging` excludes a runbook whose trigger requires\n`namespace: insights`, while no query at all returns every runbook for\nthe alert name. A label given more than once (or in `a[b]=c` form) is\nignored. Items are ordered by namespace, then name; no match is an empty\nlist (200), not a 404.\n",
        parameters: [
          {
            name: 'alertName',
            in: 'path',
            required: true,
            description:
              "The alert's name, as Prometheus' `alertname` label has it.",
            schema: {
              type: 'string',
              pattern: '^[A-Za-z_:][A-Za-z0-9_:.-]{0,199}$',
              maxLength: 200,
            },
            example: 'PostgresDown',
          },
          {
            name: 'labels',
            in: 'query',
            required: false,
            description:
              "The alert's labels, each as its own query parameter (`?namespace=insights&service=insights-postgres-primary`).",
            style: 'form',
            explode: true,
            schema: {
              type: 'object',
              additionalProperties: {
                type: 'string',
              },
            },
            example: {
              namespace: 'insights',
            },
            allowReserved: true,
          },
        ],
        responses: {
          '200': {
            description: '`{ items }`: the matching runbooks, as summaries.',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['items'],
                  properties: {
                    items: {
                      type: 'array',
                      items: {
                        $ref: '#/components/schemas/RunbookSummary',
                      },
                    },
                  },
                },
                examples: {
                  postgresDown: {
                    summary:
                      'GET /runbooks/by-alert/PostgresDown?namespace=insights',
                    value: {
                      items: [
                        {
                          namespace: 'default',
                          name: 'postgres-down',
                          title: 'PostgreSQL primary is down',
                          severity: 'P1',
                          category: 'db',
                          owner: 'group:platform-team',
                          entityRefs: [
                            'resource:default/insights-postgres',
                            'component:default/insights-api',
                          ],
                          triggers: [
                            {
                              alertName: 'PostgresDown',
                              labels: {
                                namespace: 'insights',
                                service: 'insights-postgres-primary',
                              },
                            },
                            {
                              alertName: 'InsightsApiDatabaseUnreachable',
                              labels: {
                                namespace: 'insights',
                              },
                            },
                          ],
                          sourceUrl:
                            'https://github.com/acme/insights-platform/tree/main/runbooks/insights-postgres/postgres-down.yaml',
                          sourceLine: 16,
                          revision: '3f9c2a7d1e4b8c6a5d0f2e9b7a1c4d8e6f3b2a10',
                          lastSyncedAt: '2026-11-03T09:20:11.402Z',
                          stale: false,
                          review: {
                            lastReviewed: '2026-10-14',
                            intervalDays: 90,
                          },
                        },
                      ],
                    },
                  },
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/BadRequest',
          },
          '401': {
            $ref: '#/components/responses/Unauthorized',
          },
          '500': {
            $ref: '#/components/responses/InternalError',
          },
        },
      },
    },
    '/incidents/{id}/alerts/{fingerprint}/verdict': {
      put: {
        operationId: 'judgeIncidentAlert',
        tags: ['incidents'],
        summary: 'Say what one alert of the incident was',
        description:
          '`actionable`, `noise` (it paged for nothing) or `duplicate` (of another alert of the incident); a body without one clears it. On the timeline, and counted per alert rule (`GET /incidents/alert-figures`). Needs the permission `reliability.incident.contribute`.',
        parameters: [
          {
            $ref: '#/components/parameters/IncidentIdPath',
          },
          {
            name: 'fingerprint',
            in: 'path',
            required: true,
            description: "The alert's fingerprint, as Alertmanager gives it.",
            schema: {
              type: 'string',
              pattern: '^[0-9a-f]{1,64}$',
            },
            example: 'd30a5ee11f1d8c2e',
          },
        ],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/IncidentAlertVerdictInput',
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'The incident.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Incident',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/BadRequest',
          },
          '401': {
            $ref: '#/components/responses/Unauthorized',
          },
          '403': {
            $ref: '#/components/responses/Forbidden',
          },
          '404': {
            $ref: '#/components/responses/NotFound',
          },
        },
      },
    },
    '/incidents/alert-figures': {
      get: {
        operationId: 'getIncidentAlertFigures',
        tags: ['incidents'],
        summary: "Each alert rule's figures from the incidents",
        description:
          "For each alert name the incidents (of one entity, or all) held: how often it fired into an incident, how often responders called it actionable, noise or a duplicate, and the median minutes from it firing to its incident's acknowledgement. Most fired first.",
        parameters: [
          {
            name: 'entityRef',
            in: 'query',
            required: false,
            description: 'Only the incidents naming this entity.',
            schema: {
              type: 'string',
              minLength: 1,
              maxLength: 400,
            },
            allowReserved: true,
          },
        ],
        responses: {
          '200': {
            description: '`{ items }`.',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['items'],
                  properties: {
                    items: {
                      type: 'array',
                      items: {
                        $ref: '#/components/schemas/AlertRuleFigures',
                      },
                    },
                  },
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/BadRequest',
          },
          '401': {
            $ref: '#/components/responses/Unauthorized',
          },
        },
      },
    },
    '/runbooks/{namespace}/{name}/statistics': {
      get: {
        operationId: 'getRunbookStatistics',
        tags: ['runbooks', 'incidents'],
        summary: 'What the incidents that used a runbook say of it',
        description:
          "From every incident the runbook was attached to: each step's outcomes (done, skipped, failed, did not help) with its last five, linked to their incidents, and the median time from the incident's start to it; incidents mitigated with the runbook attached and, of its entities, without it; and the steps that keep going wrong (\"failed in 3 of the last 5 incidents\"), which the runbook's owner is told of once. A runbook naming an entity the caller may not read is a 404.",
        parameters: [
          {
            name: 'namespace',
            in: 'path',
            required: true,
            description: "The runbook's namespace.",
            schema: {
              $ref: '#/components/schemas/RunbookNamePart',
            },
            example: 'default',
          },
          {
            name: 'name',
            in: 'path',
            required: true,
            description: "The runbook's name.",
            schema: {
              $ref: '#/components/schemas/RunbookNamePart',
            },
            example: 'postgres-down',
          },
        ],
        responses: {
          '200': {
            description: "The runbook's statistics.",
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/RunbookStatistics',
                },
              },
            },
          },
          '401': {
            $ref: '#/components/responses/Unauthorized',
          },
          '404': {
            $ref: '#/components/responses/NotFound',
          },
        },
      },
    },
    '/runbooks/skills': {
      get: {
        operationId: 'exportRunbookSkills',
        tags: ['runbooks'],
        summary: "An entity's runbooks as agent skills",
        description:
          'Every runbook serving one entity as an agent skill, each a `SKILL.md` (front matter with `name` and `description`, then the procedure in Markdown) under `<name>/`, as agent runtimes load skill folders. Runbooks naming an entity the caller may not read are left out.',
        parameters: [
          {
            $ref: '#/components/parameters/EntityRefQueryRequired',
          },
        ],
        responses: {
          '200': {
            description:
              '`{ items }`: each skill with its folder path and text.',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['items'],
                  properties: {
                    items: {
                      type: 'array',
                      items: {
                        type: 'object',
                        required: ['name', 'path', 'content'],
                        properties: {
                          name: {
                            type: 'string',
                          },
                          path: {
                            type: 'string',
                          },
                          content: {
                            type: 'string',
                          },
                        },
                      },
                    },
                  },
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/BadRequest',
          },
          '401': {
            $ref: '#/components/responses/Unauthorized',
          },
        },
      },
    },
    '/runbooks/{namespace}/{name}/skill': {
      get: {
        operationId: 'getRunbookSkill',
        tags: ['runbooks'],
        summary: 'A runbook as an agent skill (SKILL.md)',
        description:
          'The runbook in the `SKILL.md` format agent runtimes read: YAML front matter with `name` (lowercase letters, digits and hyphens) and `description` (what it is for and when to use it: its alerts and symptoms, at most 1,024 characters), then the procedure — sections, steps with their commands in code blocks and their addresses for ticking them in an incident, escalation, links.',
        parameters: [
          {
            name: 'namespace',
            in: 'path',
            required: true,
            schema: {
              type: 'string',
            },
          },
          {
            name: 'name',
            in: 'path',
            required: true,
            schema: {
              type: 'string',
            },
          },
        ],
        responses: {
          '200': {
            description: 'The skill.',
            content: {
              'text/markdown': {
                schema: {
                  type: 'string',
                },
              },
            },
          },
          '401': {
            $ref: '#/components/responses/Unauthorized',
          },
          '404': {
            $ref: '#/components/responses/NotFound',
          },
        },
      },
    },
    '/runbooks/{namespace}/{name}': {
      get: {
        operationId: 'getRunbook',
        tags: ['runbooks'],
        summary: 'One runbook with every section',
        description:
          'One runbook by its namespace and name (`metadata.namespace`, which defaults to `default`, and `metadata.name`): its summary plus the whole normalised document, with symptoms, preconditions, diagnosis, immediate actions, recovery, rollback, escalation and links. What an incident commander opens and follows. (A runbook in a namespace called `by-alert` cannot be read here: that path is the alert lookup.)',
        parameters: [
          {
            name: 'namespace',
            in: 'path',
            required: true,
            description: "The runbook's namespace.",
            schema: {
              $ref: '#/components/schemas/RunbookNamePart',
            },
            example: 'default',
          },
          {
            name: 'name',
            in: 'path',
            required: true,
            description: "The runbook's name.",
            schema: {
              $ref: '#/components/schemas/RunbookNamePart',
            },
            example: 'postgres-down',
          },
        ],
        responses: {
          '200': {
            description: 'The runbook.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/RunbookDetails',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/BadRequest',
          },
          '401': {
            $ref: '#/components/responses/Unauthorized',
          },
          '404': {
            $ref: '#/components/responses/NotFound',
          },
          '500': {
            $ref: '#/components/responses/InternalError',
          },
        },
      },
    },
    '/runbooks/refresh': {
      post: {
        operationId: 'refreshEntityRunbooks',
        tags: ['runbooks'],
        summary: "Re-index one entity's runbooks now",
        description:
          "Reads the runbook location of the entity's `reliability.io/runbooks` annotation now instead of waiting for the schedule, stores the result, and answers with the entity's index state, as `GET /runbooks/index-status` would. For a runbook owner who just pushed a fix. Needs the permission `reliability.runbook.refresh` (a resource permission on the catalog entity; the demo policy allows it to the entity's owners), else 403. The entity is looked up with the plugin's own credentials; an entity missing from the catalog, or without the annotation, is a 404. A read that fails (Git unreachable, bad URL) is not an HTTP error: the answer is 200 with the location's `lastError` set, and the runbooks read before stay served. Like the scheduled pass, it reads only the files that changed since the last read (their Git blob ids or digests differ) unless `full` is true.",
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['entityRef'],
                properties: {
                  entityRef: {
                    type: 'string',
                    minLength: 1,
                    maxLength: 400,
                    description:
                      'The entity, `kind:[namespace/]name` (the namespace defaults to `default`; case-insensitive).',
                  },
                  full: {
                    type: 'boolean',
                    description:
                      'Read and check every file again, not only those that changed (the portal\'s "Re-index now" asks for this).',
                  },
                },
                example: {
                  entityRef: 'resource:default/insights-postgres',
                  full: true,
                },
              },
            },
          },
        },
        responses: {
          '200': {
            description:
              "The entity's index state after the read: its location (with `lastError` when the read failed) and the problems found.",
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/RunbookIndexStatus',
                },
                examples: {
                  indexed: {
                    summary: 'The read worked; one file has a warning',
                    value: {
                      locations: [
                        {
                          id: 'entity:resource:default/insights-postgres',
                          source: 'entity',
                          target:
                            'https://github.com/acme/insights-platform/tree/main/runbooks/insights-postgres',
                          entityRef: 'resource:default/insights-postgres',
                          lastAttemptAt: '2026-11-03T09:41:57.031Z',
                          lastSuccessAt: '2026-11-03T09:41:57.031Z',
                        },
                      ],
                      problems: [
                        {
                          severity: 'warning',
                          file: 'https://github.com/acme/insights-platform/tree/main/runbooks/insights-postgres/postgres-disk-full.yaml',
                          line: 18,
                          column: 3,
                          message: 'unknown field spec.colour, ignored',
                          runbook: 'postgres-disk-full',
                        },
                      ],
                    },
                  },
                  readFailed: {
                    summary:
                      'The read failed; the runbooks read before stay served',
                    value: {
                      locations: [
                        {
                          id: 'entity:resource:default/insights-postgres',
                          source: 'entity',
                          target:
                            'https://github.com/acme/insights-platform/tree/main/runbooks/insights-postgres',
                          entityRef: 'resource:default/insights-postgres',
                          lastAttemptAt: '2026-11-03T09:41:57.031Z',
                          lastSuccessAt: '2026-11-03T09:20:11.402Z',
                          lastError:
                            'Request failed for https://api.github.com/repos/acme/insights-platform/tarball/main, 503 Service Unavailable',
                        },
                      ],
                      problems: [],
                    },
                  },
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/BadRequest',
          },
          '401': {
            $ref: '#/components/responses/Unauthorized',
          },
          '403': {
            $ref: '#/components/responses/Forbidden',
          },
          '404': {
            $ref: '#/components/responses/NotFound',
          },
          '500': {
            $ref: '#/components/responses/InternalError',
          },
        },
      },
    },
    '/postmortems': {
      get: {
        operationId: 'listPostmortems',
        tags: ['postmortems'],
        summary:
          'List postmortems, all or narrowed by entity, status, severity, owner or time',
        description:
          'Postmortems in full (`Postmortem`), newest incident first: ordered by `milestones.started` descending (postmortems without a start time last), then by `createdAt` descending, then by id; `limit` and `offset` page through them (at most 500 at a time), `totalCount` says how many match. The query parameters narrow the list and combine with AND; a parameter that is empty, given more than once, or not listed here is a 400. An empty list is a 200, not a 404. Any user or service token may read postmortems: there is no read permission.',
        parameters: [
          {
            name: 'entityRef',
            in: 'query',
            required: false,
            description:
              'Only the postmortems whose `entityRefs` name this catalog entity, `kind:[namespace/]name` (the namespace defaults to `default`; case-insensitive). A value without a kind is a 400.',
            schema: {
              type: 'string',
              maxLength: 400,
            },
            example: 'component:default/insights-api',
            allowReserved: true,
          },
          {
            name: 'status',
            in: 'query',
            required: false,
            description:
              'Only postmortems in this status. Any other value is a 400.',
            schema: {
              type: 'string',
              enum: ['draft', 'in-review', 'published'],
            },
            allowReserved: true,
          },
          {
            name: 'severity',
            in: 'query',
            required: false,
            description:
              'Only postmortems of this severity id (exact match; an unknown id simply matches nothing).',
            schema: {
              type: 'string',
              maxLength: 64,
            },
            example: 'P1',
            allowReserved: true,
          },
          {
            name: 'owner',
            in: 'query',
            required: false,
            description:
              'Only postmortems whose `owner` is this user or group, `kind:[namespace/]name` (case-insensitive). A value without a kind is a 400.',
            schema: {
              type: 'string',
              maxLength: 400,
            },
            example: 'group:default/platform-team',
            allowReserved: true,
          },
          {
            name: 'from',
            in: 'query',
            required: false,
            description:
              'Only postmortems whose `milestones.started` is at or after this time. Any date or time `Date.parse` reads (`2026-11-01`, `2026-11-01T00:00:00Z`); anything else is a 400. Postmortems without a start time are left out when `from` or `to` is given.',
            schema: {
              type: 'string',
              maxLength: 64,
            },
            example: '2026-11-01',
            allowReserved: true,
          },
          {
            name: 'to',
            in: 'query',
            required: false,
            description:
              'Only postmortems whose `milestones.started` is before this time (exclusive). Same format as `from`.',
            schema: {
              type: 'string',
              maxLength: 64,
            },
            example: '2026-12-01',
            allowReserved: true,
          },
          {
            $ref: '#/components/parameters/PostmortemPageLimit',
          },
          {
            $ref: '#/components/parameters/PageOffset',
          },
        ],
        responses: {
          '200': {
            description:
              '`{ items, totalCount }`: a page of the matching postmortems, and how many match.',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['items', 'totalCount'],
                  properties: {
                    items: {
                      type: 'array',
                      items: {
                        $ref: '#/components/schemas/Postmortem',
                      },
                    },
                    totalCount: {
                      type: 'integer',
                      minimum: 0,
                      description:
                        'How many postmortems match the filters, on every page.',
                    },
                  },
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/BadRequest',
          },
          '401': {
            $ref: '#/components/responses/Unauthorized',
          },
          '500': {
            $ref: '#/components/responses/InternalError',
          },
        },
      },
      post: {
        operationId: 'createPostmortem',
        tags: ['postmortems'],
        summary: 'Write a new postmortem',
        description:
          "Creates a postmortem at version 1 and answers 201 with it. Needs a **user** token (a service token is a 403: `This endpoint does not allow 'service' credentials`) and the permission `reliability.postmortem.create` (else 403). The body is checked against this document first (a 400 before any permission check), then the permission, then the rules of the postmortem schema. The body is `PostmortemContent` only: server-managed fields (`id`, `version`, `createdAt`, …) are unknown fields and make a 400, as does any other field not in the schema. Every problem in the body is named by its field in one 400 (see `PostmortemContent`). A postmortem cannot be created `published` (400): create it as a draft, then publish it with `PUT`. A postmortem created without `authors` gets the caller as its author (a draft only: an `in-review` postmortem must name its authors). The owners of the catalog entities in `entityRefs` are looked up with the plugin's own credentials and kept for permission rules (`IS_LINKED_ENTITY_OWNER`); they are not part of the answer. Writes an audit entry `create`. A body over 1 MB is a 413.",
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/PostmortemContent',
              },
              example: {
                title: 'insights-api returned 503s for 72 minutes',
                severity: 'P1',
                owner: 'group:default/platform-team',
                entityRefs: ['component:default/insights-api'],
                alerts: ['InsightsApiDown'],
                milestones: {
                  started: '2026-11-20T09:02:00Z',
                  detected: '2026-11-20T09:07:00Z',
                  resolved: '2026-11-20T10:14:00Z',
                },
                actionItems: [
                  {
                    title: 'Add a readiness probe to insights-api',
                    type: 'prevent',
                    runbook: 'default/api-not-responding',
                  },
                ],
              },
            },
          },
        },
        responses: {
          '201': {
            description: 'The new postmortem, at version 1.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Postmortem',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/BadRequest',
          },
          '401': {
            $ref: '#/components/responses/Unauthorized',
          },
          '403': {
            $ref: '#/components/responses/Forbidden',
          },
          '413': {
            $ref: '#/components/responses/PayloadTooLarge',
          },
          '500': {
            $ref: '#/components/responses/InternalError',
          },
        },
      },
    },
    '/postmortems/action-items': {
      get: {
        operationId: 'listActionItems',
        tags: ['postmortems'],
        summary: 'Action items across all postmortems',
        description:
          'The action items of every postmortem (in any status), each with the id and title of its postmortem and whether it is overdue. By default only the items still to do (`open` and `in-progress`); `status=all` gives every item. With `runbook`, only the items that change that runbook: what a runbook page shows as pending follow-ups. Ordered by `dueDate` (items without one last), then by item id. An empty list is a 200.',
        parameters: [
          {
            name: 'status',
            in: 'query',
            required: false,
            description:
              '`open` (the default): items whose status is `open` or `in-progress`. `all`: every item. Any other value is read as `open`.',
            schema: {
              type: 'string',
              enum: ['all', 'open'],
              default: 'open',
            },
            allowReserved: true,
          },
          {
            name: 'runbook',
            in: 'query',
            required: false,
            description:
              'Only the items whose `runbook` is this runbook, `namespace/name` (lower-case letters, digits and dashes); another form is a 400.',
            schema: {
              type: 'string',
              pattern: '^[a-z0-9-]{1,63}/[a-z0-9-]{1,63}$',
            },
            example: 'default/api-not-responding',
            allowReserved: true,
          },
          {
            $ref: '#/components/parameters/PageLimit',
          },
          {
            $ref: '#/components/parameters/PageOffset',
          },
        ],
        responses: {
          '200': {
            description:
              '`{ items, totalCount }`: a page of the matching action items (those of postmortems naming an entity the caller may not read in the catalog left out), and how many match.',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['items', 'totalCount'],
                  properties: {
                    items: {
                      type: 'array',
                      items: {
                        $ref: '#/components/schemas/ActionItemWithPostmortem',
                      },
                    },
                    totalCount: {
                      type: 'integer',
                      description: 'How many action items match.',
                    },
                  },
                },
                example: {
                  totalCount: 1,
                  items: [
                    {
                      id: 'readiness',
                      title:
                        'Add a readiness probe to insights-api that checks its database pool',
                      type: 'prevent',
                      owner: 'platform-team',
                      priority: 'P1',
                      status: 'in-progress',
                      dueDate: '2026-12-04',
                      trackerUrl:
                        'https://github.com/acme/insights-platform/issues/1842',
                      runbook: 'default/api-not-responding',
                      postmortemId: '3f6b9c2e-8d41-4a7f-9b3e-2c5d7e1a0f48',
                      postmortemTitle:
                        'insights-api returned 503s for 72 minutes',
                      overdue: false,
                    },
                  ],
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/BadRequest',
          },
          '401': {
            $ref: '#/components/responses/Unauthorized',
          },
          '500': {
            $ref: '#/components/responses/InternalError',
          },
        },
      },
    },
    '/postmortems/{id}': {
      parameters: [
        {
          $ref: '#/components/parameters/PostmortemIdPath',
        },
      ],
      get: {
        operationId: 'getPostmortem',
        tags: ['postmortems'],
        summary: 'One postmortem',
        description:
          'One postmortem by its id, with its `version` (send it back with a `PUT`). An id that is not a lower-case UUID is a 400; an unknown (or deleted) one is a 404.',
        responses: {
          '200': {
            description: 'The postmortem.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Postmortem',
                },
                example: {
                  id: '3f6b9c2e-8d41-4a7f-9b3e-2c5d7e1a0f48',
                  version: 4,
                  title: 'insights-api returned 503s for 72 minutes',
                  status: 'published',
                  authors: [
                    'user:default/amara.okafor',
                    'user:default/jonas.lindqvist',
                  ],
                  owner: 'group:default/platform-team',
                  severity: 'P1',
                  category: 'backend',
                  entityRefs: [
                    'component:default/insights-api',
                    'resource:default/insights-postgres',
                  ],
                  alerts: ['InsightsApiDown', 'InsightsApiHighErrorRate'],
                  runbooks: ['default/api-not-responding'],
                  milestones: {
                    started: '2026-11-20T09:02:00.000Z',
                    detected: '2026-11-20T09:07:00.000Z',
                    acknowledged: '2026-11-20T09:11:00.000Z',
                    mitigated: '2026-11-20T09:58:00.000Z',
                    resolved: '2026-11-20T10:14:00.000Z',
                  },
                  summary:
                    'A deploy of insights-api lowered the database connection pool from 50 to 5. Under the morning load every pod exhausted its pool, requests queued until the gateway timed them out, and the API answered 503 to most requests for 72 minutes.',
                  impact:
                    'Dashboards and exports of the Insights product failed for all customers; about 68% of API requests failed between 09:02 and 10:14 UTC.',
                  usersAffected: 4200,
                  slaBreached: true,
                  detection:
                    '`InsightsApiDown` paged the on-call engineer 5 minutes after the error rate rose; no customer reported it first.',
                  trigger:
                    'Deploy `insights-api` 2026.11.20-1 (Helm values change).',
                  rootCauses: [
                    'The Helm values of the production overlay were merged with the staging ones, setting `db.pool.max` to 5.',
                  ],
                  contributingFactors: [
                    'The readiness probe does not check the database pool, so saturated pods kept receiving traffic.',
                    'The canary ran at night, when 5 connections were enough.',
                  ],
                  resolution:
                    'Rolled back to 2026.11.19-3 with `helm rollback insights-api`, then restarted the pods to drain the queues.',
                  lessons: {
                    wentWell: [
                      'The alert paged within 5 minutes and the runbook led straight to the rollback.',
                    ],
                    wentWrong: [
                      'The first 40 minutes went into checking PostgreSQL, which was healthy.',
                    ],
                    gotLucky: [
                      'No batch export was scheduled during the outage.',
                    ],
                  },
                  timeline: [
                    {
                      at: '2026-11-20T09:07:00.000Z',
                      event:
                        'InsightsApiDown fired and paged the on-call engineer.',
                      link: 'https://alertmanager.acme.example/#/alerts?filter=%7Balertname%3D%22InsightsApiDown%22%7D',
                    },
                  ],
                  actionItems: [
                    {
                      id: 'readiness',
                      title:
                        'Add a readiness probe to insights-api that checks its database pool',
                      type: 'prevent',
                      owner: 'platform-team',
                      priority: 'P1',
                      status: 'in-progress',
                      dueDate: '2026-12-04',
                      trackerUrl:
                        'https://github.com/acme/insights-platform/issues/1842',
                      runbook: 'default/api-not-responding',
                    },
                  ],
                  incidentId: 'INC-2026-0142',
                  createdAt: '2026-11-20T13:40:12.318Z',
                  createdBy: 'user:default/amara.okafor',
                  updatedAt: '2026-11-24T16:05:47.902Z',
                  updatedBy: 'user:default/jonas.lindqvist',
                  publishedAt: '2026-11-24T16:05:47.902Z',
                  timeToDetectMinutes: 5,
                  timeToResolveMinutes: 72,
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/BadRequest',
          },
          '401': {
            $ref: '#/components/responses/Unauthorized',
          },
          '404': {
            $ref: '#/components/responses/NotFound',
          },
          '500': {
            $ref: '#/components/responses/InternalError',
          },
        },
      },
      put: {
        operationId: 'updatePostmortem',
        tags: ['postmortems'],
        summary: 'Change a postmortem, based on the version read',
        description:
          "Replaces the postmortem's content with the body and answers with the\npostmortem at its next version. The body is the whole\n`PostmortemContent` (a field left out is cleared or takes its default,\nas on create) plus `version`, the version the change is based on. A\nclient may send back the `Postmortem` it read with its changes: the\nfields the server manages (`id`, `createdAt`, `createdBy`,\n`updatedAt`, `updatedBy`, `publishedAt`, `timeToDetectMinutes`,\n`timeToResolveMinutes`) are ignored; any other unknown field is a 400.\n\n**Optimistic concurrency.** When the postmortem is no longer at\n`version` (someone else saved in between) the answer is 409 and\nnothing is changed: reload, re-apply the change and save again.\n\nChecked in this order: a user token (a service token is a 403); a\nvalid `version` (a missing or non-positive-integer one is a 400); the\npostmortem exists (404); the permission `reliability.postmortem.update`\non this postmortem (403); the body (400, every problem named by its\nfield); when the change moves `status` to `published` or away from it,\nalso `reliability.postmortem.publish` (403); then the version (409).\nPermission policies may decide on the postmortem's authors, owner and\nthe owners of its linked entities. `publishedAt` is set when the\npostmortem becomes `published`, kept while it stays published and\nremoved when it leaves that status. Writes an audit entry `update`\nnaming the top-level fields that changed. A body over 1 MB is a 413.\n",
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/PostmortemUpdate',
              },
              examples: {
                publish: {
                  summary:
                    'Publish the postmortem: the whole content as read at version 3, with `status` changed (fields left out would be cleared)',
                  value: {
                    version: 3,
                    title: 'insights-api returned 503s for 72 minutes',
                    status: 'published',
                    authors: [
                      'user:default/amara.okafor',
                      'user:default/jonas.lindqvist',
                    ],
                    owner: 'group:default/platform-team',
                    severity: 'P1',
                    category: 'backend',
                    entityRefs: [
                      'component:default/insights-api',
                      'resource:default/insights-postgres',
                    ],
                    alerts: ['InsightsApiDown', 'InsightsApiHighErrorRate'],
                    runbooks: ['default/api-not-responding'],
                    milestones: {
                      started: '2026-11-20T09:02:00.000Z',
                      detected: '2026-11-20T09:07:00.000Z',
                      acknowledged: '2026-11-20T09:11:00.000Z',
                      mitigated: '2026-11-20T09:58:00.000Z',
                      resolved: '2026-11-20T10:14:00.000Z',
                    },
                    summary:
                      'A deploy of insights-api lowered the database connection pool from 50 to 5. Under the morning load every pod exhausted its pool, requests queued until the gateway timed them out, and the API answered 503 to most requests for 72 minutes.',
                    impact:
                      'Dashboards and exports of the Insights product failed for all customers; about 68% of API requests failed between 09:02 and 10:14 UTC.',
                    usersAffected: 4200,
                    slaBreached: true,
                    detection:
                      '`InsightsApiDown` paged the on-call engineer 5 minutes after the error rate rose; no customer reported it first.',
                    trigger:
                      'Deploy `insights-api` 2026.11.20-1 (Helm values change).',
                    rootCauses: [
                      'The Helm values of the production overlay were merged with the staging ones, setting `db.pool.max` to 5.',
                    ],
                    contributingFactors: [
                      'The readiness probe does not check the database pool, so saturated pods kept receiving traffic.',
                      'The canary ran at night, when 5 connections were enough.',
                    ],
                    resolution:
                      'Rolled back to 2026.11.19-3 with `helm rollback insights-api`, then restarted the pods to drain the queues.',
                    lessons: {
                      wentWell: [
                        'The alert paged within 5 minutes and the runbook led straight to the rollback.',
                      ],
                      wentWrong: [
                        'The first 40 minutes went into checking PostgreSQL, which was healthy.',
                      ],
                      gotLucky: [
                        'No batch export was scheduled during the outage.',
                      ],
                    },
                    timeline: [
                      {
                        at: '2026-11-20T09:07:00.000Z',
                        event:
                          'InsightsApiDown fired and paged the on-call engineer.',
                        link: 'https://alertmanager.acme.example/#/alerts?filter=%7Balertname%3D%22InsightsApiDown%22%7D',
                      },
                    ],
                    actionItems: [
                      {
                        id: 'readiness',
                        title:
                          'Add a readiness probe to insights-api that checks its database pool',
                        type: 'prevent',
                        owner: 'platform-team',
                        priority: 'P1',
                        status: 'in-progress',
                        dueDate: '2026-12-04',
                        trackerUrl:
                          'https://github.com/acme/insights-platform/issues/1842',
                        runbook: 'default/api-not-responding',
                      },
                    ],
                    incidentId: 'INC-2026-0142',
                  },
                },
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'The postmortem after the change, at `version` + 1.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Postmortem',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/BadRequest',
          },
          '401': {
            $ref: '#/components/responses/Unauthorized',
          },
          '403': {
            $ref: '#/components/responses/Forbidden',
          },
          '404': {
            $ref: '#/components/responses/NotFound',
          },
          '409': {
            $ref: '#/components/responses/Conflict',
          },
          '413': {
            $ref: '#/components/responses/PayloadTooLarge',
          },
          '500': {
            $ref: '#/components/responses/InternalError',
          },
        },
      },
      delete: {
        operationId: 'deletePostmortem',
        tags: ['postmortems'],
        summary: 'Delete a postmortem',
        description:
          'Deletes the postmortem with its action items and answers 204 with no body. Needs a user token (a service token is a 403); an unknown id is a 404, checked before the permission `reliability.postmortem.delete` on this postmortem (403). The audit log is kept, with an entry `delete` at the last version: `GET /postmortems/{id}/audit` still answers.',
        responses: {
          '204': {
            description: 'Deleted.',
          },
          '400': {
            $ref: '#/components/responses/BadRequest',
          },
          '401': {
            $ref: '#/components/responses/Unauthorized',
          },
          '403': {
            $ref: '#/components/responses/Forbidden',
          },
          '404': {
            $ref: '#/components/responses/NotFound',
          },
          '500': {
            $ref: '#/components/responses/InternalError',
          },
        },
      },
    },
    '/postmortems/{id}/audit': {
      parameters: [
        {
          $ref: '#/components/parameters/PostmortemIdPath',
        },
      ],
      get: {
        operationId: 'getPostmortemAudit',
        tags: ['postmortems'],
        summary: 'The change log of one postmortem',
        description:
          "Every change to the postmortem, oldest first: who created, updated or deleted it, when, which top-level fields changed, and the version it produced. The log outlives the postmortem, so a deleted postmortem's log is still served. An id nothing was ever recorded for gives an empty list (200), not a 404; an id that is not a lower-case UUID is a 400.",
        responses: {
          '200': {
            description: '`{ items }`: the audit entries, oldest first.',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['items'],
                  properties: {
                    items: {
                      type: 'array',
                      items: {
                        $ref: '#/components/schemas/PostmortemAuditEntry',
                      },
                    },
                  },
                },
                example: {
                  items: [
                    {
                      at: '2026-11-20T13:40:12.318Z',
                      actor: 'user:default/amara.okafor',
                      action: 'create',
                      fields: [
                        'actionItems',
                        'alerts',
                        'authors',
                        'contributingFactors',
                        'entityRefs',
                        'lessons',
                        'milestones',
                        'owner',
                        'rootCauses',
                        'runbooks',
                        'severity',
                        'status',
                        'timeline',
                        'title',
                      ],
                      version: 1,
                    },
                    {
                      at: '2026-11-21T10:02:55.140Z',
                      actor: 'user:default/jonas.lindqvist',
                      action: 'update',
                      fields: [
                        'alerts',
                        'category',
                        'contributingFactors',
                        'detection',
                        'entityRefs',
                        'impact',
                        'incidentId',
                        'lessons',
                        'milestones',
                        'resolution',
                        'rootCauses',
                        'runbooks',
                        'slaBreached',
                        'summary',
                        'timeline',
                        'trigger',
                        'usersAffected',
                      ],
                      version: 2,
                    },
                    {
                      at: '2026-11-24T15:51:03.677Z',
                      actor: 'user:default/amara.okafor',
                      action: 'update',
                      fields: ['actionItems', 'authors', 'status'],
                      version: 3,
                    },
                    {
                      at: '2026-11-24T16:05:47.902Z',
                      actor: 'user:default/jonas.lindqvist',
                      action: 'update',
                      fields: ['status'],
                      version: 4,
                    },
                  ],
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/BadRequest',
          },
          '401': {
            $ref: '#/components/responses/Unauthorized',
          },
          '500': {
            $ref: '#/components/responses/InternalError',
          },
        },
      },
    },
  },
  components: {
    securitySchemes: {
      backstageToken: {
        type: 'http',
        scheme: 'bearer',
        description:
          'A Backstage token in `Authorization: Bearer <token>`: a user token (what the Backstage frontend sends for a signed-in user) or a service token (another backend plugin, or an external caller configured under `backend.auth.externalAccess`). Cookies are not accepted. No token, or one that does not verify, gives 401. Postmortem writes accept user tokens only; a service token there gives 403.',
      },
    },
    parameters: {
      EntityNamespacePath: {
        name: 'namespace',
        in: 'path',
        required: true,
        description: "The entity's namespace.",
        schema: {
          $ref: '#/components/schemas/EntityRefPart',
        },
        example: 'default',
      },
      EntityKindPath: {
        name: 'kind',
        in: 'path',
        required: true,
        description:
          "The entity's kind (case-insensitive, e.g. `component`, `resource`).",
        schema: {
          $ref: '#/components/schemas/EntityRefPart',
        },
        example: 'resource',
      },
      EntityNamePath: {
        name: 'name',
        in: 'path',
        required: true,
        description: "The entity's name.",
        schema: {
          $ref: '#/components/schemas/EntityRefPart',
        },
        example: 'insights-postgres',
      },
      EntityRefQueryRequired: {
        name: 'entityRef',
        in: 'query',
        required: true,
        description:
          'The catalog entity, `kind:[namespace/]name` (the namespace defaults to `default`; case-insensitive). Missing, without a kind, or given more than once is a 400.',
        schema: {
          type: 'string',
          minLength: 1,
          maxLength: 400,
        },
        example: 'resource:default/insights-postgres',
        allowReserved: true,
      },
      PageLimit: {
        name: 'limit',
        in: 'query',
        required: false,
        description:
          'How many records to answer with, 1–500 (default 500). With `offset`, pages through a long list; `totalCount` in the answer says how many match.',
        schema: {
          type: 'integer',
          minimum: 1,
          maximum: 500,
          default: 500,
        },
        example: 50,
      },
      PostmortemPageLimit: {
        name: 'limit',
        in: 'query',
        required: false,
        description:
          'How many postmortems to answer with, 1–100 (default 100): each comes whole. With `offset`, pages through a long list; `totalCount` in the answer says how many match.',
        schema: {
          type: 'integer',
          minimum: 1,
          maximum: 100,
          default: 100,
        },
        example: 25,
      },
      PageOffset: {
        name: 'offset',
        in: 'query',
        required: false,
        description:
          "How many matching records to skip, in the list's order (default 0).",
        schema: {
          type: 'integer',
          minimum: 0,
          maximum: 1000000000,
          default: 0,
        },
        example: 50,
      },
      IncidentIdPath: {
        name: 'id',
        in: 'path',
        required: true,
        description: "The incident's id (a UUID) or its reference, `INC-42`.",
        schema: {
          type: 'string',
          pattern: '^([0-9a-fA-F-]{36}|INC-[0-9]{1,9})$',
        },
        example: 'INC-42',
      },
      PostmortemIdPath: {
        name: 'id',
        in: 'path',
        required: true,
        description:
          "The postmortem's id, a lower-case UUID (36 characters of `0-9`, `a-f` and `-`); anything else is a 400.",
        schema: {
          type: 'string',
          format: 'uuid',
          pattern: '^[0-9a-f-]{36}$',
        },
        example: '3f6b9c2e-8d41-4a7f-9b3e-2c5d7e1a0f48',
      },
    },
    responses: {
      BadRequest: {
        description:
          'Invalid input (`InputError`): a malformed path parameter, entity ref, alert name, runbook name or postmortem id, a missing `entityRef`, an invalid query parameter, a request body that is not valid JSON, or a postmortem that does not validate (`Invalid postmortem: …`, naming every problem by its field) or lacks its `version` on update.',
        content: {
          'application/json': {
            schema: {
              $ref: '#/components/schemas/ErrorResponse',
            },
            example: {
              error: {
                name: 'InputError',
                message: 'entityRef must be an entity ref, kind:namespace/name',
              },
              request: {
                method: 'GET',
                url: '/runbooks/index-status',
              },
              response: {
                statusCode: 400,
              },
            },
          },
        },
      },
      Unauthorized: {
        description:
          'No token, or a token that does not verify (`AuthenticationError`).',
        content: {
          'application/json': {
            schema: {
              $ref: '#/components/schemas/ErrorResponse',
            },
            example: {
              error: {
                name: 'AuthenticationError',
                message: 'Missing credentials',
              },
              request: {
                method: 'GET',
                url: '/runbooks?entityRef=resource:default/insights-postgres',
              },
              response: {
                statusCode: 401,
              },
            },
          },
        },
      },
      Forbidden: {
        description:
          "Not allowed (`NotAllowedError`): the permission policy denies the permission the route needs (`reliability.runbook.refresh` on the entity; `reliability.postmortem.create`, `.update`, `.publish` or `.delete` on the postmortem, with messages such as `You may not publish this postmortem`), or a service token was used on a route that only users may call (`This endpoint does not allow 'service' credentials`).",
        content: {
          'application/json': {
            schema: {
              $ref: '#/components/schemas/ErrorResponse',
            },
            example: {
              error: {
                name: 'NotAllowedError',
                message:
                  'You may not re-index the runbooks of resource:default/insights-postgres',
              },
              request: {
                method: 'POST',
                url: '/runbooks/refresh',
              },
              response: {
                statusCode: 403,
              },
            },
          },
        },
      },
      NotFound: {
        description:
          'No such runbook or postmortem, or no such entity in the catalog (or none the caller may read), or an entity without a `reliability.io/runbooks` annotation (`NotFoundError`).',
        content: {
          'application/json': {
            schema: {
              $ref: '#/components/schemas/ErrorResponse',
            },
            example: {
              error: {
                name: 'NotFoundError',
                message: 'No runbook default/postgres-down',
              },
              request: {
                method: 'GET',
                url: '/runbooks/default/postgres-down',
              },
              response: {
                statusCode: 404,
              },
            },
          },
        },
      },
      Conflict: {
        description:
          'The postmortem is no longer at the `version` the change was based on: someone else saved it in between (`ConflictError`). Nothing was changed; reload it, re-apply the change and save again with the new version.',
        content: {
          'application/json': {
            schema: {
              $ref: '#/components/schemas/ErrorResponse',
            },
            example: {
              error: {
                name: 'ConflictError',
                message:
                  'Postmortem 3f6b9c2e-8d41-4a7f-9b3e-2c5d7e1a0f48 is at version 4, not 3: someone else changed it. Reload, re-apply your change and save again.',
              },
              request: {
                method: 'PUT',
                url: '/postmortems/3f6b9c2e-8d41-4a7f-9b3e-2c5d7e1a0f48',
              },
              response: {
                statusCode: 409,
              },
            },
          },
        },
      },
      PayloadTooLarge: {
        description:
          'The request body is larger than 1 MB (`PayloadTooLargeError`).',
        content: {
          'application/json': {
            schema: {
              $ref: '#/components/schemas/ErrorResponse',
            },
          },
        },
      },
      InternalError: {
        description: 'An unexpected failure, e.g. the database did not answer.',
        content: {
          'application/json': {
            schema: {
              $ref: '#/components/schemas/ErrorResponse',
            },
          },
        },
      },
      HealthDegraded: {
        description:
          'The backend is up but its database does not answer (within 2 seconds). The body is the health report, not an error body.',
        content: {
          'application/json': {
            schema: {
              $ref: '#/components/schemas/ReliabilityHealth',
            },
            example: {
              status: 'degraded',
              database: {
                client: 'pg',
                reachable: false,
                error: 'no answer within 2000 ms',
              },
              startedAt: '2026-11-03T08:12:44.120Z',
            },
          },
        },
      },
    },
    schemas: {
      ErrorResponse: {
        type: 'object',
        description:
          "Backstage's standard error body (`ErrorResponseBody` of `@backstage/errors`).",
        required: ['error', 'request', 'response'],
        properties: {
          error: {
            type: 'object',
            description: 'The serialised error.',
            required: ['name', 'message'],
            properties: {
              name: {
                type: 'string',
                description:
                  'The error class: `InputError`, `AuthenticationError`, `NotAllowedError`, `NotFoundError`, `ConflictError`, …',
                example: 'NotFoundError',
              },
              message: {
                type: 'string',
              },
              stack: {
                type: 'string',
                description: 'Only when the backend runs in development mode.',
              },
            },
            additionalProperties: true,
          },
          request: {
            type: 'object',
            required: ['method', 'url'],
            properties: {
              method: {
                type: 'string',
                example: 'GET',
              },
              url: {
                type: 'string',
                description:
                  'The request path relative to `/api/reliability`, with its query string.',
              },
            },
          },
          response: {
            type: 'object',
            required: ['statusCode'],
            properties: {
              statusCode: {
                type: 'integer',
                example: 404,
              },
            },
          },
        },
      },
      ReliabilityHealth: {
        description: 'The answer of `GET /api/reliability/health`.',
        type: 'object',
        properties: {
          status: {
            description: '`degraded` when the database does not answer.',
            type: 'string',
            enum: ['ok', 'degraded'],
          },
          database: {
            description:
              'The database the backend stores its records in, and whether it answers.',
            type: 'object',
            properties: {
              client: {
                description:
                  'The knex client, e.g. `pg` or `better-sqlite3`; `unknown` when no connection could be made.',
                type: 'string',
              },
              reachable: {
                type: 'boolean',
              },
              error: {
                description:
                  'Why the database did not answer; only when `reachable` is false.',
                type: 'string',
              },
            },
            required: ['client', 'reachable'],
          },
          startedAt: {
            description: 'When this backend instance started.',
            type: 'string',
            format: 'date-time',
          },
        },
        required: ['status', 'database', 'startedAt'],
      },
      EntityRefPart: {
        type: 'string',
        minLength: 1,
        maxLength: 253,
        pattern: '^[A-Za-z0-9][A-Za-z0-9._-]*$',
      },
      EntityReliabilityOverview: {
        description:
          'What the backend knows about one catalog entity, as served by `GET /api/reliability/entities/:namespace/:kind/:name/overview`.',
        type: 'object',
        properties: {
          entityRef: {
            description: "The entity's full ref, `kind:namespace/name`.",
            type: 'string',
          },
          title: {
            description: "The entity's title or name, as the catalog has it.",
            type: 'string',
          },
          owner: {
            description: "The owner's ref, from `spec.owner`, when it has one.",
            type: 'string',
          },
          annotations: {
            description:
              'The reliability annotations the entity carries, keyed by annotation.',
            type: 'object',
            additionalProperties: {
              type: 'string',
            },
          },
          objectives: {
            description:
              'The RPO and RTO annotations, read: each with its value, or what is wrong with it ("Near-zero" is not a duration).',
            type: 'object',
            properties: {
              rpo: {
                $ref: '#/components/schemas/AnnotatedObjective',
              },
              rto: {
                $ref: '#/components/schemas/AnnotatedObjective',
              },
            },
          },
          generatedAt: {
            description: 'When the backend assembled this answer.',
            type: 'string',
            format: 'date-time',
          },
        },
        required: [
          'entityRef',
          'title',
          'annotations',
          'objectives',
          'generatedAt',
        ],
      },
      IncidentSummary: {
        description: 'An incident as lists show it.',
        type: 'object',
        properties: {
          id: {
            type: 'string',
          },
          number: {
            description: 'The number people say: 42 in INC-42.',
            type: 'integer',
          },
          reference: {
            description: '`INC-42`.',
            type: 'string',
          },
          title: {
            type: 'string',
          },
          status: {
            type: 'string',
            enum: ['open', 'mitigated', 'resolved'],
          },
          severity: {
            type: 'string',
          },
          entityRefs: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
          commander: {
            description: 'Who leads it now.',
            type: 'string',
          },
          milestones: {
            type: 'object',
            properties: {
              started: {
                type: 'string',
                format: 'date-time',
              },
              detected: {
                type: 'string',
                format: 'date-time',
              },
              acknowledged: {
                type: 'string',
                format: 'date-time',
              },
              mitigated: {
                type: 'string',
                format: 'date-time',
              },
              resolved: {
                type: 'string',
                format: 'date-time',
              },
            },
            required: ['started'],
          },
          postmortemId: {
            type: 'string',
          },
          statusUpdateDueAt: {
            description:
              'When the next status update is due (open incidents of levels with a cadence).',
            type: 'string',
            format: 'date-time',
          },
          alertCount: {
            type: 'integer',
          },
          firingAlertCount: {
            type: 'integer',
          },
          createdAt: {
            type: 'string',
            format: 'date-time',
          },
          createdBy: {
            type: 'string',
          },
          imported: {
            description:
              'Set when the record came from another tool (`POST /incidents/import`): its id there and who imported it. The people its history names were not signed in here; the importer vouches for them.',
            type: 'object',
            properties: {
              externalId: {
                type: 'string',
              },
              by: {
                type: 'string',
              },
            },
            required: ['externalId', 'by'],
          },
          updatedAt: {
            type: 'string',
            format: 'date-time',
          },
          version: {
            type: 'integer',
          },
        },
        required: [
          'id',
          'number',
          'reference',
          'title',
          'status',
          'severity',
          'entityRefs',
          'milestones',
          'alertCount',
          'firingAlertCount',
          'createdAt',
          'createdBy',
          'updatedAt',
          'version',
        ],
      },
      Incident: {
        description: 'An incident with everything it holds.',
        allOf: [
          {
            $ref: '#/components/schemas/IncidentSummary',
          },
          {
            type: 'object',
            properties: {
              summary: {
                type: 'string',
              },
              links: {
                type: 'array',
                items: {
                  type: 'object',
                  properties: {
                    kind: {
                      type: 'string',
                      enum: ['chat', 'call', 'ticket', 'dashboard', 'other'],
                    },
                    url: {
                      type: 'string',
                    },
                    title: {
                      type: 'string',
                    },
                  },
                  required: ['kind', 'url'],
                },
              },
              roles: {
                type: 'array',
                items: {
                  $ref: '#/components/schemas/IncidentRoleAssignment',
                },
              },
              alerts: {
                type: 'array',
                items: {
                  $ref: '#/components/schemas/IncidentAlert',
                },
              },
              runbooks: {
                type: 'array',
                items: {
                  $ref: '#/components/schemas/IncidentRunbook',
                },
              },
              checklist: {
                type: 'array',
                items: {
                  $ref: '#/components/schemas/IncidentTick',
                },
              },
              statusUpdates: {
                type: 'array',
                items: {
                  $ref: '#/components/schemas/IncidentStatusUpdate',
                },
              },
              timeline: {
                type: 'array',
                items: {
                  $ref: '#/components/schemas/IncidentEvent',
                },
              },
            },
            required: [
              'links',
              'roles',
              'alerts',
              'runbooks',
              'checklist',
              'statusUpdates',
              'timeline',
            ],
          },
        ],
      },
      ComplianceState: {
        description:
          'How a component stands against its plan, worst first: `violated` (the last good backup is older than the RPO, or the last drill failed), `stale` (no drill for longer than allowed), `at-risk` (close to the RPO, the last run failed, or a restore took longer than the RTO), `unknown` (nothing reported yet), `unchecked` (reported, but the plan states nothing to check it against: an RPO of "Near-zero", drills "regularly"), `ok`, `not-needed` (stateless, or nothing is kept).',
        type: 'string',
        enum: [
          'ok',
          'violated',
          'stale',
          'at-risk',
          'unknown',
          'unchecked',
          'not-needed',
        ],
      },
      RecoveryPlanDetails: {
        description: 'A stored recovery plan, as the API serves it.',
        type: 'object',
        properties: {
          namespace: {
            type: 'string',
          },
          name: {
            type: 'string',
          },
          title: {
            type: 'string',
          },
          entityRefs: {
            description:
              "The entities it covers: its own entityRefs and its components' entities.",
            type: 'array',
            items: {
              type: 'string',
            },
          },
          sourceUrl: {
            description:
              "The file's repository URL (or its path from the catalog file).",
            type: 'string',
          },
          sourceLine: {
            type: 'integer',
          },
          revision: {
            type: 'string',
          },
          lastSyncedAt: {
            type: 'string',
            format: 'date-time',
          },
          stale: {
            description: 'The file now has errors: this is the last good copy.',
            type: 'boolean',
          },
          document: {
            description:
              'The normalised `RecoveryPlan` document, as `/schemas/recovery-plan.json` describes it.',
            $ref: '#/components/schemas/RecoveryPlanDocument',
          },
          unresolvedRunbooks: {
            description:
              'Runbooks its drills and scenarios name that are not indexed (when the plan was read): `namespace/name`.',
            type: 'array',
            items: {
              type: 'string',
            },
          },
          status: {
            description:
              'How the plan stands against what was reported, when it was read.',
            type: 'object',
            properties: {
              state: {
                description: "The worst of the components' states.",
                $ref: '#/components/schemas/ComplianceState',
              },
              evaluatedAt: {
                type: 'string',
                format: 'date-time',
              },
              components: {
                type: 'array',
                items: {
                  $ref: '#/components/schemas/ComponentRecoveryStatus',
                },
              },
              dataTypes: {
                description:
                  'Each data type against the backups of the components that hold it.',
                type: 'array',
                items: {
                  type: 'object',
                  properties: {
                    dataType: {
                      type: 'string',
                    },
                    state: {
                      $ref: '#/components/schemas/ComplianceState',
                    },
                    reasons: {
                      type: 'array',
                      items: {
                        type: 'string',
                      },
                    },
                    window: {
                      description:
                        'Where all its components can be restored to: the earliest of their latest points.',
                      type: 'object',
                      properties: {
                        from: {
                          type: 'string',
                        },
                        to: {
                          type: 'string',
                        },
                        job: {
                          description: 'The job that reaches `to`.',
                          type: 'string',
                        },
                      },
                      required: ['to'],
                    },
                    rpoSeconds: {
                      type: 'number',
                    },
                  },
                  required: ['dataType', 'state', 'reasons'],
                },
              },
            },
            required: ['state', 'evaluatedAt', 'components'],
          },
        },
        required: [
          'namespace',
          'name',
          'title',
          'entityRefs',
          'sourceUrl',
          'sourceLine',
          'lastSyncedAt',
          'stale',
          'document',
        ],
      },
      AnnotatedObjective: {
        description:
          'An RPO or RTO as an annotation states it, read with `parseRecoveryObjective`.',
        type: 'object',
        properties: {
          text: {
            description: "The annotation's text, as written.",
            type: 'string',
          },
          value: {
            $ref: '#/components/schemas/RecoveryObjective',
          },
          error: {
            description: 'Why the text is not an objective, with a hint.',
            type: 'string',
          },
        },
        required: ['text'],
      },
      RecoveryObjective: {
        description:
          'A recovery point or time objective as teams state them: a duration, zero (no loss allowed), nothing kept (ephemeral by design: "0 (none)"), not applicable with a reason, or a word that is no time ("Near-zero", "Seconds") kept as written — unquantified, so never checked. A duration may be approximate ("≈ 1 min"), an upper bound ("≤ 30 min") or provisional ("15m (initial guess)").',
        oneOf: [
          {
            type: 'object',
            properties: {
              kind: {
                type: 'string',
                enum: ['duration'],
              },
              seconds: {
                type: 'number',
              },
              approximate: {
                description: '"≈ 1 min": about that long.',
                type: 'boolean',
              },
              atMost: {
                description: '"≤ 30 min": at most that long.',
                type: 'boolean',
              },
              provisional: {
                description:
                  'Not agreed yet ("initial guess", "provisional", "TBD").',
                type: 'boolean',
              },
              note: {
                description: 'What followed in parentheses.',
                type: 'string',
              },
            },
            required: ['kind', 'seconds'],
          },
          {
            type: 'object',
            properties: {
              kind: {
                type: 'string',
                enum: ['zero'],
              },
              note: {
                type: 'string',
              },
            },
            required: ['kind'],
          },
          {
            type: 'object',
            properties: {
              kind: {
                description:
                  'Nothing is kept, by design: there is nothing to lose or restore.',
                type: 'string',
                enum: ['not-kept'],
              },
              reason: {
                type: 'string',
              },
            },
            required: ['kind'],
          },
          {
            type: 'object',
            properties: {
              kind: {
                type: 'string',
                enum: ['not-applicable'],
              },
              reason: {
                type: 'string',
              },
            },
            required: ['kind', 'reason'],
          },
          {
            type: 'object',
            properties: {
              kind: {
                description:
                  '"Near-zero", "Seconds": what the team wrote, not a time to check.',
                type: 'string',
                enum: ['qualitative'],
              },
              text: {
                type: 'string',
              },
              note: {
                type: 'string',
              },
            },
            required: ['kind', 'text'],
          },
        ],
      },
      SeverityLevel: {
        description:
          'A severity level, as configured under `reliability.severities`.',
        type: 'object',
        properties: {
          id: {
            description:
              'What runbooks, incidents and postmortems name, e.g. `P1`.',
            type: 'string',
          },
          label: {
            type: 'string',
          },
          rank: {
            description: '1 is the most severe.',
            type: 'integer',
          },
          colour: {
            description: 'A CSS colour for chips and badges.',
            type: 'string',
          },
          description: {
            type: 'string',
          },
          responseTarget: {
            description:
              'How fast someone must respond, for people (`15 minutes`, `next business day`).',
            type: 'string',
          },
          responseMinutes: {
            description: 'The same in minutes, when it is a fixed time.',
            type: 'integer',
          },
          pages: {
            description: 'Whether it pages the on-call engineer.',
            type: 'boolean',
          },
          postmortemRequired: {
            description:
              'Whether an incident of this level needs a postmortem.',
            type: 'boolean',
          },
          statusUpdateMinutes: {
            description:
              'How often the commander posts a status update while it is open, in minutes.',
            type: 'integer',
          },
        },
        required: [
          'id',
          'label',
          'rank',
          'colour',
          'description',
          'responseTarget',
          'pages',
          'postmortemRequired',
        ],
      },
      RunbookNamePart: {
        type: 'string',
        description:
          'Lower-case letters, digits and dashes, at most 63 characters.',
        pattern: '^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$',
        maxLength: 63,
      },
      RunbookTrigger: {
        description: 'Which alert a runbook answers.',
        type: 'object',
        properties: {
          alertName: {
            description: "The alert's name (Prometheus `alertname`).",
            type: 'string',
          },
          labels: {
            description:
              'Alert labels that must all match (e.g. `{ namespace: prod }`).',
            type: 'object',
            additionalProperties: {
              type: 'string',
            },
          },
        },
        required: ['alertName'],
      },
      RunbookReview: {
        description:
          'When the runbook was last checked, and how often it must be.',
        type: 'object',
        properties: {
          lastReviewed: {
            description: 'ISO date (`2026-10-01`).',
            type: 'string',
          },
          intervalDays: {
            description: 'Days between reviews.',
            type: 'integer',
          },
        },
      },
      RunbookSummary: {
        description: 'A runbook as the API lists it.',
        type: 'object',
        properties: {
          namespace: {
            description:
              "The runbook's `metadata.namespace` (`default` unless set).",
            type: 'string',
          },
          name: {
            type: 'string',
          },
          title: {
            description: '`metadata.title`, or the name.',
            type: 'string',
          },
          severity: {
            description: 'One of the configured severity ids, e.g. `P1`.',
            type: 'string',
          },
          category: {
            description: 'E.g. `backend`, `db`, `network`, `tls`, `storage`.',
            type: 'string',
          },
          owner: {
            type: 'string',
          },
          entityRefs: {
            description: 'Full refs, `kind:namespace/name`, lower-case.',
            type: 'array',
            items: {
              type: 'string',
            },
          },
          triggers: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/RunbookTrigger',
            },
          },
          sourceUrl: {
            description:
              'The file it came from: a URL to open in Git, or a path.',
            type: 'string',
          },
          sourceLine: {
            description: 'The line its document starts on in that file.',
            type: 'integer',
          },
          revision: {
            description: 'The commit or ETag of the copy served, when known.',
            type: 'string',
          },
          lastSyncedAt: {
            description: 'When this copy was read from its source.',
            type: 'string',
            format: 'date-time',
          },
          stale: {
            description:
              'True when the latest read of its file failed and this is the last good copy, kept until the file is fixed.',
            type: 'boolean',
          },
          review: {
            description: 'The last review and its interval, for freshness.',
            $ref: '#/components/schemas/RunbookReview',
          },
          syncError: {
            description:
              "Present when the latest read of the runbook's location failed after this copy was read (Git down, …): when, and why.",
            type: 'object',
            properties: {
              at: {
                type: 'string',
                format: 'date-time',
              },
              message: {
                type: 'string',
              },
            },
            required: ['at', 'message'],
          },
        },
        required: [
          'namespace',
          'name',
          'title',
          'entityRefs',
          'triggers',
          'sourceUrl',
          'sourceLine',
          'lastSyncedAt',
          'stale',
        ],
      },
      RunbookDetails: {
        description: 'One runbook with every section.',
        allOf: [
          {
            $ref: '#/components/schemas/RunbookSummary',
          },
          {
            type: 'object',
            properties: {
              document: {
                $ref: '#/components/schemas/RunbookDocument',
              },
            },
            required: ['document'],
          },
        ],
      },
      RunbookDocument: {
        description: 'A runbook document, after validation and normalisation.',
        type: 'object',
        properties: {
          apiVersion: {
            type: 'string',
            enum: ['reliability.io/v1alpha1'],
          },
          kind: {
            type: 'string',
            enum: ['Runbook'],
          },
          metadata: {
            type: 'object',
            properties: {
              name: {
                type: 'string',
              },
              namespace: {
                type: 'string',
              },
              title: {
                type: 'string',
              },
              description: {
                type: 'string',
              },
              tags: {
                type: 'array',
                items: {
                  type: 'string',
                },
              },
            },
            required: ['name', 'namespace', 'title'],
          },
          spec: {
            $ref: '#/components/schemas/RunbookSpec',
          },
        },
        required: ['apiVersion', 'kind', 'metadata', 'spec'],
      },
      RunbookSpec: {
        description: 'The `spec` of a Runbook.',
        type: 'object',
        properties: {
          entityRefs: {
            description:
              'Catalog entities the runbook serves, `[kind:][namespace/]name`.',
            type: 'array',
            items: {
              type: 'string',
            },
          },
          owner: {
            type: 'string',
          },
          severity: {
            description:
              'One of the configured severity ids (P1…P4 by default).',
            type: 'string',
          },
          category: {
            description: 'E.g. backend, db, network, tls, storage.',
            type: 'string',
          },
          summary: {
            type: 'string',
          },
          impact: {
            type: 'string',
          },
          symptoms: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
          triggers: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/RunbookTrigger',
            },
          },
          preconditions: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/RunbookPrecondition',
            },
          },
          diagnosis: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/RunbookStep',
            },
          },
          immediateActions: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/RunbookStep',
            },
          },
          steps: {
            description:
              'Ordered steps of a runbook that is one procedure (seed 003 style).',
            type: 'array',
            items: {
              $ref: '#/components/schemas/RunbookStep',
            },
          },
          recovery: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/RunbookStep',
            },
          },
          rollback: {
            description:
              'Steps to undo, or a short instruction such as `page-oncall`.',
            oneOf: [
              {
                type: 'array',
                items: {
                  $ref: '#/components/schemas/RunbookStep',
                },
              },
              {
                type: 'string',
              },
            ],
          },
          escalation: {
            $ref: '#/components/schemas/RunbookEscalation',
          },
          postmortemQuestions: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
          links: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/RunbookLink',
            },
          },
          review: {
            $ref: '#/components/schemas/RunbookReview',
          },
        },
      },
      RunbookStep: {
        description:
          'One step of a runbook section. Exactly one of `run`, `verify`, `manual`.',
        type: 'object',
        properties: {
          title: {
            description: 'A short name for the step, shown in checklists.',
            type: 'string',
          },
          run: {
            description: 'A command to run (shell, kubectl, …).',
            type: 'string',
          },
          verify: {
            description: 'A command or expression that checks the state.',
            type: 'string',
          },
          expect: {
            description:
              'For `verify`: what the check should show when all is well.',
            type: 'string',
          },
          manual: {
            description: 'An instruction for a person, in Markdown.',
            type: 'string',
          },
          description: {
            description:
              'Why the step is there, or what to watch out for (Markdown).',
            type: 'string',
          },
          timeout: {
            description:
              'How long the step may take before escalating, e.g. `5m`.',
            type: 'string',
          },
        },
      },
      RunbookPrecondition: {
        description: 'Something to check before acting.',
        type: 'object',
        properties: {
          check: {
            type: 'string',
          },
          description: {
            type: 'string',
          },
        },
        required: ['check'],
      },
      RunbookEscalation: {
        description:
          'Who to call when the runbook does not resolve the problem.',
        type: 'object',
        properties: {
          contacts: {
            description: 'Entity refs or plain names, in order.',
            type: 'array',
            items: {
              type: 'string',
            },
          },
          after: {
            description:
              'Escalate when not mitigated after this long, e.g. `30m`.',
            type: 'string',
          },
          notes: {
            description:
              'Free text: paging policy, chat channel, … (Markdown).',
            type: 'string',
          },
        },
      },
      RunbookLink: {
        description: 'A link shown with the runbook.',
        type: 'object',
        properties: {
          title: {
            type: 'string',
          },
          url: {
            type: 'string',
          },
        },
        required: ['title', 'url'],
      },
      RunbookLocationState: {
        description:
          'Where runbooks are read from, and how the last reads went.',
        type: 'object',
        properties: {
          id: {
            description: "`entity:<entityRef>` for an entity's annotation.",
            type: 'string',
          },
          source: {
            description:
              "`entity`: an entity's annotation; `config`: a central repository.",
            type: 'string',
            enum: ['entity', 'config'],
          },
          target: {
            description: 'The URL, Git remote or path read.',
            type: 'string',
          },
          entityRef: {
            type: 'string',
          },
          revision: {
            description:
              'The commit of the last successful read, for `git` locations (reads through a URL reader keep only an ETag).',
            type: 'string',
          },
          lastAttemptAt: {
            type: 'string',
            format: 'date-time',
          },
          lastSuccessAt: {
            type: 'string',
            format: 'date-time',
          },
          lastError: {
            description: 'Why the last read failed; absent when it worked.',
            type: 'string',
          },
        },
        required: ['id', 'source', 'target'],
      },
      RunbookProblem: {
        description:
          'A problem found in a runbook file: an error rejects the runbook, a warning does not.',
        type: 'object',
        properties: {
          severity: {
            type: 'string',
            enum: ['error', 'warning'],
          },
          file: {
            description: 'The file, as the source names it (a path or a URL).',
            type: 'string',
          },
          line: {
            description: '1-based; 0 when the problem is about the whole file.',
            type: 'integer',
          },
          column: {
            type: 'integer',
          },
          message: {
            type: 'string',
          },
          runbook: {
            description: 'The runbook the problem belongs to, when known.',
            type: 'string',
          },
          entityRef: {
            description:
              "The entity a document names that its location may not speak for: it was left out, and the problem shows on that entity's page too.",
            type: 'string',
          },
        },
        required: ['severity', 'file', 'line', 'column', 'message'],
      },
      RunbookIndexStatus: {
        description: "The index state of one entity's runbooks.",
        type: 'object',
        properties: {
          locations: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/RunbookLocationState',
            },
          },
          problems: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/RunbookProblem',
            },
          },
        },
        required: ['locations', 'problems'],
      },
      PostmortemTime: {
        type: 'string',
        description:
          "An ISO 8601 time that starts with a date and `T` (`2026-11-20T09:02:00Z`); give the offset, since a time without one is read in the server's time zone. Stored and returned in UTC with milliseconds (`2026-11-20T09:02:00.000Z`).",
        pattern: '^\\d{4}-\\d{2}-\\d{2}T',
        example: '2026-11-20T09:02:00Z',
      },
      PostmortemActionItem: {
        type: 'object',
        properties: {
          id: {
            description:
              'Stable within its postmortem: send it back unchanged on update. Generated when absent.',
            type: 'string',
            pattern: '^[A-Za-z0-9_-]{1,40}$',
          },
          title: {
            type: 'string',
            minLength: 1,
            maxLength: 500,
          },
          type: {
            type: 'string',
            enum: ['prevent', 'mitigate', 'detect', 'process'],
          },
          owner: {
            description:
              'Who does it, free text (a team, a person, an entity ref).',
            type: 'string',
            maxLength: 255,
          },
          priority: {
            description: "The team's own scale, e.g. P1…P4 or high/medium/low.",
            type: 'string',
            maxLength: 32,
          },
          status: {
            default: 'open',
            type: 'string',
            enum: ['open', 'in-progress', 'done', 'wont-do'],
          },
          dueDate: {
            type: 'string',
            pattern: '^\\d{4}-\\d{2}-\\d{2}$',
          },
          trackerUrl: {
            type: 'string',
            maxLength: 2000,
            pattern: '^[hH][tT][tT][pP][sS]?:\\/\\/\\S+$',
          },
          runbook: {
            description: 'The runbook it changes, `namespace/name`.',
            type: 'string',
            pattern: '^[a-z0-9-]{1,63}\\/[a-z0-9-]{1,63}$',
          },
        },
        required: ['title', 'type'],
        additionalProperties: false,
      },
      ActionItemWithPostmortem: {
        description: 'An action item with the postmortem it belongs to.',
        allOf: [
          {
            $ref: '#/components/schemas/PostmortemActionItem',
          },
          {
            type: 'object',
            properties: {
              postmortemId: {
                type: 'string',
              },
              postmortemTitle: {
                type: 'string',
              },
              overdue: {
                description: 'Open and past its due date.',
                type: 'boolean',
              },
            },
            required: ['postmortemId', 'postmortemTitle', 'overdue'],
          },
        ],
      },
      PostmortemContent: {
        description:
          'What people write in a postmortem: the body of POST /postmortems, and with `version` of PUT /postmortems/{id}. Only `title` is required. Strings are trimmed. Unknown fields, `status: published` without authors, a severity that is not configured and milestones out of order are refused, each named by its field in one 400.',
        type: 'object',
        properties: {
          title: {
            type: 'string',
            minLength: 1,
            maxLength: 300,
          },
          status: {
            default: 'draft',
            type: 'string',
            enum: ['draft', 'in-review', 'published'],
          },
          authors: {
            maxItems: 50,
            type: 'array',
            items: {
              description:
                'A user entity ref; a bare name is a user (`amara.okafor` → `user:default/amara.okafor`).',
              type: 'string',
              maxLength: 255,
            },
          },
          owner: {
            description:
              'A user or group entity ref; a bare name is a group, as in a catalog `spec.owner`.',
            type: 'string',
            maxLength: 255,
          },
          severity: {
            description: 'One of the configured severity ids, e.g. P1.',
            type: 'string',
            maxLength: 64,
          },
          category: {
            type: 'string',
            maxLength: 100,
          },
          entityRefs: {
            maxItems: 100,
            type: 'array',
            items: {
              description:
                'A catalog entity ref; a bare name is a component. It must name an entity the catalog knows.',
              type: 'string',
              maxLength: 255,
            },
          },
          alerts: {
            default: [],
            maxItems: 100,
            type: 'array',
            items: {
              type: 'string',
              maxLength: 200,
            },
          },
          runbooks: {
            default: [],
            maxItems: 100,
            type: 'array',
            items: {
              type: 'string',
              pattern: '^[a-z0-9-]{1,63}\\/[a-z0-9-]{1,63}$',
            },
          },
          milestones: {
            type: 'object',
            properties: {
              started: {
                type: 'string',
              },
              detected: {
                type: 'string',
              },
              acknowledged: {
                type: 'string',
              },
              mitigated: {
                type: 'string',
              },
              resolved: {
                type: 'string',
              },
            },
            additionalProperties: false,
            description:
              'ISO 8601 times; later milestones may not be before earlier ones.',
          },
          summary: {
            type: 'string',
            maxLength: 50000,
          },
          impact: {
            type: 'string',
            maxLength: 50000,
          },
          usersAffected: {
            type: 'integer',
            minimum: 0,
            maximum: 9007199254740991,
          },
          slaBreached: {
            type: 'boolean',
          },
          detection: {
            type: 'string',
            maxLength: 50000,
          },
          trigger: {
            type: 'string',
            maxLength: 50000,
          },
          rootCauses: {
            default: [],
            maxItems: 200,
            type: 'array',
            items: {
              type: 'string',
              maxLength: 5000,
            },
          },
          contributingFactors: {
            default: [],
            maxItems: 200,
            type: 'array',
            items: {
              type: 'string',
              maxLength: 5000,
            },
          },
          resolution: {
            type: 'string',
            maxLength: 50000,
          },
          lessons: {
            default: {
              wentWell: [],
              wentWrong: [],
              gotLucky: [],
            },
            type: 'object',
            properties: {
              wentWell: {
                default: [],
                maxItems: 200,
                type: 'array',
                items: {
                  type: 'string',
                  maxLength: 5000,
                },
              },
              wentWrong: {
                default: [],
                maxItems: 200,
                type: 'array',
                items: {
                  type: 'string',
                  maxLength: 5000,
                },
              },
              gotLucky: {
                default: [],
                maxItems: 200,
                type: 'array',
                items: {
                  type: 'string',
                  maxLength: 5000,
                },
              },
            },
            additionalProperties: false,
          },
          timeline: {
            maxItems: 2000,
            type: 'array',
            items: {
              type: 'object',
              properties: {
                at: {
                  type: 'string',
                },
                event: {
                  type: 'string',
                  minLength: 1,
                  maxLength: 5000,
                },
                link: {
                  type: 'string',
                  maxLength: 2000,
                  pattern: '^[hH][tT][tT][pP][sS]?:\\/\\/\\S+$',
                },
              },
              required: ['at', 'event'],
              additionalProperties: false,
            },
          },
          actionItems: {
            default: [],
            maxItems: 500,
            type: 'array',
            items: {
              $ref: '#/components/schemas/PostmortemActionItem',
            },
          },
          incidentId: {
            description: 'The incident record it came from, when there is one.',
            type: 'string',
            maxLength: 100,
          },
        },
        required: ['title'],
        additionalProperties: false,
      },
      Postmortem: {
        description: 'A stored postmortem.',
        allOf: [
          {
            $ref: '#/components/schemas/PostmortemContent',
          },
          {
            type: 'object',
            properties: {
              id: {
                description: 'A UUID.',
                type: 'string',
              },
              version: {
                description:
                  'Increases with every change; an update names the version it was based on.',
                type: 'integer',
              },
              createdAt: {
                type: 'string',
                format: 'date-time',
              },
              createdBy: {
                description: 'The user entity ref of the creator.',
                type: 'string',
              },
              updatedAt: {
                type: 'string',
                format: 'date-time',
              },
              updatedBy: {
                description: 'The user entity ref of the last writer.',
                type: 'string',
              },
              publishedAt: {
                description:
                  'When it became `published`; only while it is published.',
                type: 'string',
                format: 'date-time',
              },
              timeToDetectMinutes: {
                description: 'detected − started, when both are known.',
                type: 'integer',
              },
              timeToResolveMinutes: {
                description: 'resolved − started, when both are known.',
                type: 'integer',
              },
            },
            required: [
              'id',
              'version',
              'createdAt',
              'createdBy',
              'updatedAt',
              'updatedBy',
            ],
          },
        ],
      },
      PostmortemUpdate: {
        description:
          'The body of PUT /postmortems/{id}: the whole PostmortemContent plus `version`. The server-managed fields of a Postmortem may be sent back as read; they are ignored.',
        type: 'object',
        properties: {
          title: {
            type: 'string',
            minLength: 1,
            maxLength: 300,
          },
          status: {
            default: 'draft',
            type: 'string',
            enum: ['draft', 'in-review', 'published'],
          },
          authors: {
            maxItems: 50,
            type: 'array',
            items: {
              description:
                'A user entity ref; a bare name is a user (`amara.okafor` → `user:default/amara.okafor`).',
              type: 'string',
              maxLength: 255,
            },
          },
          owner: {
            description:
              'A user or group entity ref; a bare name is a group, as in a catalog `spec.owner`.',
            type: 'string',
            maxLength: 255,
          },
          severity: {
            description: 'One of the configured severity ids, e.g. P1.',
            type: 'string',
            maxLength: 64,
          },
          category: {
            type: 'string',
            maxLength: 100,
          },
          entityRefs: {
            maxItems: 100,
            type: 'array',
            items: {
              description:
                'A catalog entity ref; a bare name is a component. It must name an entity the catalog knows.',
              type: 'string',
              maxLength: 255,
            },
          },
          alerts: {
            default: [],
            maxItems: 100,
            type: 'array',
            items: {
              type: 'string',
              maxLength: 200,
            },
          },
          runbooks: {
            default: [],
            maxItems: 100,
            type: 'array',
            items: {
              type: 'string',
              pattern: '^[a-z0-9-]{1,63}\\/[a-z0-9-]{1,63}$',
            },
          },
          milestones: {
            type: 'object',
            properties: {
              started: {
                type: 'string',
              },
              detected: {
                type: 'string',
              },
              acknowledged: {
                type: 'string',
              },
              mitigated: {
                type: 'string',
              },
              resolved: {
                type: 'string',
              },
            },
            additionalProperties: false,
            description:
              'ISO 8601 times; later milestones may not be before earlier ones.',
          },
          summary: {
            type: 'string',
            maxLength: 50000,
          },
          impact: {
            type: 'string',
            maxLength: 50000,
          },
          usersAffected: {
            type: 'integer',
            minimum: 0,
            maximum: 9007199254740991,
          },
          slaBreached: {
            type: 'boolean',
          },
          detection: {
            type: 'string',
            maxLength: 50000,
          },
          trigger: {
            type: 'string',
            maxLength: 50000,
          },
          rootCauses: {
            default: [],
            maxItems: 200,
            type: 'array',
            items: {
              type: 'string',
              maxLength: 5000,
            },
          },
          contributingFactors: {
            default: [],
            maxItems: 200,
            type: 'array',
            items: {
              type: 'string',
              maxLength: 5000,
            },
          },
          resolution: {
            type: 'string',
            maxLength: 50000,
          },
          lessons: {
            default: {
              wentWell: [],
              wentWrong: [],
              gotLucky: [],
            },
            type: 'object',
            properties: {
              wentWell: {
                default: [],
                maxItems: 200,
                type: 'array',
                items: {
                  type: 'string',
                  maxLength: 5000,
                },
              },
              wentWrong: {
                default: [],
                maxItems: 200,
                type: 'array',
                items: {
                  type: 'string',
                  maxLength: 5000,
                },
              },
              gotLucky: {
                default: [],
                maxItems: 200,
                type: 'array',
                items: {
                  type: 'string',
                  maxLength: 5000,
                },
              },
            },
            additionalProperties: false,
          },
          timeline: {
            maxItems: 2000,
            type: 'array',
            items: {
              type: 'object',
              properties: {
                at: {
                  type: 'string',
                },
                event: {
                  type: 'string',
                  minLength: 1,
                  maxLength: 5000,
                },
                link: {
                  type: 'string',
                  maxLength: 2000,
                  pattern: '^[hH][tT][tT][pP][sS]?:\\/\\/\\S+$',
                },
              },
              required: ['at', 'event'],
              additionalProperties: false,
            },
          },
          actionItems: {
            default: [],
            maxItems: 500,
            type: 'array',
            items: {
              $ref: '#/components/schemas/PostmortemActionItem',
            },
          },
          incidentId: {
            description: 'The incident record it came from, when there is one.',
            type: 'string',
            maxLength: 100,
          },
          version: {
            type: 'integer',
            minimum: 1,
            maximum: 9007199254740991,
            description:
              'The version the change is based on: the `version` of the postmortem as read. Not the current version is a 409.',
          },
          id: {
            description: 'Ignored, whatever its value.',
          },
          createdAt: {
            description: 'Ignored, whatever its value.',
          },
          createdBy: {
            description: 'Ignored, whatever its value.',
          },
          updatedAt: {
            description: 'Ignored, whatever its value.',
          },
          updatedBy: {
            description: 'Ignored, whatever its value.',
          },
          publishedAt: {
            description: 'Ignored, whatever its value.',
          },
          timeToDetectMinutes: {
            description: 'Ignored, whatever its value.',
          },
          timeToResolveMinutes: {
            description: 'Ignored, whatever its value.',
          },
        },
        required: ['title', 'version'],
        additionalProperties: false,
      },
      PostmortemAuditEntry: {
        description: 'One change to a postmortem, as the audit log keeps it.',
        type: 'object',
        properties: {
          at: {
            type: 'string',
            format: 'date-time',
          },
          actor: {
            description: 'The user entity ref of who made the change.',
            type: 'string',
          },
          action: {
            type: 'string',
            enum: ['create', 'update', 'delete'],
          },
          fields: {
            description: 'The top-level fields that changed.',
            type: 'array',
            items: {
              type: 'string',
            },
          },
          version: {
            description:
              'The version the change produced; for `delete`, the last version.',
            type: 'integer',
          },
        },
        required: ['at', 'actor', 'action', 'fields', 'version'],
      },
      BackupEventBatch: {
        description:
          'Backup runs and restore drills as the tools that ran them report them. All are checked first: one bad event is a 400 naming it, and nothing is stored.',
        type: 'object',
        properties: {
          events: {
            minItems: 1,
            maxItems: 500,
            type: 'array',
            items: {
              type: 'object',
              properties: {
                id: {
                  type: 'string',
                  pattern: '^[A-Za-z0-9._:@/-]{1,200}$',
                  description:
                    'Unique per event: the same id sent again changes nothing (retries are safe).',
                },
                type: {
                  type: 'string',
                  enum: ['backup', 'drill'],
                },
                entityRef: {
                  type: 'string',
                  maxLength: 255,
                  description:
                    'The catalog entity a recovery plan covers, e.g. resource:default/insights-postgres.',
                },
                component: {
                  description:
                    "The plan's component; may be left out when the entity is a component's own entityRef.",
                  type: 'string',
                  pattern: '^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$',
                },
                job: {
                  description: 'The backup job, e.g. full, diff, wal.',
                  type: 'string',
                  maxLength: 63,
                },
                startedAt: {
                  type: 'string',
                },
                finishedAt: {
                  type: 'string',
                },
                result: {
                  type: 'string',
                  enum: ['success', 'failure', 'running'],
                },
                sizeBytes: {
                  type: 'integer',
                  minimum: 0,
                  maximum: 9007199254740991,
                },
                tool: {
                  type: 'string',
                  maxLength: 100,
                },
                message: {
                  type: 'string',
                  maxLength: 2000,
                },
                restoreSeconds: {
                  description:
                    'For a drill: how long the restore took, measured.',
                  type: 'number',
                  minimum: 0,
                },
                dataVerified: {
                  description:
                    'For a drill: whether the restored data checked out.',
                  type: 'boolean',
                },
                verification: {
                  description:
                    "How well it was proved: none, integrity (checksums read back: restic check, pgbackrest verify; not a restore), restored (to a scratch target), application (restored and the application's own checks passed). A drill that does not say is 'restored', or 'application' with dataVerified true.",
                  type: 'string',
                  enum: ['none', 'integrity', 'restored', 'application'],
                },
                restorableTo: {
                  description:
                    "For a backup: the latest point its copies restore to, when that is not when it finished (a replica's time minus its lag). A WAL archive's report is restorable to when it finished: when the archive's newest segment was seen.",
                  type: 'string',
                },
                restorableFrom: {
                  description:
                    'For a backup: the oldest point the repository could still restore to when this was reported (its oldest retained copy).',
                  type: 'string',
                },
              },
              required: ['id', 'type', 'entityRef', 'startedAt', 'result'],
              additionalProperties: false,
            },
          },
        },
        required: ['events'],
        additionalProperties: false,
      },
      BackupToolRun: {
        description:
          "One run of a backup tool as it was captured: what it printed (its JSON output) and its exit code, so that a run that failed before printing anything is reported too. The validator CLI's `report` command sends this.",
        type: 'object',
        properties: {
          tool: {
            type: 'string',
            maxLength: 100,
          },
          version: {
            type: 'string',
            maxLength: 200,
          },
          command: {
            description: 'The command that ran, for the record.',
            type: 'string',
            maxLength: 2000,
          },
          exitCode: {
            type: 'integer',
            minimum: -9007199254740991,
            maximum: 9007199254740991,
            description: "The command's exit code.",
          },
          startedAt: {
            type: 'string',
          },
          finishedAt: {
            type: 'string',
          },
          stdout: {
            type: 'string',
            maxLength: 900000,
            description: 'What the command printed: its JSON output.',
          },
          stderr: {
            default: '',
            type: 'string',
            maxLength: 20000,
          },
        },
        required: ['exitCode', 'stdout'],
        additionalProperties: false,
      },
      IncidentDeclaration: {
        description:
          'POST /incidents: an incident declared by a person. Only title and severity are required.',
        type: 'object',
        properties: {
          title: {
            type: 'string',
            minLength: 1,
            maxLength: 300,
          },
          severity: {
            type: 'string',
            minLength: 1,
            maxLength: 64,
            description: 'One of the configured severity ids, e.g. P1.',
          },
          summary: {
            type: 'string',
            maxLength: 50000,
          },
          entityRefs: {
            description:
              'The affected catalog entities; a bare name is a component.',
            maxItems: 50,
            type: 'array',
            items: {
              description:
                'A catalog entity ref; a bare name is a component. It must name an entity the catalog knows.',
              type: 'string',
              maxLength: 255,
            },
          },
          commander: {
            description:
              'The incident commander; by default the person declaring.',
            type: 'string',
            maxLength: 255,
          },
          runbooks: {
            default: [],
            maxItems: 50,
            type: 'array',
            items: {
              type: 'string',
              pattern: '^[a-z0-9-]{1,63}\\/[a-z0-9-]{1,63}$',
            },
          },
          links: {
            default: [],
            maxItems: 20,
            type: 'array',
            items: {
              type: 'object',
              properties: {
                kind: {
                  default: 'other',
                  type: 'string',
                  enum: ['chat', 'call', 'ticket', 'dashboard', 'other'],
                },
                title: {
                  type: 'string',
                  maxLength: 200,
                },
                url: {
                  type: 'string',
                  maxLength: 2000,
                  pattern: '^[hH][tT][tT][pP][sS]?:\\/\\/\\S+$',
                },
              },
              required: ['url'],
              additionalProperties: false,
            },
          },
          startedAt: {
            description:
              'When it started, if before it was declared; default now.',
            type: 'string',
          },
        },
        required: ['title', 'severity'],
        additionalProperties: false,
      },
      IncidentUpdate: {
        description:
          'PATCH /incidents/{id}: the fields to change, and the version the change is based on.',
        type: 'object',
        properties: {
          version: {
            type: 'integer',
            minimum: 1,
            maximum: 9007199254740991,
            description:
              'The version the change is based on; not the current version is a 409.',
          },
          title: {
            type: 'string',
            minLength: 1,
            maxLength: 300,
          },
          summary: {
            type: 'string',
            maxLength: 50000,
          },
          status: {
            type: 'string',
            enum: ['open', 'mitigated', 'resolved'],
          },
          severity: {
            type: 'string',
            minLength: 1,
            maxLength: 64,
          },
          reason: {
            description:
              'Why the severity or the status changed, for the timeline.',
            type: 'string',
            maxLength: 2000,
          },
          entityRefs: {
            maxItems: 50,
            type: 'array',
            items: {
              description:
                'A catalog entity ref; a bare name is a component. It must name an entity the catalog knows.',
              type: 'string',
              maxLength: 255,
            },
          },
          runbooks: {
            maxItems: 50,
            type: 'array',
            items: {
              type: 'string',
              pattern: '^[a-z0-9-]{1,63}\\/[a-z0-9-]{1,63}$',
            },
          },
          links: {
            maxItems: 20,
            type: 'array',
            items: {
              type: 'object',
              properties: {
                kind: {
                  default: 'other',
                  type: 'string',
                  enum: ['chat', 'call', 'ticket', 'dashboard', 'other'],
                },
                title: {
                  type: 'string',
                  maxLength: 200,
                },
                url: {
                  type: 'string',
                  maxLength: 2000,
                  pattern: '^[hH][tT][tT][pP][sS]?:\\/\\/\\S+$',
                },
              },
              required: ['url'],
              additionalProperties: false,
            },
          },
        },
        required: ['version'],
        additionalProperties: false,
      },
      IncidentRoleAssignmentInput: {
        description:
          'POST /incidents/{id}/roles: hand a role to someone; whoever held it hands over.',
        type: 'object',
        properties: {
          role: {
            type: 'string',
            minLength: 1,
            maxLength: 64,
            description: 'A configured role id, e.g. commander.',
          },
          user: {
            description:
              'A user entity ref; a bare name is a user (`amara.okafor` → `user:default/amara.okafor`).',
            type: 'string',
            maxLength: 255,
          },
        },
        required: ['role', 'user'],
        additionalProperties: false,
      },
      IncidentNoteInput: {
        description: 'POST /incidents/{id}/notes: a note on the timeline.',
        type: 'object',
        properties: {
          text: {
            type: 'string',
            minLength: 1,
            maxLength: 10000,
          },
          pinned: {
            default: false,
            type: 'boolean',
          },
        },
        required: ['text'],
        additionalProperties: false,
      },
      IncidentStatusUpdateInput: {
        description:
          'POST /incidents/{id}/status-updates: a tactical update (conditions, actions, needs).',
        type: 'object',
        properties: {
          conditions: {
            type: 'string',
            minLength: 1,
            maxLength: 5000,
            description: 'What is happening now.',
          },
          actions: {
            type: 'string',
            minLength: 1,
            maxLength: 5000,
            description: 'What is being done.',
          },
          needs: {
            description: 'What help is needed.',
            type: 'string',
            maxLength: 5000,
          },
        },
        required: ['conditions', 'actions'],
        additionalProperties: false,
      },
      IncidentTickInput: {
        description:
          'PUT /incidents/{id}/checklist: record (or clear) how one step of an attached runbook went.',
        type: 'object',
        properties: {
          runbook: {
            type: 'string',
            pattern: '^[a-z0-9-]{1,63}\\/[a-z0-9-]{1,63}$',
          },
          step: {
            type: 'string',
            pattern: '^[a-zA-Z]{1,40}\\[\\d{1,4}\\]$',
          },
          done: {
            type: 'boolean',
            description: 'Whether the step has an outcome: false clears it.',
          },
          outcome: {
            description:
              'How it went: `done` (the default), `skipped`, `failed` or `unhelpful` (carried out, and of no help).',
            type: 'string',
            enum: ['done', 'skipped', 'failed', 'unhelpful'],
          },
          note: {
            description: 'Why, in a line (what failed, why it was skipped).',
            type: 'string',
            maxLength: 500,
          },
        },
        required: ['runbook', 'step', 'done'],
        additionalProperties: false,
      },
      IncidentPinInput: {
        description: 'PUT /incidents/{id}/timeline/{eventId}/pin',
        type: 'object',
        properties: {
          pinned: {
            type: 'boolean',
          },
        },
        required: ['pinned'],
        additionalProperties: false,
      },
      AlertmanagerWebhook: {
        description:
          "Alertmanager's webhook payload (version 4), as Alertmanager sends it. Fields this version does not know are accepted and ignored.",
        type: 'object',
        properties: {
          version: {
            type: 'string',
            maxLength: 10,
          },
          groupKey: {
            type: 'string',
            minLength: 1,
            maxLength: 2000,
          },
          truncatedAlerts: {
            type: 'integer',
            minimum: 0,
            maximum: 9007199254740991,
          },
          status: {
            type: 'string',
            enum: ['firing', 'resolved'],
          },
          receiver: {
            type: 'string',
            maxLength: 500,
          },
          groupLabels: {
            default: {},
            type: 'object',
            additionalProperties: {
              type: 'string',
              maxLength: 2000,
            },
          },
          commonLabels: {
            default: {},
            type: 'object',
            additionalProperties: {
              type: 'string',
              maxLength: 2000,
            },
          },
          commonAnnotations: {
            default: {},
            type: 'object',
            additionalProperties: {
              type: 'string',
              maxLength: 2000,
            },
          },
          externalURL: {
            default: '',
            type: 'string',
            maxLength: 2000,
          },
          alerts: {
            minItems: 1,
            maxItems: 1000,
            type: 'array',
            items: {
              type: 'object',
              properties: {
                status: {
                  type: 'string',
                  enum: ['firing', 'resolved'],
                },
                labels: {
                  type: 'object',
                  additionalProperties: {
                    type: 'string',
                    maxLength: 2000,
                  },
                },
                annotations: {
                  default: {},
                  type: 'object',
                  additionalProperties: {
                    type: 'string',
                    maxLength: 2000,
                  },
                },
                startsAt: {
                  type: 'string',
                },
                endsAt: {
                  type: 'string',
                  maxLength: 64,
                },
                generatorURL: {
                  type: 'string',
                  maxLength: 2000,
                },
                fingerprint: {
                  type: 'string',
                  pattern: '^[0-9a-f]{1,64}$',
                },
              },
              required: ['status', 'labels', 'startsAt', 'fingerprint'],
              additionalProperties: {},
            },
          },
        },
        required: ['version', 'groupKey', 'status', 'receiver', 'alerts'],
        additionalProperties: {},
      },
      IncidentImport: {
        description:
          'POST /incidents/import: an incident with its history from another tool, imported once per externalId.',
        type: 'object',
        properties: {
          externalId: {
            type: 'string',
            pattern: '^[A-Za-z0-9._:@/-]{1,200}$',
            description:
              'The id in the tool it comes from: importing it again changes nothing.',
          },
          title: {
            type: 'string',
            minLength: 1,
            maxLength: 300,
          },
          severity: {
            type: 'string',
            minLength: 1,
            maxLength: 64,
          },
          summary: {
            type: 'string',
            maxLength: 50000,
          },
          status: {
            type: 'string',
            enum: ['open', 'mitigated', 'resolved'],
          },
          entityRefs: {
            maxItems: 50,
            type: 'array',
            items: {
              description:
                'A catalog entity ref; a bare name is a component. It must name an entity the catalog knows.',
              type: 'string',
              maxLength: 255,
            },
          },
          runbooks: {
            default: [],
            maxItems: 50,
            type: 'array',
            items: {
              type: 'string',
              pattern: '^[a-z0-9-]{1,63}\\/[a-z0-9-]{1,63}$',
            },
          },
          links: {
            default: [],
            maxItems: 20,
            type: 'array',
            items: {
              type: 'object',
              properties: {
                kind: {
                  default: 'other',
                  type: 'string',
                  enum: ['chat', 'call', 'ticket', 'dashboard', 'other'],
                },
                title: {
                  type: 'string',
                  maxLength: 200,
                },
                url: {
                  type: 'string',
                  maxLength: 2000,
                  pattern: '^[hH][tT][tT][pP][sS]?:\\/\\/\\S+$',
                },
              },
              required: ['url'],
              additionalProperties: false,
            },
          },
          milestones: {
            type: 'object',
            properties: {
              started: {
                type: 'string',
              },
              detected: {
                type: 'string',
              },
              acknowledged: {
                type: 'string',
              },
              mitigated: {
                type: 'string',
              },
              resolved: {
                type: 'string',
              },
            },
            required: ['started'],
            additionalProperties: false,
          },
          roles: {
            maxItems: 50,
            type: 'array',
            items: {
              type: 'object',
              properties: {
                role: {
                  type: 'string',
                  minLength: 1,
                  maxLength: 64,
                },
                user: {
                  description:
                    'A user entity ref; a bare name is a user (`amara.okafor` → `user:default/amara.okafor`).',
                  type: 'string',
                  maxLength: 255,
                },
                assumedAt: {
                  type: 'string',
                },
                handedOverAt: {
                  type: 'string',
                },
              },
              required: ['role', 'user', 'assumedAt'],
              additionalProperties: false,
            },
          },
          statusUpdates: {
            maxItems: 200,
            type: 'array',
            items: {
              type: 'object',
              properties: {
                at: {
                  type: 'string',
                },
                by: {
                  description:
                    'A user entity ref; a bare name is a user (`amara.okafor` → `user:default/amara.okafor`).',
                  type: 'string',
                  maxLength: 255,
                },
                conditions: {
                  type: 'string',
                  minLength: 1,
                  maxLength: 5000,
                },
                actions: {
                  type: 'string',
                  minLength: 1,
                  maxLength: 5000,
                },
                needs: {
                  type: 'string',
                  maxLength: 5000,
                },
              },
              required: ['at', 'by', 'conditions', 'actions'],
              additionalProperties: false,
            },
          },
          timeline: {
            maxItems: 2000,
            type: 'array',
            items: {
              type: 'object',
              properties: {
                at: {
                  type: 'string',
                },
                actor: {
                  type: 'string',
                  minLength: 1,
                  maxLength: 255,
                },
                type: {
                  default: 'note',
                  type: 'string',
                  enum: [
                    'note',
                    'status-changed',
                    'severity-changed',
                    'role-changed',
                    'alert-fired',
                    'alert-resolved',
                    'step-ticked',
                  ],
                },
                summary: {
                  type: 'string',
                  minLength: 1,
                  maxLength: 5000,
                },
                pinned: {
                  default: false,
                  type: 'boolean',
                },
              },
              required: ['at', 'actor', 'summary'],
              additionalProperties: false,
            },
          },
          checklist: {
            description:
              'How the steps of its runbooks went (each runbook must be in `runbooks`).',
            maxItems: 500,
            type: 'array',
            items: {
              type: 'object',
              properties: {
                runbook: {
                  type: 'string',
                  pattern: '^[a-z0-9-]{1,63}\\/[a-z0-9-]{1,63}$',
                },
                step: {
                  type: 'string',
                  pattern: '^[a-zA-Z]{1,40}\\[\\d{1,4}\\]$',
                },
                outcome: {
                  default: 'done',
                  type: 'string',
                  enum: ['done', 'skipped', 'failed', 'unhelpful'],
                },
                note: {
                  type: 'string',
                  maxLength: 500,
                },
                by: {
                  description:
                    'A user entity ref; a bare name is a user (`amara.okafor` → `user:default/amara.okafor`).',
                  type: 'string',
                  maxLength: 255,
                },
                at: {
                  type: 'string',
                },
              },
              required: ['runbook', 'step', 'by', 'at'],
              additionalProperties: false,
            },
          },
          alerts: {
            maxItems: 100,
            type: 'array',
            items: {
              type: 'object',
              properties: {
                fingerprint: {
                  type: 'string',
                  pattern: '^[0-9a-f]{1,64}$',
                },
                labels: {
                  type: 'object',
                  additionalProperties: {
                    type: 'string',
                    maxLength: 2000,
                  },
                },
                annotations: {
                  default: {},
                  type: 'object',
                  additionalProperties: {
                    type: 'string',
                    maxLength: 2000,
                  },
                },
                startsAt: {
                  type: 'string',
                },
                endsAt: {
                  type: 'string',
                },
                status: {
                  type: 'string',
                  enum: ['firing', 'resolved'],
                },
                verdict: {
                  description: 'What responders said it was.',
                  type: 'string',
                  enum: ['actionable', 'noise', 'duplicate'],
                },
              },
              required: ['fingerprint', 'labels', 'startsAt', 'status'],
              additionalProperties: false,
            },
          },
          groupKey: {
            type: 'string',
            minLength: 1,
            maxLength: 2000,
          },
          postmortem: {
            description:
              'The postmortem it led to, as POST /postmortems takes it.',
            type: 'object',
            additionalProperties: {},
          },
        },
        required: ['externalId', 'title', 'severity', 'status', 'milestones'],
        additionalProperties: false,
      },
      IncidentEvent: {
        description: "One event of an incident's timeline.",
        type: 'object',
        properties: {
          id: {
            type: 'integer',
          },
          at: {
            type: 'string',
            format: 'date-time',
          },
          type: {
            type: 'string',
            enum: [
              'declared',
              'alert-fired',
              'alert-resolved',
              'status-changed',
              'severity-changed',
              'role-changed',
              'runbook-attached',
              'step-ticked',
              'step-unticked',
              'alert-judged',
              'note',
              'status-update',
              'fields-changed',
              'postmortem-started',
              'postmortem-deleted',
            ],
          },
          actor: {
            description:
              'A user ref, or the service that acted (e.g. `alertmanager`).',
            type: 'string',
          },
          source: {
            type: 'string',
            enum: ['portal', 'alertmanager', 'system', 'api', 'mcp'],
          },
          summary: {
            description:
              'One line for people: "Severity P2 → P1: the replica is gone too".',
            type: 'string',
          },
          data: {
            description:
              'What changed, for filters and the postmortem: old and new values, the alert, the step.',
            type: 'object',
            additionalProperties: {},
          },
          pinned: {
            type: 'boolean',
          },
        },
        required: ['id', 'at', 'type', 'actor', 'source', 'summary', 'pinned'],
      },
      IncidentRoleAssignment: {
        description: 'A role held, from when to when.',
        type: 'object',
        properties: {
          role: {
            type: 'string',
          },
          user: {
            type: 'string',
          },
          assumedAt: {
            type: 'string',
            format: 'date-time',
          },
          handedOverAt: {
            description: 'When someone else took it over; absent while held.',
            type: 'string',
            format: 'date-time',
          },
          assignedBy: {
            type: 'string',
          },
        },
        required: ['role', 'user', 'assumedAt', 'assignedBy'],
      },
      IncidentAlert: {
        description:
          'An alert an incident holds, as Alertmanager last reported it.',
        type: 'object',
        properties: {
          fingerprint: {
            type: 'string',
          },
          alertName: {
            type: 'string',
          },
          status: {
            type: 'string',
            enum: ['resolved', 'firing'],
          },
          labels: {
            type: 'object',
            additionalProperties: {
              type: 'string',
            },
          },
          annotations: {
            type: 'object',
            additionalProperties: {
              type: 'string',
            },
          },
          startsAt: {
            type: 'string',
            format: 'date-time',
          },
          endsAt: {
            type: 'string',
            format: 'date-time',
          },
          generatorURL: {
            type: 'string',
          },
          verdict: {
            description: 'What a responder said it was, by whom and when.',
            type: 'string',
            enum: ['actionable', 'noise', 'duplicate'],
          },
          verdictBy: {
            type: 'string',
          },
          verdictAt: {
            type: 'string',
            format: 'date-time',
          },
        },
        required: [
          'fingerprint',
          'alertName',
          'status',
          'labels',
          'annotations',
          'startsAt',
        ],
      },
      IncidentRunbook: {
        description: 'A runbook attached to an incident.',
        type: 'object',
        properties: {
          namespace: {
            type: 'string',
          },
          name: {
            type: 'string',
          },
          title: {
            type: 'string',
          },
          attachedBy: {
            description:
              "`alert` when an alert's triggers matched it, else the person who attached it.",
            type: 'string',
          },
          attachedAt: {
            type: 'string',
            format: 'date-time',
          },
        },
        required: ['namespace', 'name', 'attachedBy', 'attachedAt'],
      },
      IncidentTick: {
        description: 'A ticked runbook step.',
        type: 'object',
        properties: {
          runbook: {
            type: 'string',
          },
          step: {
            type: 'string',
          },
          done: {
            type: 'boolean',
          },
          outcome: {
            description:
              'How the step went (`done` for ticks recorded before outcomes were).',
            type: 'string',
            enum: ['done', 'skipped', 'failed', 'unhelpful'],
          },
          note: {
            type: 'string',
          },
          by: {
            type: 'string',
          },
          at: {
            type: 'string',
            format: 'date-time',
          },
        },
        required: ['runbook', 'step', 'done', 'outcome', 'by', 'at'],
      },
      IncidentStatusUpdate: {
        description: 'A tactical status update.',
        type: 'object',
        properties: {
          id: {
            type: 'integer',
          },
          conditions: {
            type: 'string',
          },
          actions: {
            type: 'string',
          },
          needs: {
            type: 'string',
          },
          by: {
            type: 'string',
          },
          at: {
            type: 'string',
            format: 'date-time',
          },
        },
        required: ['id', 'conditions', 'actions', 'by', 'at'],
      },
      IncidentRole: {
        description: 'A role incidents have (`reliability.incidents.roles`).',
        type: 'object',
        properties: {
          id: {
            type: 'string',
          },
          title: {
            type: 'string',
          },
          lead: {
            description:
              'The one role that leads (exactly one: the commander by default).',
            type: 'boolean',
          },
          description: {
            type: 'string',
          },
        },
        required: ['id', 'title', 'lead'],
      },
      IncidentMetrics: {
        description:
          'MTTA, MTTR, incidents per week and availability over a window.',
        type: 'object',
        properties: {
          from: {
            type: 'string',
          },
          to: {
            type: 'string',
          },
          incidents: {
            type: 'integer',
          },
          mttaMinutes: {
            description: 'Mean time to acknowledge, in minutes.',
            type: 'number',
          },
          mttrMinutes: {
            description:
              'Mean time to recover (started → mitigated, else resolved), in minutes.',
            type: 'number',
          },
          mtbfMinutes: {
            description: 'Mean time between failures, in minutes.',
            type: 'number',
          },
          availability: {
            description:
              'MTBF / (MTBF + MTTR), as the Wesago handbook defines it.',
            type: 'number',
          },
          perWeek: {
            description:
              'Incidents started per week (weeks start on Monday, UTC), by severity.',
            type: 'array',
            items: {
              type: 'object',
              properties: {
                week: {
                  type: 'string',
                },
                counts: {
                  type: 'object',
                  additionalProperties: {
                    type: 'number',
                  },
                },
              },
              required: ['week', 'counts'],
            },
          },
        },
        required: ['from', 'to', 'incidents', 'perWeek'],
      },
      IncidentClassification: {
        description:
          "The severity helper's answer (`GET /incidents/classification`).",
        type: 'object',
        properties: {
          suggestion: {
            type: 'object',
            properties: {
              severity: {
                description:
                  'The suggested severity id; absent when nothing matched.',
                type: 'string',
              },
              reasons: {
                description: 'Why, in sentences people read.',
                type: 'array',
                items: {
                  type: 'string',
                },
              },
            },
            required: ['reasons'],
          },
          components: {
            description:
              "Components of the service's recovery plan with a degraded mode.",
            type: 'array',
            items: {
              type: 'string',
            },
          },
          guide: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                severity: {
                  type: 'string',
                },
                rules: {
                  type: 'array',
                  items: {
                    type: 'string',
                  },
                },
                degradedModes: {
                  description:
                    "The service's own degraded modes of this severity.",
                  type: 'array',
                  items: {
                    type: 'object',
                    properties: {
                      component: {
                        type: 'string',
                      },
                      impact: {
                        description: 'What stops working, when the plan says.',
                        type: 'string',
                      },
                      workaround: {
                        type: 'string',
                      },
                      severity: {
                        type: 'string',
                      },
                      plan: {
                        description: "The plan's title.",
                        type: 'string',
                      },
                    },
                    required: ['component', 'plan'],
                  },
                },
              },
              required: ['severity', 'rules', 'degradedModes'],
            },
          },
        },
        required: ['suggestion', 'components', 'guide'],
      },
      PostmortemDue: {
        description: 'A resolved incident that still needs its postmortem.',
        allOf: [
          {
            $ref: '#/components/schemas/IncidentSummary',
          },
          {
            type: 'object',
            properties: {
              postmortemDueAt: {
                description:
                  'Resolved + `reliability.incidents.postmortemDueDays` (5 by default).',
                type: 'string',
                format: 'date-time',
              },
              overdue: {
                type: 'boolean',
              },
            },
            required: ['postmortemDueAt', 'overdue'],
          },
        ],
      },
      AlertIntakeResult: {
        description:
          'What `POST /webhooks/alertmanager` did with a notification.',
        type: 'object',
        properties: {
          opened: {
            description: 'Incidents opened by it.',
            type: 'array',
            items: {
              type: 'string',
            },
          },
          updated: {
            description:
              'Incidents it changed (alerts joined, resolved, mitigated, reopened).',
            type: 'array',
            items: {
              type: 'string',
            },
          },
          unchanged: {
            description:
              'Alerts that changed nothing (repeats, or resolved with no incident).',
            type: 'number',
          },
        },
        required: ['opened', 'updated', 'unchanged'],
      },
      ComponentRecoveryStatus: {
        description:
          "One component's recovery state, from its plan and what was reported.",
        type: 'object',
        properties: {
          component: {
            type: 'string',
          },
          state: {
            $ref: '#/components/schemas/ComplianceState',
          },
          reasons: {
            description: 'Why, in sentences people read.',
            type: 'array',
            items: {
              type: 'string',
            },
          },
          findings: {
            description:
              'The breaches among the reasons, typed: what violation records are opened for.',
            type: 'array',
            items: {
              type: 'object',
              properties: {
                type: {
                  type: 'string',
                  enum: [
                    'rpo-breach',
                    'backup-failed',
                    'drill-stale',
                    'drill-failed',
                    'drill-over-rto',
                    'verification-below',
                  ],
                },
                detail: {
                  description: 'The reason, as in `reasons`.',
                  type: 'string',
                },
              },
              required: ['type', 'detail'],
            },
          },
          backup: {
            type: 'object',
            properties: {
              state: {
                $ref: '#/components/schemas/ComplianceState',
              },
              lastSuccessAt: {
                type: 'string',
                format: 'date-time',
              },
              lastAttemptAt: {
                type: 'string',
                format: 'date-time',
              },
              lastResult: {
                type: 'string',
                enum: ['success', 'failure', 'running'],
              },
              sizeBytes: {
                type: 'number',
              },
              tool: {
                type: 'string',
              },
              jobs: {
                description:
                  'Each scheduled job on its own schedule, when the reports name jobs.',
                type: 'array',
                items: {
                  type: 'object',
                  properties: {
                    job: {
                      type: 'string',
                    },
                    schedule: {
                      description:
                        'Its schedule, as people read it (`daily`, `cron 0 1 * * *`).',
                      type: 'string',
                    },
                    state: {
                      description:
                        '`ok`, `overdue` (past when its schedule says the next run is due), `unknown` (nothing reported under its name), `off` (`enabled: false`), or `not-checked` (planned, run by another team, continuous, manual).',
                      type: 'string',
                      enum: ['ok', 'unknown', 'overdue', 'off', 'not-checked'],
                    },
                    lastSuccessAt: {
                      type: 'string',
                      format: 'date-time',
                    },
                    dueAt: {
                      description:
                        'When the next good run is due by (with some grace).',
                      type: 'string',
                      format: 'date-time',
                    },
                  },
                  required: ['job', 'state'],
                },
              },
              ageSeconds: {
                description:
                  "Age of the latest point it restores to (the recoverable window's end): what a restore now would lose.",
                type: 'number',
              },
              rpoSeconds: {
                type: 'number',
              },
              window: {
                type: 'object',
                properties: {
                  from: {
                    type: 'string',
                  },
                  to: {
                    type: 'string',
                  },
                  job: {
                    description: 'The job that reaches `to`.',
                    type: 'string',
                  },
                },
                required: ['to'],
              },
              verification: {
                description:
                  'The latest check a backup reported of its own copies (`pgbackrest verify`).',
                type: 'object',
                properties: {
                  level: {
                    type: 'string',
                    enum: ['none', 'integrity', 'restored', 'application'],
                  },
                  at: {
                    type: 'string',
                  },
                },
                required: ['level', 'at'],
              },
            },
            required: ['state'],
          },
          drill: {
            type: 'object',
            properties: {
              state: {
                $ref: '#/components/schemas/ComplianceState',
              },
              lastAt: {
                type: 'string',
                format: 'date-time',
              },
              lastResult: {
                type: 'string',
                enum: ['success', 'failure', 'running'],
              },
              dataVerified: {
                type: 'boolean',
              },
              restoreSeconds: {
                type: 'number',
              },
              rtoSeconds: {
                type: 'number',
              },
              staleAfterSeconds: {
                type: 'number',
              },
              staleAt: {
                description:
                  'When the drill becomes stale without another: calendar-aware.',
                type: 'string',
                format: 'date-time',
              },
              verification: {
                description: 'How well the last drill proved its restore.',
                type: 'string',
                enum: ['none', 'integrity', 'restored', 'application'],
              },
              requiredVerification: {
                description:
                  'The level the plan requires of a drill for it to count.',
                type: 'string',
                enum: ['none', 'integrity', 'restored', 'application'],
              },
            },
            required: ['state'],
          },
        },
        required: ['component', 'state', 'reasons', 'backup'],
      },
      RecoveryPlanDocument: {
        description: 'A `reliability.io/v1alpha1` `RecoveryPlan` document.',
        type: 'object',
        properties: {
          apiVersion: {
            type: 'string',
            enum: ['reliability.io/v1alpha1'],
          },
          kind: {
            type: 'string',
            enum: ['RecoveryPlan'],
          },
          metadata: {
            type: 'object',
            properties: {
              name: {
                type: 'string',
              },
              namespace: {
                type: 'string',
              },
              title: {
                type: 'string',
              },
              description: {
                type: 'string',
              },
            },
            required: ['name'],
          },
          spec: {
            type: 'object',
            properties: {
              entityRefs: {
                description:
                  'The entities the plan covers; default: the annotating entity.',
                type: 'array',
                items: {
                  type: 'string',
                },
              },
              owner: {
                type: 'string',
              },
              rpo: {
                description:
                  'Objectives for the whole service, when it states one set.',
                type: 'string',
              },
              rto: {
                type: 'string',
              },
              dataTypes: {
                type: 'array',
                items: {
                  type: 'object',
                  properties: {
                    name: {
                      type: 'string',
                    },
                    description: {
                      type: 'string',
                    },
                    rpo: {
                      type: 'string',
                    },
                    rto: {
                      type: 'string',
                    },
                    rationale: {
                      type: 'string',
                    },
                    components: {
                      description:
                        "The plan's components that hold it: its RPO is judged from their backups.",
                      type: 'array',
                      items: {
                        type: 'string',
                      },
                    },
                    scenarios: {
                      description: "The plan's scenarios that concern it.",
                      type: 'array',
                      items: {
                        type: 'string',
                      },
                    },
                  },
                  required: ['name'],
                },
              },
              components: {
                type: 'array',
                items: {
                  type: 'object',
                  properties: {
                    name: {
                      description: 'Unique within the plan.',
                      type: 'string',
                    },
                    title: {
                      type: 'string',
                    },
                    entityRef: {
                      description:
                        'The catalog entity it is, usually a Resource.',
                      type: 'string',
                    },
                    data: {
                      description: 'What data it holds.',
                      type: 'string',
                    },
                    criticality: {
                      type: 'string',
                      enum: ['none', 'critical', 'high', 'moderate', 'low'],
                    },
                    stateless: {
                      description:
                        'The reason it needs no backup; present only for stateless components.',
                      type: 'string',
                    },
                    rpo: {
                      type: 'string',
                    },
                    rto: {
                      type: 'string',
                    },
                    replication: {
                      description:
                        'State kept by replication rather than backup (streaming, mirroring).',
                      type: 'object',
                      properties: {
                        method: {
                          type: 'string',
                        },
                        rpo: {
                          type: 'string',
                        },
                      },
                      required: ['method'],
                    },
                    backups: {
                      type: 'array',
                      items: {
                        type: 'object',
                        properties: {
                          name: {
                            description:
                              'Unique within the component: `full`, `diff`, `wal`, `nightly`.',
                            type: 'string',
                          },
                          type: {
                            description:
                              'What kind of copy: full, differential, incremental, snapshot, dump, WAL archive, …',
                            type: 'string',
                          },
                          tool: {
                            description:
                              'The tool that makes it: `pgbackrest`, `restic`, `velero`, `sqlite3 .backup`.',
                            type: 'string',
                          },
                          state: {
                            description:
                              '`active` (default), `planned` (not running yet), `external` (run by someone else).',
                            type: 'string',
                            enum: ['active', 'planned', 'external'],
                          },
                          enabled: {
                            description:
                              'False when the job exists but is switched off (a chart default, say).',
                            type: 'boolean',
                          },
                          schedule: {
                            description:
                              'A cron expression (`0 2 * * *`), an interval (`15m`), `continuous` or `manual`.',
                            type: 'string',
                          },
                          recommended: {
                            description:
                              'The schedule the handbook recommends, when it differs from `schedule` (or there is none yet).',
                            type: 'string',
                          },
                          optional: {
                            description:
                              'When the job is optional or conditional, in words.',
                            type: 'string',
                          },
                          note: {
                            description:
                              'Anything else the team writes about the job.',
                            type: 'string',
                          },
                          retention: {
                            description:
                              'How long or how many copies are kept, as the team says it.',
                            type: 'string',
                          },
                          destination: {
                            description:
                              'Where copies go: a bucket, a volume, a host.',
                            type: 'string',
                          },
                          offSite: {
                            description:
                              'Whether a copy leaves the site (off-site, cold storage).',
                            type: 'boolean',
                          },
                          encryption: {
                            description:
                              'How copies are encrypted (`aes-256-cbc`), or `none`.',
                            type: 'string',
                          },
                        },
                        required: ['name'],
                      },
                    },
                    drill: {
                      type: 'object',
                      properties: {
                        cadence: {
                          description:
                            'How often it runs, a duration: `7d`, `30d`.',
                          type: 'string',
                        },
                        staleAfter: {
                          description:
                            'After how long without a drill it counts as stale (default: cadence + 1 day).',
                          type: 'string',
                        },
                        runbook: {
                          description:
                            'The runbook that says how, `namespace/name` or `name`.',
                          type: 'string',
                        },
                        scenario: {
                          description:
                            "The scenario of the plan it exercises (by name): its restore time is judged against that scenario's RTO, not the component's.",
                          type: 'string',
                        },
                        checks: {
                          description:
                            'What "the restored data checked out" means.',
                          type: 'string',
                        },
                        environment: {
                          description:
                            'Where it runs: a scratch namespace, a container.',
                          type: 'string',
                        },
                        requiredVerification: {
                          description:
                            'The verification level a drill must reach to count (an integrity check is never a restore): `none`, `integrity`, `restored`, `application`.',
                          type: 'string',
                          enum: [
                            'none',
                            'integrity',
                            'restored',
                            'application',
                          ],
                        },
                      },
                      required: ['cadence'],
                    },
                    exclusions: {
                      description:
                        'What must deliberately not be backed up, and why.',
                      type: 'array',
                      items: {
                        type: 'string',
                      },
                    },
                  },
                  required: ['name'],
                },
              },
              scenarios: {
                type: 'array',
                items: {
                  type: 'object',
                  properties: {
                    name: {
                      description:
                        '`pod-restart`, `node-loss`, `volume-loss`, `cluster-loss`, …',
                      type: 'string',
                    },
                    title: {
                      type: 'string',
                    },
                    rpo: {
                      type: 'string',
                    },
                    rto: {
                      type: 'string',
                    },
                    recovery: {
                      description:
                        'Whether the platform recovers by itself, people must act, or both (a person starts what then runs by itself).',
                      type: 'string',
                      enum: ['automatic', 'semi-automatic', 'manual'],
                    },
                    runbook: {
                      description:
                        'The runbook that restores it, `namespace/name` or `name`.',
                      type: 'string',
                    },
                    description: {
                      type: 'string',
                    },
                  },
                  required: ['name'],
                },
              },
              degradedModes: {
                type: 'array',
                items: {
                  type: 'object',
                  properties: {
                    component: {
                      description:
                        'A component of this plan, by name, or an entity ref.',
                      type: 'string',
                    },
                    impact: {
                      description:
                        'What stops working; some handbooks only name the part.',
                      type: 'string',
                    },
                    workaround: {
                      type: 'string',
                    },
                    runbook: {
                      description:
                        'The runbook to follow in that state, `namespace/name` or `name`.',
                      type: 'string',
                    },
                    severity: {
                      description:
                        'The severity of an incident in that state (a configured id).',
                      type: 'string',
                    },
                  },
                  required: ['component'],
                },
              },
            },
            required: ['components'],
          },
        },
        required: ['apiVersion', 'kind', 'metadata', 'spec'],
      },
      RecoveryOverview: {
        description:
          "Every component's recovery state across the catalog, and what no plan covers.",
        type: 'object',
        properties: {
          components: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                plan: {
                  type: 'object',
                  properties: {
                    namespace: {
                      type: 'string',
                    },
                    name: {
                      type: 'string',
                    },
                    title: {
                      type: 'string',
                    },
                  },
                  required: ['namespace', 'name', 'title'],
                },
                component: {
                  type: 'string',
                },
                title: {
                  type: 'string',
                },
                entityRef: {
                  type: 'string',
                },
                criticality: {
                  type: 'string',
                  enum: ['none', 'critical', 'high', 'moderate', 'low'],
                },
                owner: {
                  description:
                    "The owner of the component's entity, else the plan's owner.",
                  type: 'string',
                },
                system: {
                  description:
                    "The system of the component's entity, when it has one.",
                  type: 'string',
                },
                state: {
                  $ref: '#/components/schemas/ComplianceState',
                },
                reasons: {
                  type: 'array',
                  items: {
                    type: 'string',
                  },
                },
              },
              required: ['plan', 'component', 'title', 'state', 'reasons'],
            },
          },
          uncovered: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                entityRef: {
                  type: 'string',
                },
                title: {
                  type: 'string',
                },
                owner: {
                  type: 'string',
                },
                system: {
                  type: 'string',
                },
              },
              required: ['entityRef', 'title'],
            },
          },
          systems: {
            description:
              "Each system's overall state: the worst of its components'.",
            type: 'array',
            items: {
              type: 'object',
              properties: {
                system: {
                  description:
                    "The system's entity ref; absent for the components of no system.",
                  type: 'string',
                },
                state: {
                  $ref: '#/components/schemas/ComplianceState',
                },
                counts: {
                  description: 'How many of its components are in each state.',
                  type: 'object',
                  properties: {
                    ok: {
                      type: 'number',
                    },
                    violated: {
                      type: 'number',
                    },
                    stale: {
                      type: 'number',
                    },
                    'at-risk': {
                      type: 'number',
                    },
                    unknown: {
                      type: 'number',
                    },
                    unchecked: {
                      type: 'number',
                    },
                    'not-needed': {
                      type: 'number',
                    },
                  },
                },
                uncovered: {
                  description: 'Components of it that no plan covers.',
                  type: 'integer',
                },
              },
              required: ['state', 'counts', 'uncovered'],
            },
          },
        },
        required: ['components', 'uncovered', 'systems'],
      },
      RecoveryPlanHistory: {
        description: '`GET /recovery-plans/{namespace}/{name}/history`.',
        type: 'object',
        properties: {
          components: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                component: {
                  type: 'string',
                },
                events: {
                  description:
                    'Backup runs and restore drills, newest first (bounded).',
                  type: 'array',
                  items: {
                    $ref: '#/components/schemas/BackupEvent',
                  },
                },
                transitions: {
                  type: 'array',
                  items: {
                    type: 'object',
                    properties: {
                      from: {
                        description:
                          'Absent the first time the component was evaluated.',
                        $ref: '#/components/schemas/ComplianceState',
                      },
                      to: {
                        $ref: '#/components/schemas/ComplianceState',
                      },
                      at: {
                        type: 'string',
                      },
                      reasons: {
                        type: 'array',
                        items: {
                          type: 'string',
                        },
                      },
                      notified: {
                        description:
                          'Whether the owner was told (on becoming violated or stale).',
                        type: 'boolean',
                      },
                    },
                    required: ['to', 'at', 'reasons'],
                  },
                },
                violations: {
                  description:
                    'Its violations, newest first: open and resolved.',
                  type: 'array',
                  items: {
                    $ref: '#/components/schemas/RecoveryViolation',
                  },
                },
              },
              required: ['component', 'events', 'transitions'],
            },
          },
        },
        required: ['components'],
      },
      RecoveryFacts: {
        type: 'object',
        properties: {
          generatedAt: {
            type: 'string',
            format: 'date-time',
          },
          items: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                entityRef: {
                  type: 'string',
                },
                state: {
                  description:
                    'The worst state of the components that cover it.',
                  $ref: '#/components/schemas/ComplianceState',
                },
                plans: {
                  description: 'The plans that cover it, `namespace/name`.',
                  type: 'array',
                  items: {
                    type: 'string',
                  },
                },
                components: {
                  type: 'object',
                  additionalProperties: {
                    type: 'number',
                  },
                },
                maxBackupAgeSeconds: {
                  description:
                    'Age of the oldest "last good backup" among its components.',
                  type: 'number',
                },
                oldestDrillAt: {
                  description:
                    'The oldest "last drill" among its drilled components.',
                  type: 'string',
                  format: 'date-time',
                },
                reasons: {
                  type: 'array',
                  items: {
                    type: 'string',
                  },
                },
              },
              required: [
                'entityRef',
                'state',
                'plans',
                'components',
                'reasons',
              ],
            },
          },
        },
        required: ['generatedAt', 'items'],
      },
      RecoveryViolation: {
        description:
          "A breach of a recovery plan as a record: opened when the evaluation first finds it on a component, kept up to date while it lasts, resolved when the component's state recovers. Its owners are notified once when it opens and reminded while it stays open and unacknowledged.",
        type: 'object',
        properties: {
          id: {
            type: 'integer',
          },
          plan: {
            type: 'object',
            properties: {
              namespace: {
                type: 'string',
              },
              name: {
                type: 'string',
              },
              title: {
                type: 'string',
              },
            },
            required: ['namespace', 'name'],
          },
          component: {
            type: 'string',
          },
          componentTitle: {
            type: 'string',
          },
          entityRef: {
            description:
              "The component's entity, else the plan's first entity: who owns it.",
            type: 'string',
          },
          type: {
            type: 'string',
            enum: [
              'rpo-breach',
              'backup-failed',
              'drill-stale',
              'drill-failed',
              'drill-over-rto',
              'verification-below',
            ],
          },
          detail: {
            description: 'The latest reason, in words.',
            type: 'string',
          },
          openedAt: {
            type: 'string',
            format: 'date-time',
          },
          seenAt: {
            description:
              'When it was last found (the latest evaluation while open).',
            type: 'string',
            format: 'date-time',
          },
          resolvedAt: {
            type: 'string',
            format: 'date-time',
          },
          acknowledgement: {
            type: 'object',
            properties: {
              by: {
                description: "The user's entity ref.",
                type: 'string',
              },
              reason: {
                type: 'string',
              },
              at: {
                type: 'string',
              },
              until: {
                description: 'Reminders start again after this time.',
                type: 'string',
              },
            },
            required: ['by', 'reason', 'at'],
          },
          notifiedAt: {
            description: 'When the owners were told it opened.',
            type: 'string',
            format: 'date-time',
          },
          remindedAt: {
            description: 'When they were last reminded, and how often.',
            type: 'string',
            format: 'date-time',
          },
          reminders: {
            type: 'integer',
          },
        },
        required: [
          'id',
          'plan',
          'component',
          'type',
          'detail',
          'openedAt',
          'seenAt',
          'reminders',
        ],
      },
      RecoveryViolationList: {
        description: '`GET /recovery/violations`.',
        type: 'object',
        properties: {
          items: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/RecoveryViolation',
            },
          },
          totalCount: {
            type: 'integer',
          },
        },
        required: ['items', 'totalCount'],
      },
      BackupEvent: {
        description: 'A backup run or a restore drill, as reported.',
        type: 'object',
        properties: {
          id: {
            type: 'string',
          },
          type: {
            type: 'string',
            enum: ['backup', 'drill'],
          },
          entityRef: {
            type: 'string',
          },
          startedAt: {
            type: 'string',
          },
          result: {
            type: 'string',
            enum: ['success', 'failure', 'running'],
          },
          component: {
            type: 'string',
          },
          job: {
            type: 'string',
          },
          finishedAt: {
            type: 'string',
          },
          sizeBytes: {
            type: 'number',
          },
          tool: {
            type: 'string',
          },
          message: {
            type: 'string',
          },
          restoreSeconds: {
            type: 'number',
          },
          dataVerified: {
            type: 'boolean',
          },
          verification: {
            type: 'string',
            enum: ['none', 'integrity', 'restored', 'application'],
          },
          restorableTo: {
            type: 'string',
          },
          restorableFrom: {
            type: 'string',
          },
        },
        required: ['id', 'type', 'entityRef', 'startedAt', 'result'],
      },
      BackupSourceState: {
        description:
          "A backup source's last pass (a Prometheus, … that a backend module added), as `GET /backups/sources` shows it.",
        type: 'object',
        properties: {
          id: {
            type: 'string',
          },
          lastRunAt: {
            type: 'string',
            format: 'date-time',
          },
          lastSuccessAt: {
            description:
              'The last pass that read the source; a failed pass keeps it.',
            type: 'string',
            format: 'date-time',
          },
          lastError: {
            description: 'Why the last pass failed, or what it set aside.',
            type: 'string',
          },
          lastEvents: {
            description: 'Events the last successful pass read.',
            type: 'integer',
          },
          lastAccepted: {
            description: 'Of those, the events stored.',
            type: 'integer',
          },
          notes: {
            description:
              'What the source said besides its events (at most 50).',
            type: 'array',
            items: {
              type: 'string',
            },
          },
        },
        required: ['id', 'notes'],
      },
      IncidentPostmortemStart: {
        description:
          "What `POST /incidents/{id}/postmortem` did: the postmortem's id, new or the one it already had.",
        type: 'object',
        properties: {
          postmortemId: {
            type: 'string',
          },
          created: {
            description: 'False when the incident already had one.',
            type: 'boolean',
          },
        },
        required: ['postmortemId', 'created'],
      },
      BackupEventsSummary: {
        description: 'What `POST /backups/events` stored of a batch.',
        type: 'object',
        properties: {
          accepted: {
            description: 'Events stored now.',
            type: 'integer',
          },
          duplicates: {
            description:
              'Events already reported (the same id and content), changing nothing.',
            type: 'integer',
          },
        },
        required: ['accepted', 'duplicates'],
      },
      BackupImportSummary: {
        description:
          "What `POST /backups/import/{format}` read from a tool's output and stored.",
        allOf: [
          {
            $ref: '#/components/schemas/BackupEventsSummary',
          },
          {
            type: 'object',
            properties: {
              format: {
                description: "The importer's format, e.g. `pgbackrest`.",
                type: 'string',
              },
              events: {
                description: 'Backup events read from the output.',
                type: 'integer',
              },
              notes: {
                description:
                  'What else the output said, e.g. "stanza main: no valid backups yet".',
                type: 'array',
                items: {
                  type: 'string',
                },
              },
            },
            required: ['format', 'events', 'notes'],
          },
        ],
      },
      AlertCoverage: {
        description:
          'The alerting rules of every configured source against the runbooks, for one entity or for all the caller may see.',
        type: 'object',
        properties: {
          sources: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/AlertRuleSourceState',
            },
          },
          alerts: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/AlertCoverageEntry',
            },
          },
          deadTriggers: {
            description:
              'Empty until some source has been read: without rules every trigger would look dead.',
            type: 'array',
            items: {
              $ref: '#/components/schemas/DeadTrigger',
            },
          },
          totals: {
            type: 'object',
            properties: {
              alerts: {
                type: 'integer',
              },
              covered: {
                type: 'integer',
              },
              badLinks: {
                description:
                  'Of the alerts not covered, those whose `runbook_url` is a dead link of this portal or leads elsewhere.',
                type: 'integer',
              },
              deadTriggers: {
                type: 'integer',
              },
            },
            required: ['alerts', 'covered', 'badLinks', 'deadTriggers'],
          },
          generatedAt: {
            type: 'string',
            format: 'date-time',
          },
        },
        required: [
          'sources',
          'alerts',
          'deadTriggers',
          'totals',
          'generatedAt',
        ],
      },
      AlertCoverageEntry: {
        description:
          'One alerting rule against the runbooks: which runbooks answer it (their triggers match it), where its `runbook_url` leads, and whose it is.',
        type: 'object',
        properties: {
          rule: {
            $ref: '#/components/schemas/AlertRule',
          },
          source: {
            description: 'The rule source it was read from.',
            type: 'string',
          },
          runbooks: {
            description: 'The runbooks whose triggers match it.',
            type: 'array',
            items: {
              $ref: '#/components/schemas/CoverageRunbook',
            },
          },
          link: {
            description: 'Where its `runbook_url` leads.',
            type: 'string',
            enum: ['runbook', 'dead-link', 'foreign', 'missing'],
          },
          covered: {
            description:
              'A runbook answers it: a trigger matches, or its `runbook_url` leads to an indexed runbook of this portal.',
            type: 'boolean',
          },
          entityRefs: {
            description:
              'The entities it belongs to, as the Alertmanager bridge would match them.',
            type: 'array',
            items: {
              type: 'string',
            },
          },
          owners: {
            description: 'Their owners, from the catalog.',
            type: 'array',
            items: {
              type: 'string',
            },
          },
          because: {
            description: 'Why those entities, in words.',
            type: 'string',
          },
        },
        required: [
          'rule',
          'source',
          'runbooks',
          'link',
          'covered',
          'entityRefs',
          'owners',
        ],
      },
      AlertRule: {
        description:
          'An alerting rule as Prometheus (or Thanos, Mimir, VictoriaMetrics) holds it: its name, its group, its static labels and its `runbook_url`.',
        type: 'object',
        properties: {
          name: {
            description:
              "The alert's name (`alert:` in a rule file, `alertname` on the alert).",
            type: 'string',
          },
          group: {
            description: 'The rule group it is in.',
            type: 'string',
          },
          labels: {
            description:
              "The labels the rule sets; the alert's series add their own.",
            type: 'object',
            additionalProperties: {
              type: 'string',
            },
          },
          runbookUrl: {
            description: 'The `runbook_url` annotation, when the rule has one.',
            type: 'string',
          },
          summary: {
            description: 'The `summary` annotation, when the rule has one.',
            type: 'string',
          },
          file: {
            description:
              'The rule file and line it is written on, when read from a file.',
            type: 'string',
          },
          line: {
            type: 'integer',
          },
          entityRefs: {
            description:
              'The entities whose runbook folder holds the rule file: what the rule is about when no runbook or label says.',
            type: 'array',
            items: {
              type: 'string',
            },
          },
        },
        required: ['name', 'group', 'labels'],
      },
      AlertRuleSourceState: {
        description:
          "A rule source's last read (a Prometheus rules API, a rule file): when, whether it worked, and how many rules it holds; a failed read keeps the last good rules.",
        type: 'object',
        properties: {
          id: {
            type: 'string',
          },
          entityRef: {
            description:
              "For the rule files in an entity's runbook folder: the entity, and the folder as its annotation names it.",
            type: 'string',
          },
          target: {
            type: 'string',
          },
          lastRunAt: {
            type: 'string',
            format: 'date-time',
          },
          lastSuccessAt: {
            type: 'string',
            format: 'date-time',
          },
          lastError: {
            description: 'Why the last read failed; absent when it worked.',
            type: 'string',
          },
          rules: {
            description: 'The alerting rules of the last good read.',
            type: 'integer',
          },
        },
        required: ['id'],
      },
      DeadTrigger: {
        description:
          'A runbook trigger that no alerting rule of any source fires.',
        type: 'object',
        properties: {
          runbook: {
            $ref: '#/components/schemas/CoverageRunbook',
          },
          alertName: {
            type: 'string',
          },
          labels: {
            type: 'object',
            additionalProperties: {
              type: 'string',
            },
          },
          entityRefs: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
        },
        required: ['runbook', 'alertName', 'entityRefs'],
      },
      CoverageRunbook: {
        description: 'A runbook as coverage names it.',
        type: 'object',
        properties: {
          namespace: {
            type: 'string',
          },
          name: {
            type: 'string',
          },
          title: {
            type: 'string',
          },
        },
        required: ['namespace', 'name', 'title'],
      },
      AlertCoverageDay: {
        description:
          "One day's alert coverage of one owner: the alerts of their entities, and how many of them a runbook answers. `owner` is `*` for every alert, and empty for those of entities without an owner.",
        type: 'object',
        properties: {
          day: {
            description: '`YYYY-MM-DD`, UTC.',
            type: 'string',
          },
          owner: {
            type: 'string',
          },
          alerts: {
            type: 'integer',
          },
          covered: {
            type: 'integer',
          },
        },
        required: ['day', 'owner', 'alerts', 'covered'],
      },
      RunbookStatistics: {
        description:
          "What the incidents that used a runbook say of it: each step's outcomes, the time to each, incidents mitigated with it attached and without it (those of its entities that did not attach it), and the steps that keep going wrong.",
        type: 'object',
        properties: {
          runbook: {
            description: '`namespace/name`.',
            type: 'string',
          },
          incidents: {
            description: 'Incidents it was attached to.',
            type: 'integer',
          },
          steps: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/RunbookStepStatistics',
            },
          },
          mitigation: {
            type: 'object',
            properties: {
              with: {
                $ref: '#/components/schemas/MitigationFigures',
              },
              without: {
                $ref: '#/components/schemas/MitigationFigures',
              },
            },
            required: ['with', 'without'],
          },
          patterns: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/StepPattern',
            },
          },
        },
        required: ['runbook', 'incidents', 'steps', 'mitigation', 'patterns'],
      },
      RunbookStepStatistics: {
        description:
          'How one runbook step went across the incidents that used the runbook.',
        type: 'object',
        properties: {
          step: {
            description: '`section[index]`, e.g. `steps[2]`.',
            type: 'string',
          },
          label: {
            description:
              "The step's title or first line, from the runbook as it is now.",
            type: 'string',
          },
          counts: {
            type: 'object',
            additionalProperties: {
              type: 'integer',
            },
          },
          medianMinutesFromStart: {
            description:
              "Median minutes from the incident's start to the step's outcome.",
            type: 'integer',
          },
          recent: {
            description: 'Its outcomes, newest first (the last 5).',
            type: 'array',
            items: {
              $ref: '#/components/schemas/StepOutcomeRecord',
            },
          },
        },
        required: ['step', 'counts', 'recent'],
      },
      StepOutcomeRecord: {
        description: 'One outcome of a step in one incident.',
        type: 'object',
        properties: {
          incidentId: {
            type: 'string',
          },
          reference: {
            description: '`INC-42`.',
            type: 'string',
          },
          outcome: {
            type: 'string',
            enum: ['done', 'skipped', 'failed', 'unhelpful'],
          },
          note: {
            type: 'string',
          },
          at: {
            type: 'string',
            format: 'date-time',
          },
        },
        required: ['incidentId', 'reference', 'outcome', 'at'],
      },
      MitigationFigures: {
        description: 'Incidents mitigated, and the median time it took.',
        type: 'object',
        properties: {
          incidents: {
            type: 'integer',
          },
          mitigated: {
            description: 'Of them, those mitigated (or resolved).',
            type: 'integer',
          },
          medianMinutes: {
            description:
              'Median minutes from start to mitigated (or resolved).',
            type: 'integer',
          },
        },
        required: ['incidents', 'mitigated'],
      },
      StepPattern: {
        description:
          'A step whose outcome went wrong in most of its last uses: "step 3 failed in 3 of the last 5 incidents". What the runbook\'s owner is told once.',
        type: 'object',
        properties: {
          step: {
            type: 'string',
          },
          label: {
            type: 'string',
          },
          outcome: {
            type: 'string',
            enum: ['skipped', 'failed', 'unhelpful'],
          },
          count: {
            description: 'How many of the last `of` outcomes were this one.',
            type: 'integer',
          },
          of: {
            type: 'integer',
          },
          incidents: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
        },
        required: ['step', 'outcome', 'count', 'of', 'incidents'],
      },
      IncidentAlertVerdictInput: {
        description:
          'PUT /incidents/{id}/alerts/{fingerprint}/verdict: what one alert of the incident was.',
        type: 'object',
        properties: {
          verdict: {
            description:
              '`actionable`, `noise` or `duplicate`; absent clears it.',
            type: 'string',
            enum: ['actionable', 'noise', 'duplicate'],
          },
        },
        additionalProperties: false,
      },
      AlertRuleFigures: {
        description:
          "One alert rule's figures from the incidents its alerts joined.",
        type: 'object',
        properties: {
          alertName: {
            type: 'string',
          },
          fired: {
            description: 'Alerts of it the incidents held.',
            type: 'integer',
          },
          actionable: {
            type: 'integer',
          },
          noise: {
            type: 'integer',
          },
          duplicate: {
            type: 'integer',
          },
          medianMinutesToAcknowledge: {
            description:
              "Median minutes from the alert firing to its incident's acknowledgement.",
            type: 'integer',
          },
        },
        required: ['alertName', 'fired', 'actionable', 'noise', 'duplicate'],
      },
      AlertFacts: {
        type: 'object',
        properties: {
          generatedAt: {
            type: 'string',
            format: 'date-time',
          },
          sourcesOk: {
            description: "Whether every rule source's last read worked.",
            type: 'boolean',
          },
          items: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/EntityAlertFacts',
            },
          },
        },
        required: ['generatedAt', 'sourcesOk', 'items'],
      },
      EntityAlertFacts: {
        description:
          "One entity's alert coverage, for scorecards (`GET /facts/alerts`): its alerting rules, how many a runbook answers, the names of those none does, and its runbooks' triggers that no rule fires.",
        type: 'object',
        properties: {
          entityRef: {
            type: 'string',
          },
          alerts: {
            type: 'integer',
          },
          covered: {
            type: 'integer',
          },
          coveragePercent: {
            description:
              '`covered` of `alerts` in percent, rounded down; 100 without alerts.',
            type: 'integer',
          },
          uncovered: {
            description: 'The alerts no runbook answers, by name.',
            type: 'array',
            items: {
              type: 'string',
            },
          },
          badLinks: {
            description:
              'Of those, the ones whose `runbook_url` is a dead link or leads elsewhere.',
            type: 'integer',
          },
          deadTriggers: {
            type: 'integer',
          },
        },
        required: [
          'entityRef',
          'alerts',
          'covered',
          'coveragePercent',
          'uncovered',
          'badLinks',
          'deadTriggers',
        ],
      },
      IncidentContext: {
        description:
          "What a commander needs beside the incident, when declaring or opening it (`GET /incidents/context`): the affected entities, those the catalog graph says depend on them or hold them (a bounded walk), each with its owner, runbooks and state of recovery; and the past incidents on the same entities or alerts, with their postmortems' open action items. Only what the caller may see in the catalog.",
        type: 'object',
        properties: {
          entities: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/IncidentContextEntity',
            },
          },
          truncated: {
            description:
              'The walk stopped at its bound: there is more of the graph.',
            type: 'boolean',
          },
          pastIncidents: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/IncidentContextPastIncident',
            },
          },
        },
        required: ['entities', 'truncated', 'pastIncidents'],
      },
      IncidentContextEntity: {
        description:
          "An entity of an incident's context, with what a commander asks of it.",
        type: 'object',
        properties: {
          entityRef: {
            type: 'string',
          },
          title: {
            description: '`metadata.title`, or its name.',
            type: 'string',
          },
          relation: {
            type: 'string',
            enum: ['affected', 'dependent', 'parent'],
          },
          depth: {
            description:
              'Steps from an affected entity: 0 for an affected one.',
            type: 'integer',
          },
          via: {
            description:
              'The entity the walk came from (none for an affected one).',
            type: 'string',
          },
          owner: {
            description: '`spec.owner` as a full ref.',
            type: 'string',
          },
          runbooks: {
            description: 'The runbooks serving it.',
            type: 'array',
            items: {
              $ref: '#/components/schemas/CoverageRunbook',
            },
          },
          recovery: {
            description: 'None when no recovery plan covers it.',
            type: 'object',
            properties: {
              state: {
                description:
                  'The worst state of the recovery plan components covering it.',
                $ref: '#/components/schemas/ComplianceState',
              },
              plans: {
                description: 'The plans covering it, `namespace/name`.',
                type: 'array',
                items: {
                  type: 'string',
                },
              },
              reasons: {
                type: 'array',
                items: {
                  type: 'string',
                },
              },
            },
            required: ['state', 'plans', 'reasons'],
          },
        },
        required: ['entityRef', 'title', 'relation', 'depth', 'runbooks'],
      },
      IncidentContextPastIncident: {
        description: 'An earlier incident on the same entities or alerts.',
        type: 'object',
        properties: {
          incident: {
            $ref: '#/components/schemas/IncidentSummary',
          },
          sharedEntityRefs: {
            description: 'The entities it shares with this one.',
            type: 'array',
            items: {
              type: 'string',
            },
          },
          sharedAlertNames: {
            description: 'The alert names it shares with this one.',
            type: 'array',
            items: {
              type: 'string',
            },
          },
          postmortem: {
            description: 'Its postmortem, with the action items not done yet.',
            type: 'object',
            properties: {
              id: {
                type: 'string',
              },
              title: {
                type: 'string',
              },
              status: {
                type: 'string',
              },
              openActionItems: {
                type: 'array',
                items: {
                  $ref: '#/components/schemas/PostmortemActionItem',
                },
              },
            },
            required: ['id', 'title', 'status', 'openActionItems'],
          },
        },
        required: ['incident', 'sharedEntityRefs', 'sharedAlertNames'],
      },
    },
  },
} as const;

/**
 * The router of the reliability API, typed by the document: a handler's
 * path parameters, query, body and response are the document's (a handler
 * cannot read a field it does not define, nor answer with a shape it does
 * not give), and a route that is not in openapi.yaml does not compile.
 */
export type SpecRouter = ApiRouter<TypedDocument>;

type Schemas = (typeof spec)['components']['schemas'];

/**
 * The document as the router's types read it: the records that extend
 * another (`allOf`) as one object each, which Backstage's types follow.
 */
type TypedDocument = Omit<typeof spec, 'components'> & {
  components: Omit<(typeof spec)['components'], 'schemas'> & {
    schemas: Omit<
      Schemas,
      | 'Incident'
      | 'RunbookDetails'
      | 'ActionItemWithPostmortem'
      | 'Postmortem'
      | 'PostmortemDue'
      | 'BackupImportSummary'
    > & {
      Incident: {
        description: 'An incident with everything it holds.';
        type: 'object';
        required: [
          'id',
          'number',
          'reference',
          'title',
          'status',
          'severity',
          'entityRefs',
          'milestones',
          'alertCount',
          'firingAlertCount',
          'createdAt',
          'createdBy',
          'updatedAt',
          'version',
          'links',
          'roles',
          'alerts',
          'runbooks',
          'checklist',
          'statusUpdates',
          'timeline',
        ];
        properties: {
          id: {
            type: 'string';
          };
          number: {
            description: 'The number people say: 42 in INC-42.';
            type: 'integer';
          };
          reference: {
            description: '`INC-42`.';
            type: 'string';
          };
          title: {
            type: 'string';
          };
          status: {
            type: 'string';
            enum: ['open', 'mitigated', 'resolved'];
          };
          severity: {
            type: 'string';
          };
          entityRefs: {
            type: 'array';
            items: {
              type: 'string';
            };
          };
          commander: {
            description: 'Who leads it now.';
            type: 'string';
          };
          milestones: {
            type: 'object';
            properties: {
              started: {
                type: 'string';
                format: 'date-time';
              };
              detected: {
                type: 'string';
                format: 'date-time';
              };
              acknowledged: {
                type: 'string';
                format: 'date-time';
              };
              mitigated: {
                type: 'string';
                format: 'date-time';
              };
              resolved: {
                type: 'string';
                format: 'date-time';
              };
            };
            required: ['started'];
          };
          postmortemId: {
            type: 'string';
          };
          statusUpdateDueAt: {
            description: 'When the next status update is due (open incidents of levels with a cadence).';
            type: 'string';
            format: 'date-time';
          };
          alertCount: {
            type: 'integer';
          };
          firingAlertCount: {
            type: 'integer';
          };
          createdAt: {
            type: 'string';
            format: 'date-time';
          };
          createdBy: {
            type: 'string';
          };
          imported: {
            description: 'Set when the record came from another tool (`POST /incidents/import`): its id there and who imported it. The people its history names were not signed in here; the importer vouches for them.';
            type: 'object';
            properties: {
              externalId: {
                type: 'string';
              };
              by: {
                type: 'string';
              };
            };
            required: ['externalId', 'by'];
          };
          updatedAt: {
            type: 'string';
            format: 'date-time';
          };
          version: {
            type: 'integer';
          };
          summary: {
            type: 'string';
          };
          links: {
            type: 'array';
            items: {
              type: 'object';
              properties: {
                kind: {
                  type: 'string';
                  enum: ['chat', 'call', 'ticket', 'dashboard', 'other'];
                };
                url: {
                  type: 'string';
                };
                title: {
                  type: 'string';
                };
              };
              required: ['kind', 'url'];
            };
          };
          roles: {
            type: 'array';
            items: {
              $ref: '#/components/schemas/IncidentRoleAssignment';
            };
          };
          alerts: {
            type: 'array';
            items: {
              $ref: '#/components/schemas/IncidentAlert';
            };
          };
          runbooks: {
            type: 'array';
            items: {
              $ref: '#/components/schemas/IncidentRunbook';
            };
          };
          checklist: {
            type: 'array';
            items: {
              $ref: '#/components/schemas/IncidentTick';
            };
          };
          statusUpdates: {
            type: 'array';
            items: {
              $ref: '#/components/schemas/IncidentStatusUpdate';
            };
          };
          timeline: {
            type: 'array';
            items: {
              $ref: '#/components/schemas/IncidentEvent';
            };
          };
        };
      };
      RunbookDetails: {
        description: 'One runbook with every section.';
        type: 'object';
        required: [
          'namespace',
          'name',
          'title',
          'entityRefs',
          'triggers',
          'sourceUrl',
          'sourceLine',
          'lastSyncedAt',
          'stale',
          'document',
        ];
        properties: {
          namespace: {
            description: "The runbook's `metadata.namespace` (`default` unless set).";
            type: 'string';
          };
          name: {
            type: 'string';
          };
          title: {
            description: '`metadata.title`, or the name.';
            type: 'string';
          };
          severity: {
            description: 'One of the configured severity ids, e.g. `P1`.';
            type: 'string';
          };
          category: {
            description: 'E.g. `backend`, `db`, `network`, `tls`, `storage`.';
            type: 'string';
          };
          owner: {
            type: 'string';
          };
          entityRefs: {
            description: 'Full refs, `kind:namespace/name`, lower-case.';
            type: 'array';
            items: {
              type: 'string';
            };
          };
          triggers: {
            type: 'array';
            items: {
              $ref: '#/components/schemas/RunbookTrigger';
            };
          };
          sourceUrl: {
            description: 'The file it came from: a URL to open in Git, or a path.';
            type: 'string';
          };
          sourceLine: {
            description: 'The line its document starts on in that file.';
            type: 'integer';
          };
          revision: {
            description: 'The commit or ETag of the copy served, when known.';
            type: 'string';
          };
          lastSyncedAt: {
            description: 'When this copy was read from its source.';
            type: 'string';
            format: 'date-time';
          };
          stale: {
            description: 'True when the latest read of its file failed and this is the last good copy, kept until the file is fixed.';
            type: 'boolean';
          };
          review: {
            description: 'The last review and its interval, for freshness.';
            $ref: '#/components/schemas/RunbookReview';
          };
          syncError: {
            description: "Present when the latest read of the runbook's location failed after this copy was read (Git down, …): when, and why.";
            type: 'object';
            properties: {
              at: {
                type: 'string';
                format: 'date-time';
              };
              message: {
                type: 'string';
              };
            };
            required: ['at', 'message'];
          };
          document: {
            $ref: '#/components/schemas/RunbookDocument';
          };
        };
      };
      ActionItemWithPostmortem: {
        description: 'An action item with the postmortem it belongs to.';
        type: 'object';
        required: [
          'title',
          'type',
          'postmortemId',
          'postmortemTitle',
          'overdue',
        ];
        properties: {
          id: {
            description: 'Stable within its postmortem: send it back unchanged on update. Generated when absent.';
            type: 'string';
            pattern: '^[A-Za-z0-9_-]{1,40}$';
          };
          title: {
            type: 'string';
            minLength: 1;
            maxLength: 500;
          };
          type: {
            type: 'string';
            enum: ['prevent', 'mitigate', 'detect', 'process'];
          };
          owner: {
            description: 'Who does it, free text (a team, a person, an entity ref).';
            type: 'string';
            maxLength: 255;
          };
          priority: {
            description: "The team's own scale, e.g. P1…P4 or high/medium/low.";
            type: 'string';
            maxLength: 32;
          };
          status: {
            default: 'open';
            type: 'string';
            enum: ['open', 'in-progress', 'done', 'wont-do'];
          };
          dueDate: {
            type: 'string';
            pattern: '^\\d{4}-\\d{2}-\\d{2}$';
          };
          trackerUrl: {
            type: 'string';
            maxLength: 2000;
            pattern: '^[hH][tT][tT][pP][sS]?:\\/\\/\\S+$';
          };
          runbook: {
            description: 'The runbook it changes, `namespace/name`.';
            type: 'string';
            pattern: '^[a-z0-9-]{1,63}\\/[a-z0-9-]{1,63}$';
          };
          postmortemId: {
            type: 'string';
          };
          postmortemTitle: {
            type: 'string';
          };
          overdue: {
            description: 'Open and past its due date.';
            type: 'boolean';
          };
        };
      };
      Postmortem: {
        description: 'A stored postmortem.';
        type: 'object';
        required: [
          'title',
          'id',
          'version',
          'createdAt',
          'createdBy',
          'updatedAt',
          'updatedBy',
        ];
        properties: {
          title: {
            type: 'string';
            minLength: 1;
            maxLength: 300;
          };
          status: {
            default: 'draft';
            type: 'string';
            enum: ['draft', 'in-review', 'published'];
          };
          authors: {
            maxItems: 50;
            type: 'array';
            items: {
              description: 'A user entity ref; a bare name is a user (`amara.okafor` → `user:default/amara.okafor`).';
              type: 'string';
              maxLength: 255;
            };
          };
          owner: {
            description: 'A user or group entity ref; a bare name is a group, as in a catalog `spec.owner`.';
            type: 'string';
            maxLength: 255;
          };
          severity: {
            description: 'One of the configured severity ids, e.g. P1.';
            type: 'string';
            maxLength: 64;
          };
          category: {
            type: 'string';
            maxLength: 100;
          };
          entityRefs: {
            maxItems: 100;
            type: 'array';
            items: {
              description: 'A catalog entity ref; a bare name is a component. It must name an entity the catalog knows.';
              type: 'string';
              maxLength: 255;
            };
          };
          alerts: {
            default: [];
            maxItems: 100;
            type: 'array';
            items: {
              type: 'string';
              maxLength: 200;
            };
          };
          runbooks: {
            default: [];
            maxItems: 100;
            type: 'array';
            items: {
              type: 'string';
              pattern: '^[a-z0-9-]{1,63}\\/[a-z0-9-]{1,63}$';
            };
          };
          milestones: {
            type: 'object';
            properties: {
              started: {
                type: 'string';
              };
              detected: {
                type: 'string';
              };
              acknowledged: {
                type: 'string';
              };
              mitigated: {
                type: 'string';
              };
              resolved: {
                type: 'string';
              };
            };
            additionalProperties: false;
            description: 'ISO 8601 times; later milestones may not be before earlier ones.';
          };
          summary: {
            type: 'string';
            maxLength: 50000;
          };
          impact: {
            type: 'string';
            maxLength: 50000;
          };
          usersAffected: {
            type: 'integer';
            minimum: 0;
            maximum: 9007199254740991;
          };
          slaBreached: {
            type: 'boolean';
          };
          detection: {
            type: 'string';
            maxLength: 50000;
          };
          trigger: {
            type: 'string';
            maxLength: 50000;
          };
          rootCauses: {
            default: [];
            maxItems: 200;
            type: 'array';
            items: {
              type: 'string';
              maxLength: 5000;
            };
          };
          contributingFactors: {
            default: [];
            maxItems: 200;
            type: 'array';
            items: {
              type: 'string';
              maxLength: 5000;
            };
          };
          resolution: {
            type: 'string';
            maxLength: 50000;
          };
          lessons: {
            default: {
              wentWell: [];
              wentWrong: [];
              gotLucky: [];
            };
            type: 'object';
            properties: {
              wentWell: {
                default: [];
                maxItems: 200;
                type: 'array';
                items: {
                  type: 'string';
                  maxLength: 5000;
                };
              };
              wentWrong: {
                default: [];
                maxItems: 200;
                type: 'array';
                items: {
                  type: 'string';
                  maxLength: 5000;
                };
              };
              gotLucky: {
                default: [];
                maxItems: 200;
                type: 'array';
                items: {
                  type: 'string';
                  maxLength: 5000;
                };
              };
            };
            additionalProperties: false;
          };
          timeline: {
            maxItems: 2000;
            type: 'array';
            items: {
              type: 'object';
              properties: {
                at: {
                  type: 'string';
                };
                event: {
                  type: 'string';
                  minLength: 1;
                  maxLength: 5000;
                };
                link: {
                  type: 'string';
                  maxLength: 2000;
                  pattern: '^[hH][tT][tT][pP][sS]?:\\/\\/\\S+$';
                };
              };
              required: ['at', 'event'];
              additionalProperties: false;
            };
          };
          actionItems: {
            default: [];
            maxItems: 500;
            type: 'array';
            items: {
              $ref: '#/components/schemas/PostmortemActionItem';
            };
          };
          incidentId: {
            description: 'The incident record it came from, when there is one.';
            type: 'string';
            maxLength: 100;
          };
          id: {
            description: 'A UUID.';
            type: 'string';
          };
          version: {
            description: 'Increases with every change; an update names the version it was based on.';
            type: 'integer';
          };
          createdAt: {
            type: 'string';
            format: 'date-time';
          };
          createdBy: {
            description: 'The user entity ref of the creator.';
            type: 'string';
          };
          updatedAt: {
            type: 'string';
            format: 'date-time';
          };
          updatedBy: {
            description: 'The user entity ref of the last writer.';
            type: 'string';
          };
          publishedAt: {
            description: 'When it became `published`; only while it is published.';
            type: 'string';
            format: 'date-time';
          };
          timeToDetectMinutes: {
            description: 'detected − started, when both are known.';
            type: 'integer';
          };
          timeToResolveMinutes: {
            description: 'resolved − started, when both are known.';
            type: 'integer';
          };
        };
      };
      PostmortemDue: {
        description: 'A resolved incident that still needs its postmortem.';
        type: 'object';
        required: [
          'id',
          'number',
          'reference',
          'title',
          'status',
          'severity',
          'entityRefs',
          'milestones',
          'alertCount',
          'firingAlertCount',
          'createdAt',
          'createdBy',
          'updatedAt',
          'version',
          'postmortemDueAt',
          'overdue',
        ];
        properties: {
          id: {
            type: 'string';
          };
          number: {
            description: 'The number people say: 42 in INC-42.';
            type: 'integer';
          };
          reference: {
            description: '`INC-42`.';
            type: 'string';
          };
          title: {
            type: 'string';
          };
          status: {
            type: 'string';
            enum: ['open', 'mitigated', 'resolved'];
          };
          severity: {
            type: 'string';
          };
          entityRefs: {
            type: 'array';
            items: {
              type: 'string';
            };
          };
          commander: {
            description: 'Who leads it now.';
            type: 'string';
          };
          milestones: {
            type: 'object';
            properties: {
              started: {
                type: 'string';
                format: 'date-time';
              };
              detected: {
                type: 'string';
                format: 'date-time';
              };
              acknowledged: {
                type: 'string';
                format: 'date-time';
              };
              mitigated: {
                type: 'string';
                format: 'date-time';
              };
              resolved: {
                type: 'string';
                format: 'date-time';
              };
            };
            required: ['started'];
          };
          postmortemId: {
            type: 'string';
          };
          statusUpdateDueAt: {
            description: 'When the next status update is due (open incidents of levels with a cadence).';
            type: 'string';
            format: 'date-time';
          };
          alertCount: {
            type: 'integer';
          };
          firingAlertCount: {
            type: 'integer';
          };
          createdAt: {
            type: 'string';
            format: 'date-time';
          };
          createdBy: {
            type: 'string';
          };
          imported: {
            description: 'Set when the record came from another tool (`POST /incidents/import`): its id there and who imported it. The people its history names were not signed in here; the importer vouches for them.';
            type: 'object';
            properties: {
              externalId: {
                type: 'string';
              };
              by: {
                type: 'string';
              };
            };
            required: ['externalId', 'by'];
          };
          updatedAt: {
            type: 'string';
            format: 'date-time';
          };
          version: {
            type: 'integer';
          };
          postmortemDueAt: {
            description: 'Resolved + `reliability.incidents.postmortemDueDays` (5 by default).';
            type: 'string';
            format: 'date-time';
          };
          overdue: {
            type: 'boolean';
          };
        };
      };
      BackupImportSummary: {
        description: "What `POST /backups/import/{format}` read from a tool's output and stored.";
        type: 'object';
        required: ['accepted', 'duplicates', 'format', 'events', 'notes'];
        properties: {
          accepted: {
            description: 'Events stored now.';
            type: 'integer';
          };
          duplicates: {
            description: 'Events already reported (the same id and content), changing nothing.';
            type: 'integer';
          };
          format: {
            description: "The importer's format, e.g. `pgbackrest`.";
            type: 'string';
          };
          events: {
            description: 'Backup events read from the output.';
            type: 'integer';
          };
          notes: {
            description: 'What else the output said, e.g. "stanza main: no valid backups yet".';
            type: 'array';
            items: {
              type: 'string';
            };
          };
        };
      };
    };
  };
};

/**
 * The router of the reliability API: every request is validated against the
 * document (path, query, body; unknown query parameters are refused) before
 * a handler runs, and a request that breaks it gets a 400 naming what is
 * wrong.
 */
export const createOpenApiRouter = async (options?: {
  middleware?: express.RequestHandler[];
}): Promise<SpecRouter> =>
  createValidatedOpenApiRouter(spec, {
    middleware: options?.middleware,
    validatorOptions: {
      // Who may call is decided by Backstage's auth (tokens or cookies) in
      // each handler, not by the document's security scheme.
      validateSecurity: false,
    },
  }) as unknown as SpecRouter;
