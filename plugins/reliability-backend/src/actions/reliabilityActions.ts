import type {
  AuthService,
  BackstageCredentials,
  DiscoveryService,
} from '@backstage/backend-plugin-api';
import type { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { NotAllowedError, ResponseError } from '@backstage/errors';

/**
 * The suite's answers and actions in Backstage's Actions Registry, served to
 * MCP clients by `@backstage/plugin-mcp-actions-backend`.
 *
 * Each action calls the plugin's own API with a token on behalf of the
 * caller — as the catalog's actions call the catalog — so it passes exactly
 * the checks a request from that user passes: the same permission policy,
 * the same catalog visibility, the same validation, the same audit event and
 * timeline entry (marked as coming through an agent: the API sees the user
 * with this plugin as the acting service). A caller that is not a user (a
 * machine token, another plugin on its own) is refused: an agent acts for a
 * person here, never on its own.
 */
export function registerReliabilityActions(options: {
  actionsRegistry: ActionsRegistryService;
  auth: AuthService;
  discovery: DiscoveryService;
}) {
  const { actionsRegistry, auth, discovery } = options;

  const call = async (
    credentials: BackstageCredentials,
    method: 'GET' | 'POST' | 'PUT' | 'PATCH',
    path: string,
    body?: unknown,
  ): Promise<any> => {
    if (!auth.isPrincipal(credentials, 'user')) {
      throw new NotAllowedError(
        'The reliability actions act for a signed-in user only',
      );
    }
    const { token } = await auth.getPluginRequestToken({
      onBehalfOf: credentials,
      targetPluginId: 'reliability',
    });
    const response = await fetch(
      `${await discovery.getBaseUrl('reliability')}${path}`,
      {
        method,
        headers: {
          Authorization: `Bearer ${token}`,
          ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      },
    );
    if (!response.ok) throw await ResponseError.fromResponse(response);
    return response.json();
  };
  const query = (params: Record<string, string | number | undefined>) => {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) {
      if (v !== undefined && v !== '') q.set(k, String(v));
    }
    const s = q.toString();
    return s ? `?${s}` : '';
  };
  const seg = encodeURIComponent;
  const read = { readOnly: true, destructive: false, idempotent: true };

  actionsRegistry.register({
    name: 'find-runbooks-for-alert',
    title: 'Find the runbooks for an alert',
    description: `Finds the runbooks that answer a Prometheus/Alertmanager alert, matched as the portal's Alertmanager bridge matches them: by the alert's name (its alertname label) and the labels a runbook's trigger names. Give the labels the alert carries (namespace, service, severity, ...) to narrow the match. Returns each runbook's namespace and name (use get-runbook for its steps), title, severity and the entities it serves. An empty list means no runbook answers the alert.`,
    attributes: read,
    schema: {
      input: z =>
        z.object({
          alertName: z
            .string()
            .min(1)
            .max(200)
            .describe('The alert name, e.g. PostgresDown'),
          labels: z
            .record(z.string(), z.string())
            .optional()
            .describe('The alert labels, e.g. { "namespace": "insights" }'),
        }),
      output: z =>
        z.object({
          runbooks: z.array(z.object({}).passthrough()),
        }),
    },
    examples: [
      {
        title: 'The runbook for a firing PostgresDown alert',
        input: { alertName: 'PostgresDown', labels: { namespace: 'insights' } },
      },
    ],
    action: async ({ input, credentials }) => {
      const answer = await call(
        credentials,
        'GET',
        `/runbooks/by-alert/${seg(input.alertName)}${query(
          input.labels ?? {},
        )}`,
      );
      return { output: { runbooks: answer.items } };
    },
  });

  actionsRegistry.register({
    name: 'list-entity-runbooks',
    title: "List a service's runbooks",
    description: `Lists the runbooks that serve a catalog entity (a component, resource or system), with their title, severity, alert triggers and freshness. The entity is an entity reference such as component:default/insights-api. Use get-runbook for one runbook's steps.`,
    attributes: read,
    schema: {
      input: z =>
        z.object({
          entityRef: z
            .string()
            .min(1)
            .describe(
              'An entity reference, e.g. component:default/insights-api',
            ),
        }),
      output: z => z.object({ runbooks: z.array(z.object({}).passthrough()) }),
    },
    action: async ({ input, credentials }) => {
      const answer = await call(
        credentials,
        'GET',
        `/runbooks${query({ entityRef: input.entityRef })}`,
      );
      return { output: { runbooks: answer.items } };
    },
  });

  actionsRegistry.register({
    name: 'get-runbook',
    title: 'Get a runbook with its steps',
    description: `Gets one runbook whole: summary, impact, symptoms, diagnosis, immediate actions, the numbered steps (each with its command, check or manual instruction), recovery, rollback, escalation and links. Steps are addressed as section[index], e.g. steps[0], when ticking them in an incident.`,
    attributes: read,
    schema: {
      input: z =>
        z.object({
          namespace: z.string().min(1).default('default'),
          name: z
            .string()
            .min(1)
            .describe('The runbook name, e.g. postgres-down'),
        }),
      output: z => z.object({ runbook: z.object({}).passthrough() }),
    },
    action: async ({ input, credentials }) => ({
      output: {
        runbook: await call(
          credentials,
          'GET',
          `/runbooks/${seg(input.namespace)}/${seg(input.name)}`,
        ),
      },
    }),
  });

  actionsRegistry.register({
    name: 'get-recovery-state',
    title: "Get a service's backup and recovery state",
    description: `Gets a catalog entity's recovery state from its recovery plans: each component (database, object store, secrets, ...) with its state (ok, violated, stale, unknown) against its RPO and RTO, its last good backup and its last restore drill; and the open violations (an RPO breach, an overdue drill) with since when.`,
    attributes: read,
    schema: {
      input: z =>
        z.object({
          entityRef: z
            .string()
            .min(1)
            .describe(
              'An entity reference, e.g. resource:default/insights-postgres',
            ),
        }),
      output: z =>
        z.object({
          plans: z.array(z.object({}).passthrough()),
          openViolations: z.array(z.object({}).passthrough()),
        }),
    },
    action: async ({ input, credentials }) => {
      const [plans, violations] = await Promise.all([
        call(
          credentials,
          'GET',
          `/recovery-plans${query({ entityRef: input.entityRef })}`,
        ),
        call(
          credentials,
          'GET',
          `/recovery/violations${query({
            entityRef: input.entityRef,
            state: 'open',
          })}`,
        ),
      ]);
      return {
        output: { plans: plans.items, openViolations: violations.items },
      };
    },
  });

  actionsRegistry.register({
    name: 'get-severity-guide',
    title: "Get a service's severity guide",
    description: `Gets what makes an incident on a service P1, P2, P3 or P4: the configured severity levels with their response targets, the rules that decide them, and the service's degraded modes (which component down means which severity). Give the answers you know (usersAffected: all, some, few, none; data: lost, at-risk, safe; workaround: true/false; componentDown: a component name) to get a suggested severity with its reasons.`,
    attributes: read,
    schema: {
      input: z =>
        z.object({
          entityRef: z.string().min(1),
          usersAffected: z.enum(['all', 'some', 'few', 'none']).optional(),
          data: z.enum(['lost', 'at-risk', 'safe']).optional(),
          workaround: z.boolean().optional(),
          componentDown: z.string().optional(),
        }),
      output: z => z.object({ guide: z.object({}).passthrough() }),
    },
    action: async ({ input, credentials }) => ({
      output: {
        guide: await call(
          credentials,
          'GET',
          `/incidents/classification${query({
            entityRef: input.entityRef,
            usersAffected: input.usersAffected,
            data: input.data,
            workaround:
              input.workaround === undefined
                ? undefined
                : String(input.workaround),
            componentDown: input.componentDown,
          })}`,
        ),
      },
    }),
  });

  actionsRegistry.register({
    name: 'list-incidents',
    title: 'List incidents',
    description: `Lists incidents, newest first: open ones by default. Each has its reference (INC-42), id, title, status (open, mitigated, resolved), severity, affected entities and commander. Use get-incident for one incident's timeline.`,
    attributes: read,
    schema: {
      input: z =>
        z.object({
          status: z
            .enum(['open', 'mitigated', 'resolved', 'all'])
            .default('open'),
          entityRef: z.string().optional(),
          severity: z.string().optional(),
          limit: z.number().int().min(1).max(100).default(20),
        }),
      output: z =>
        z.object({
          incidents: z.array(z.object({}).passthrough()),
          totalCount: z.number(),
        }),
    },
    action: async ({ input, credentials }) => {
      const answer = await call(
        credentials,
        'GET',
        `/incidents${query({
          status: input.status === 'all' ? undefined : input.status,
          entityRef: input.entityRef,
          severity: input.severity,
          limit: input.limit,
        })}`,
      );
      return {
        output: { incidents: answer.items, totalCount: answer.totalCount },
      };
    },
  });

  actionsRegistry.register({
    name: 'get-incident',
    title: 'Get an incident with its timeline',
    description: `Gets one incident by its reference (INC-42) or id: status, severity, entities, roles, the alerts it holds, the attached runbooks with the steps ticked and how they went, the status updates and the whole timeline (who did what, when).`,
    attributes: read,
    schema: {
      input: z =>
        z.object({
          incident: z.string().min(1).describe('INC-42, or the incident id'),
        }),
      output: z => z.object({ incident: z.object({}).passthrough() }),
    },
    action: async ({ input, credentials }) => ({
      output: {
        incident: await call(
          credentials,
          'GET',
          `/incidents/${seg(input.incident)}`,
        ),
      },
    }),
  });

  actionsRegistry.register({
    name: 'list-postmortems',
    title: "List a service's postmortems",
    description: `Lists the postmortems linked to a catalog entity, newest first, with their status (draft, in review, published), severity, summary and action items (each with its owner, due date and whether it is done).`,
    attributes: read,
    schema: {
      input: z =>
        z.object({
          entityRef: z.string().min(1),
          limit: z.number().int().min(1).max(50).default(10),
        }),
      output: z =>
        z.object({ postmortems: z.array(z.object({}).passthrough()) }),
    },
    action: async ({ input, credentials }) => {
      const answer = await call(
        credentials,
        'GET',
        `/postmortems${query({
          entityRef: input.entityRef,
          limit: input.limit,
        })}`,
      );
      return { output: { postmortems: answer.items } };
    },
  });

  // Writes: each as the user, through the same permission checks as the
  // portal; the timeline names the user, with the agent as the source.
  const write = (destructive: boolean, idempotent = false) => ({
    readOnly: false,
    destructive,
    idempotent,
  });
  const incidentOutput = (z: any) =>
    z.object({
      reference: z.string(),
      id: z.string(),
      status: z.string(),
      severity: z.string(),
      version: z.number(),
    });
  const summaryOf = (incident: any) => ({
    reference: incident.reference,
    id: incident.id,
    status: incident.status,
    severity: incident.severity,
    version: incident.version,
  });

  // An action that writes to one incident's `sub`-resource with the rest
  // of its input as the body, answering with the incident's summary.
  const onIncident =
    (method: 'POST' | 'PUT', sub: string) =>
    async ({
      input,
      credentials,
    }: {
      input: Record<string, unknown>;
      credentials: BackstageCredentials;
    }) => {
      const { incident, ...body } = input;
      return {
        output: summaryOf(
          await call(
            credentials,
            method,
            `/incidents/${seg(String(incident))}/${sub}`,
            body,
          ),
        ),
      };
    };

  actionsRegistry.register({
    name: 'declare-incident',
    title: 'Declare an incident',
    description: `Declares a new incident, with the calling user as its commander unless another is named. Give a short title, a severity (P1 to P4, see get-severity-guide), the affected entities (entity references) and, when known, the runbooks to attach (namespace/name, see find-runbooks-for-alert). Creates a record: ask the user before calling it.`,
    attributes: write(false),
    schema: {
      input: z =>
        z.object({
          title: z.string().min(1).max(200),
          severity: z.string().min(1).describe('P1, P2, P3 or P4'),
          summary: z.string().max(4000).optional(),
          entityRefs: z.array(z.string()).max(20).optional(),
          runbooks: z
            .array(z.string())
            .max(10)
            .optional()
            .describe('namespace/name, e.g. default/postgres-down'),
        }),
      output: incidentOutput,
    },
    action: async ({ input, credentials }) => ({
      output: summaryOf(await call(credentials, 'POST', '/incidents', input)),
    }),
  });

  actionsRegistry.register({
    name: 'add-incident-note',
    title: "Add a note to an incident's timeline",
    description: `Adds a note to an incident's timeline, under the calling user's name (what was seen, what was tried). Use add-incident-status-update for the regular update to stakeholders.`,
    attributes: write(false),
    schema: {
      input: z =>
        z.object({
          incident: z.string().min(1).describe('INC-42, or the incident id'),
          text: z.string().min(1).max(4000),
          pinned: z.boolean().optional(),
        }),
      output: incidentOutput,
    },
    action: onIncident('POST', 'notes'),
  });

  actionsRegistry.register({
    name: 'add-incident-status-update',
    title: 'Post a status update on an incident',
    description: `Posts the incident's status update for stakeholders, in three parts: the current conditions (what is broken, for whom), the actions under way, and what the responders need (optional).`,
    attributes: write(false),
    schema: {
      input: z =>
        z.object({
          incident: z.string().min(1),
          conditions: z.string().min(1).max(4000),
          actions: z.string().min(1).max(4000),
          needs: z.string().max(4000).optional(),
        }),
      output: incidentOutput,
    },
    action: onIncident('POST', 'status-updates'),
  });

  actionsRegistry.register({
    name: 'tick-runbook-step',
    title: 'Tick a runbook step in an incident',
    description: `Marks a step of a runbook attached to an incident as done (or not), with how it went: done, skipped, failed or unhelpful (did not help), and an optional note. The step is section[index] as get-runbook lists it, e.g. steps[0]; the runbook is namespace/name.`,
    attributes: write(true, true),
    schema: {
      input: z =>
        z.object({
          incident: z.string().min(1),
          runbook: z.string().min(1).describe('namespace/name'),
          step: z.string().min(1).describe('e.g. steps[0]'),
          done: z.boolean().default(true),
          outcome: z
            .enum(['done', 'skipped', 'failed', 'unhelpful'])
            .optional(),
          note: z.string().max(2000).optional(),
        }),
      output: incidentOutput,
    },
    action: onIncident('PUT', 'checklist'),
  });

  actionsRegistry.register({
    name: 'set-incident-severity',
    title: "Change an incident's severity",
    description: `Changes an incident's severity (P1 to P4) with the reason, which the timeline keeps with the user's name. Changes the record: ask the user before calling it.`,
    attributes: write(true, true),
    schema: {
      input: z =>
        z.object({
          incident: z.string().min(1),
          severity: z.string().min(1),
          reason: z.string().min(1).max(1000),
        }),
      output: incidentOutput,
    },
    action: async ({ input, credentials }) => {
      const path = `/incidents/${seg(input.incident)}`;
      const current = await call(credentials, 'GET', path);
      return {
        output: summaryOf(
          await call(credentials, 'PATCH', `/incidents/${seg(current.id)}`, {
            version: current.version,
            severity: input.severity,
            reason: input.reason,
          }),
        ),
      };
    },
  });

  actionsRegistry.register({
    name: 'start-postmortem',
    title: "Start an incident's postmortem",
    description: `Starts the postmortem of an incident: a draft pre-filled from it (milestones, pinned events, alerts, runbooks, the steps that failed), linked to the incident, or the one already started. Returns the postmortem's id.`,
    attributes: write(false, true),
    schema: {
      input: z => z.object({ incident: z.string().min(1) }),
      output: z =>
        z.object({ postmortemId: z.string(), incidentReference: z.string() }),
    },
    action: async ({ input, credentials }) => {
      const current = await call(
        credentials,
        'GET',
        `/incidents/${seg(input.incident)}`,
      );
      const answer = await call(
        credentials,
        'POST',
        `/incidents/${seg(current.id)}/postmortem`,
        {},
      );
      return {
        output: {
          postmortemId: answer.postmortemId,
          incidentReference: current.reference,
        },
      };
    },
  });
}
