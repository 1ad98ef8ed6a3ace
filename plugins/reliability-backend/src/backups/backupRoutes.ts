import type {
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { InputError, NotAllowedError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  backupEventBatchSchema,
  type BackupEvent,
  describeIssues,
  reliabilityBackupReportPermission,
} from '@reliability-suite/plugin-reliability-common';
import { entityRefParam } from '../runbooks/runbookRoutes';
import type { RunbookStore } from '../runbooks/RunbookStore';
import type { SpecRouter } from '../schema/openapi/generated/router';
import type {
  DatabaseBackupEventStore,
  EventTarget,
} from './DatabaseBackupEventStore';

// Clocks differ a little between a backup host and the portal.
const CLOCK_SKEW_MS = 5 * 60 * 1000;

/**
 * The component of a recovery plan an event is about: named by the plan's
 * entity and the component's name, or by the component's own entity.
 */
async function resolveTarget(
  store: RunbookStore,
  event: BackupEvent,
  field: string,
): Promise<EventTarget> {
  const entityRef = entityRefParam(event.entityRef, `${field}.entityRef`);
  const plans = await store.listRecoveryPlans({ entityRef });
  const matches = plans.flatMap(plan =>
    plan.document.spec.components
      .filter(c =>
        event.component
          ? c.name === event.component
          : c.entityRef === entityRef,
      )
      .map(c => ({
        planNamespace: plan.namespace,
        planName: plan.name,
        component: c.name,
      })),
  );
  if (matches.length === 1) return matches[0];
  if (plans.length === 0) {
    throw new InputError(
      `${field}.entityRef: no recovery plan covers ${entityRef}`,
    );
  }
  const names = plans.flatMap(p =>
    p.document.spec.components.map(c => `${p.name}/${c.name}`),
  );
  if (matches.length === 0) {
    throw new InputError(
      event.component
        ? `${field}.component: no recovery plan covering ${entityRef} has a component ${
            event.component
          } (it has ${names.join(', ')})`
        : `${field}.component is required: ${entityRef} is not the entity of one component (components: ${names.join(
            ', ',
          )})`,
    );
  }
  throw new InputError(
    `${field}.component ${event.component} is in several plans covering ${entityRef}; name the component's own entity instead`,
  );
}

/**
 * `POST /backups/events`: backup runs and restore drills, as a CronJob or a
 * drill script reports them with a static token. All events are checked
 * before any is stored; an event id already stored changes nothing.
 */
export function registerBackupRoutes(
  router: SpecRouter,
  options: {
    httpAuth: HttpAuthService;
    permissions: PermissionsService;
    runbookStore: RunbookStore;
    eventStore: DatabaseBackupEventStore;
  },
) {
  const { httpAuth, permissions, runbookStore, eventStore } = options;

  router.post('/backups/events', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['service', 'user'],
    });
    const [decision] = await permissions.authorize(
      [{ permission: reliabilityBackupReportPermission }],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError('You may not report backups');
    }

    const parsed = backupEventBatchSchema.safeParse(req.body);
    if (!parsed.success) {
      throw new InputError(
        `Invalid backup events: ${describeIssues(parsed.error.issues)
          .slice(0, 10)
          .map(p => `${p.path} ${p.message}`)
          .join('; ')}`,
      );
    }
    const now = Date.now();
    const targets: Array<{ event: BackupEvent; target: EventTarget }> = [];
    for (const [i, event] of parsed.data.events.entries()) {
      const field = `events[${i}]`;
      for (const key of ['startedAt', 'finishedAt'] as const) {
        const value = event[key];
        if (value && Date.parse(value) > now + CLOCK_SKEW_MS) {
          throw new InputError(`${field}.${key} ${value} is in the future`);
        }
      }
      targets.push({
        event,
        target: await resolveTarget(runbookStore, event, field),
      });
    }
    const principal = credentials.principal as {
      type: string;
      userEntityRef?: string;
      subject?: string;
    };
    const result = await eventStore.add(targets, {
      reportedBy:
        principal.userEntityRef ?? principal.subject ?? principal.type,
      at: new Date(now),
    });
    res.json(result);
  });
}
