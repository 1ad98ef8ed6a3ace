import type { RunbookStore } from '../runbooks/RunbookStore';
import type {
  BackstageCredentials,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { InputError, NotAllowedError, NotFoundError } from '@backstage/errors';
import {
  AuthorizeResult,
  type BasicPermission,
  type ResourcePermission,
} from '@backstage/plugin-permission-common';
import {
  alertmanagerWebhookSchema,
  type ClassificationAnswers,
  describeIssues,
  incidentListQuerySchema,
  incidentDeclareSchema,
  incidentImportSchema,
  incidentNoteSchema,
  incidentPinSchema,
  incidentRoleAssignmentSchema,
  incidentStatusUpdateSchema,
  incidentAlertVerdictSchema,
  incidentTickSchema,
  incidentUpdateSchema,
  type IncidentRole,
  reliabilityIncidentAlertPermission,
  reliabilityIncidentCommandPermission,
  reliabilityIncidentContributePermission,
  reliabilityIncidentCreatePermission,
  reliabilityIncidentImportPermission,
  reliabilityIncidentUpdatePermission,
  reliabilityPostmortemCreatePermission,
  reliabilityPostmortemPublishPermission,
} from '@reliability-suite/plugin-reliability-common';
import type { PostmortemResource } from '@reliability-suite/plugin-reliability-node';
import type { PermissionRuleset } from '@backstage/plugin-permission-node';
import { requirePermission } from '../auth/authorize';
import { mayDoTo } from '../auth/conditions';
import type { z } from 'zod';
import { listPage } from '../paging';
import { entityRefParam, queryParams } from '../service/params';
import type { SpecRouter } from '../schema/openapi/generated/router';
import type { IncidentActor, IncidentStore } from './IncidentStore';
import type { IncidentService } from './IncidentService';
import type { IncidentContextService } from './IncidentContextService';
import {
  isUser,
  principalRef,
  readerCredentials,
  type ApiRequest,
} from '../auth/credentials';
import type { CatalogVisibility } from '../auth/visibility';

/**
 * Who acts: the user, or the service (a static token's subject). A user's
 * request this plugin made on their behalf came through its actions: an
 * agent (MCP) acting for the user.
 */
export function actorOf(credentials: BackstageCredentials): IncidentActor {
  const principal = credentials.principal as { actor?: { subject?: string } };
  let source: IncidentActor['source'] = 'api';
  if (isUser(credentials)) {
    source =
      principal.actor?.subject === 'plugin:reliability' ? 'mcp' : 'portal';
  }
  return { ref: principalRef(credentials), source, at: new Date() };
}

/** Parses a body with a record's schema: a 400 naming each field. */
function parse<S extends z.ZodType>(
  schema: S,
  body: unknown,
  what: string,
): z.output<S> {
  const result = schema.safeParse(body);
  if (!result.success) {
    throw new InputError(
      `Invalid ${what}: ${describeIssues(result.error.issues)
        .slice(0, 10)
        .map(p => (p.path ? `${p.path} ${p.message}` : p.message))
        .join('; ')}`,
    );
  }
  return result.data;
}

// The metrics' window and entity: the list's own parameters.
const metricsQuerySchema = incidentListQuerySchema.pick({
  entityRef: true,
  from: true,
  to: true,
});

const ID = /^([0-9a-f-]{36}|INC-\d{1,9})$/i;

/** An incident's id or reference (INC-42), or a 400 saying what it is not. */
function incidentIdParam(id: string, field = ''): string {
  if (!ID.test(id)) {
    throw new InputError(
      `${field}${JSON.stringify(
        id,
      )} is not an incident id or reference (INC-42)`,
    );
  }
  return id;
}

/**
 * The incident API: list, read, declare, change (versioned), roles, notes,
 * status updates, checklist ticks, pins, the postmortem; the severity
 * helper and figures; and Alertmanager's webhook.
 */
export function registerIncidentRoutes(
  router: SpecRouter,
  options: {
    httpAuth: HttpAuthService;
    permissions: PermissionsService;
    store: IncidentStore;
    service: IncidentService;
    roles: IncidentRole[];
    /** The postmortem rules as registered, for conditions on an import's postmortem. */
    postmortemRules: PermissionRuleset<PostmortemResource>;
    visibility: CatalogVisibility;
    runbookStore: RunbookStore;
    context: IncidentContextService;
  },
) {
  const { httpAuth, permissions, store, service, roles, visibility } = options;
  const reader = (req: ApiRequest) => readerCredentials(httpAuth, req);
  const writer = (req: ApiRequest) =>
    httpAuth.credentials(req, { allow: ['user'] });

  async function authorize(
    credentials: BackstageCredentials,
    permission: BasicPermission | ResourcePermission,
    what: string,
    resourceRef?: string,
  ) {
    await requirePermission(
      permissions,
      credentials,
      permission,
      `You may not ${what}`,
      resourceRef,
    );
  }

  // The incident named in the path (its id or INC-42), or a 404 / 400.
  function idOf(req: ApiRequest) {
    return incidentIdParam(req.params.id);
  }

  async function incidentOf(req: ApiRequest) {
    const id = idOf(req);
    const incident = await store.get(id);
    if (!incident) throw new NotFoundError(`No incident ${id}`);
    return incident;
  }

  // A write on one incident: the user, the permission on that incident.
  async function writeTo(
    req: ApiRequest,
    permission: ResourcePermission,
    what: string,
  ) {
    const credentials = await writer(req);
    const incident = await incidentOf(req);
    await authorize(credentials, permission, what, incident.id);
    return { incident, actor: actorOf(credentials) };
  }

  const publicView = <T extends { linkedOwners?: string[] }>(incident: T) => {
    const { linkedOwners: _, ...rest } = incident;
    return rest;
  };

  router.get('/incidents', async (req, res) => {
    const credentials = await reader(req);
    const q = queryParams(incidentListQuerySchema, req.query);
    const filter = {
      ...q,
      entityRef: q.entityRef ? entityRefParam(q.entityRef) : undefined,
      owner: q.owner ? entityRefParam(q.owner, 'owner') : undefined,
      // What names an entity the caller may not read is not listed; an
      // `entityRef` of a hidden entity answers as for an unknown one.
      hiddenEntityRefs: await visibility.hiddenAmong(credentials, () =>
        store.entityRefsInUse(),
      ),
    };
    res.json(await listPage(store, filter, req.query));
  });

  router.get('/incidents/alert-figures', async (req, res) => {
    await reader(req);
    const entityRef =
      req.query.entityRef === undefined
        ? undefined
        : entityRefParam(req.query.entityRef);
    res.json({
      items: await store.alertRuleFigures(entityRef ? { entityRef } : {}),
    });
  });

  router.get('/incidents/roles', async (req, res) => {
    await reader(req);
    res.json({ items: roles });
  });

  // The declare dialog's and the incident page's context; before
  // `/incidents/:id`, which would take "context" for an id.
  router.get('/incidents/context', async (req, res) => {
    const credentials = await reader(req);
    const list = (value: unknown) =>
      typeof value === 'string'
        ? value
            .split(',')
            .map(v => v.trim())
            .filter(Boolean)
        : [];
    const entityRefs = list(req.query.entityRefs).map((ref, i) =>
      entityRefParam(ref, `entityRefs[${i}]`),
    );
    const alertNames = list(req.query.alertNames);
    if (entityRefs.length > 50 || alertNames.length > 50) {
      throw new InputError('At most 50 entity refs and 50 alert names');
    }
    let excludeIncidentId: string | undefined;
    if (typeof req.query.exclude === 'string' && req.query.exclude) {
      excludeIncidentId = (
        await store.get(incidentIdParam(req.query.exclude, 'exclude '))
      )?.id;
    }
    res.json(
      await options.context.context(
        { entityRefs, alertNames, excludeIncidentId },
        credentials,
      ),
    );
  });

  router.get('/incidents/metrics', async (req, res) => {
    const credentials = await reader(req);
    const q = queryParams(metricsQuerySchema, req.query);
    const to = q.to ?? new Date().toISOString();
    const from =
      q.from ?? new Date(Date.parse(to) - 90 * 86400_000).toISOString();
    if (Date.parse(from) >= Date.parse(to)) {
      throw new InputError('from must be before to');
    }
    res.json(
      await service.metrics({
        entityRef: q.entityRef ? entityRefParam(q.entityRef) : undefined,
        from: new Date(from).toISOString(),
        to: new Date(to).toISOString(),
        // Counted over what the caller may see.
        hiddenEntityRefs: await visibility.hiddenAmong(credentials, () =>
          store.entityRefsInUse(),
        ),
      }),
    );
  });

  router.get('/incidents/postmortems-due', async (req, res) => {
    const credentials = await reader(req);
    res.json({
      items: await visibility.visible(
        credentials,
        await service.postmortemsDue(),
        i => i.entityRefs,
      ),
    });
  });

  // The severity helper, and "what makes an incident on this service P1".
  router.get('/incidents/classification', async (req, res) => {
    await reader(req);
    const q = req.query;
    const entityRef = q.entityRef ? entityRefParam(q.entityRef) : undefined;
    // The document gives each answer's values: the validator refused others.
    const answers: ClassificationAnswers = {
      ...(q.usersAffected ? { usersAffected: q.usersAffected } : {}),
      ...(q.data ? { data: q.data } : {}),
      ...(q.workaround ? { workaround: q.workaround === 'true' } : {}),
      ...(q.componentDown ? { componentDown: q.componentDown } : {}),
    };
    const suggestion = await service.classify(answers, entityRef);
    res.json({
      suggestion: {
        ...(suggestion.severity ? { severity: suggestion.severity } : {}),
        reasons: suggestion.reasons,
      },
      components: suggestion.components,
      guide: await service.guide(entityRef),
    });
  });

  router.post('/incidents', async (req, res) => {
    const credentials = await writer(req);
    await authorize(
      credentials,
      reliabilityIncidentCreatePermission,
      'declare incidents',
    );
    const input = parse(incidentDeclareSchema, req.body, 'incident');
    const incident = await service.declare(input, actorOf(credentials));
    res.status(201).json(publicView(incident));
  });

  // From another tool (or the demo), with its history: a service's token.
  router.post('/incidents/import', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['service', 'user'],
    });
    await authorize(
      credentials,
      reliabilityIncidentImportPermission,
      'import incidents',
    );
    const input = parse(incidentImportSchema, req.body, 'incident import');
    const { incident, created } = await service.importIncident(
      input,
      actorOf(credentials),
      {
        mayPublish: postmortem =>
          mayDoTo(
            permissions,
            credentials,
            reliabilityPostmortemPublishPermission,
            postmortem as PostmortemResource,
            options.postmortemRules,
          ),
      },
    );
    res.status(created ? 201 : 200).json(publicView(incident));
  });

  // With the ETag of the copy the page holds, an incident that has not
  // changed is a 304 read from its change mark, not the whole record (its
  // notes, timeline and updates) every few seconds.
  router.get('/incidents/:id', async (req, res) => {
    const credentials = await reader(req);
    const what = `incident ${req.params.id}`;
    // Read before the record: a change in between shows at the next ask.
    const marked = await visibility.readable(
      credentials,
      await store.changeMark(idOf(req)),
      what,
    );
    const etag = `"${marked.mark}"`;
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('ETag', etag);
    // The portal runs on another origin in development: let it read the tag.
    res.append('Access-Control-Expose-Headers', 'ETag');
    if (req.header('if-none-match') === etag) {
      res.status(304).end();
      return;
    }
    const incident = await visibility.readable(
      credentials,
      await incidentOf(req),
      what,
    );
    res.json(publicView(incident));
  });

  router.patch('/incidents/:id', async (req, res) => {
    const { incident, actor } = await writeTo(
      req,
      reliabilityIncidentUpdatePermission,
      'change this incident',
    );
    const patch = parse(incidentUpdateSchema, req.body, 'incident change');
    res.json(publicView(await service.update(incident.id, patch, actor)));
  });

  router.post('/incidents/:id/roles', async (req, res) => {
    const credentials = await writer(req);
    const incident = await incidentOf(req);
    const input = parse(incidentRoleAssignmentSchema, req.body, 'role');
    const role = roles.find(r => r.id === input.role);
    if (!role) {
      throw new InputError(
        `role ${JSON.stringify(input.role)} is not one of ${roles
          .map(r => r.id)
          .join(', ')}`,
      );
    }
    const actor = actorOf(credentials);
    // Taking command of an incident nobody leads is an action of its own:
    // it makes the caller commander and nothing else.
    const takingCommand =
      role.lead &&
      !incident.commander &&
      input.user.toLocaleLowerCase('en-US') ===
        actor.ref.toLocaleLowerCase('en-US');
    const decisions = await permissions.authorize(
      [
        {
          permission: reliabilityIncidentUpdatePermission,
          resourceRef: incident.id,
        },
        ...(takingCommand
          ? [
              {
                permission: reliabilityIncidentCommandPermission,
                resourceRef: incident.id,
              },
            ]
          : []),
      ],
      { credentials },
    );
    if (!decisions.some(d => d.result === AuthorizeResult.ALLOW)) {
      throw new NotAllowedError(
        takingCommand
          ? `You may not take command of ${incident.reference}`
          : `You may not change the roles of ${incident.reference}`,
      );
    }
    res.json(
      publicView(
        await service.assignRole(incident.id, role, input.user, actor),
      ),
    );
  });

  router.post('/incidents/:id/notes', async (req, res) => {
    const { incident, actor } = await writeTo(
      req,
      reliabilityIncidentContributePermission,
      'add to this incident',
    );
    const note = parse(incidentNoteSchema, req.body, 'note');
    res
      .status(201)
      .json(publicView(await service.addNote(incident.id, note, actor)));
  });

  router.post('/incidents/:id/status-updates', async (req, res) => {
    const { incident, actor } = await writeTo(
      req,
      reliabilityIncidentContributePermission,
      'add to this incident',
    );
    const update = parse(incidentStatusUpdateSchema, req.body, 'status update');
    res
      .status(201)
      .json(
        publicView(await service.addStatusUpdate(incident.id, update, actor)),
      );
  });

  router.put('/incidents/:id/checklist', async (req, res) => {
    const { incident, actor } = await writeTo(
      req,
      reliabilityIncidentContributePermission,
      'tick steps of this incident',
    );
    const tick = parse(incidentTickSchema, req.body, 'tick');
    res.json(publicView(await service.tick(incident, tick, actor)));
  });

  router.put('/incidents/:id/alerts/:fingerprint/verdict', async (req, res) => {
    const { incident, actor } = await writeTo(
      req,
      reliabilityIncidentContributePermission,
      'judge the alerts of this incident',
    );
    const { verdict } = parse(incidentAlertVerdictSchema, req.body, 'verdict');
    res.json(
      publicView(
        await service.judgeAlert(
          incident,
          req.params.fingerprint,
          verdict ?? null,
          actor,
        ),
      ),
    );
  });

  router.get('/runbooks/:namespace/:name/statistics', async (req, res) => {
    const credentials = await reader(req);
    const { namespace, name } = req.params;
    const runbook = await visibility.readable(
      credentials,
      await options.runbookStore.getRunbook(namespace, name),
      `runbook ${namespace}/${name}`,
    );
    const stats = await service.runbookStatistics(runbook);
    // The counts are the runbook's; which incidents they came from, and
    // their notes, only where the caller may read the incident's entities.
    const ids = [
      ...new Set(stats.steps.flatMap(s => s.recent.map(r => r.incidentId))),
    ];
    const incidents = (await store.getMany(ids)).flatMap(i => (i ? [i] : []));
    const seen = await visibility.visible(
      credentials,
      incidents,
      i => i.entityRefs,
    );
    if (seen.length === incidents.length) {
      res.json(stats);
      return;
    }
    const shownIds = new Set(seen.map(i => i.id));
    const shownRefs = new Set(seen.map(i => i.reference));
    res.json({
      ...stats,
      steps: stats.steps.map(s => ({
        ...s,
        recent: s.recent.filter(r => shownIds.has(r.incidentId)),
      })),
      patterns: stats.patterns.map(p => ({
        ...p,
        incidents: p.incidents.filter(ref => shownRefs.has(ref)),
      })),
    });
  });

  router.put('/incidents/:id/timeline/:eventId/pin', async (req, res) => {
    const { incident } = await writeTo(
      req,
      reliabilityIncidentContributePermission,
      'pin events of this incident',
    );
    const { pinned } = parse(incidentPinSchema, req.body, 'pin');
    const eventId = Number(req.params.eventId);
    if (!Number.isInteger(eventId) || eventId < 1) {
      throw new InputError('eventId must be a timeline event id');
    }
    res.json(publicView(await service.pin(incident.id, eventId, pinned)));
  });

  router.post('/incidents/:id/postmortem', async (req, res) => {
    const { incident, actor } = await writeTo(
      req,
      reliabilityIncidentUpdatePermission,
      'start the postmortem of this incident',
    );
    if (!incident.postmortemId) {
      await authorize(
        await writer(req),
        reliabilityPostmortemCreatePermission,
        'write postmortems',
      );
    }
    const { postmortemId, created } = await service.startPostmortem(
      incident,
      actor,
    );
    res.status(created ? 201 : 200).json({ postmortemId, created });
  });

  router.post('/webhooks/alertmanager', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['service', 'user'],
    });
    await authorize(
      credentials,
      reliabilityIncidentAlertPermission,
      'send alerts',
    );
    const payload = parse(alertmanagerWebhookSchema, req.body, 'notification');
    res.json(await service.receiveAlerts(payload, principalRef(credentials)));
  });
}
