import type {
  BackstageCredentials,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { InputError, NotAllowedError } from '@backstage/errors';
import { requirePermission } from '../auth/authorize';
import {
  type RecoveryPlanDetails,
  type RecoveryViolation,
  type RecoveryViolationList,
  reliabilityRecoveryEvidenceExportPermission,
  reliabilityRecoveryViolationAcknowledgePermission,
} from '@reliability-suite/plugin-reliability-common';
import type { CatalogVisibility } from '../auth/visibility';
import { isUser, readerCredentials } from '../auth/credentials';
import type { BackupEventStore } from '../backups/BackupEventStore';
import { entityRefParam } from '../service/params';
import type { RunbookStore } from '../runbooks/RunbookStore';
import type { SpecRouter } from '../schema/openapi/generated/router';
import type { RecoveryViolationStore } from './RecoveryViolationStore';
import { evidenceArchive } from './evidence';

/** A violation with its plan's and component's titles, as people read it. */
export function describeViolation(
  violation: RecoveryViolation,
  plan?: RecoveryPlanDetails,
): RecoveryViolation {
  const component = plan?.document.spec.components.find(
    c => c.name === violation.component,
  );
  return {
    ...violation,
    plan: { ...violation.plan, ...(plan ? { title: plan.title } : {}) },
    ...(component?.title ? { componentTitle: component.title } : {}),
  };
}

const DAY = 86400_000;

function dayParam(value: unknown, name: string): Date | undefined {
  if (value === undefined) return undefined;
  const text = String(value);
  const at = Date.parse(`${text}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text) || Number.isNaN(at)) {
    throw new InputError(`${name} must be a day, YYYY-MM-DD`);
  }
  return new Date(at);
}

/**
 * Violations of recovery plans (listed, acknowledged) and the evidence
 * export for auditors.
 */
export function registerViolationRoutes(
  router: SpecRouter,
  options: {
    httpAuth: HttpAuthService;
    permissions: PermissionsService;
    store: RunbookStore;
    eventStore: BackupEventStore;
    violationStore: RecoveryViolationStore;
    visibility: CatalogVisibility;
  },
) {
  const { httpAuth, permissions, store, eventStore, violationStore } = options;
  const { visibility } = options;

  const authorizeOn = async (
    credentials: BackstageCredentials,
    permission:
      | typeof reliabilityRecoveryViolationAcknowledgePermission
      | typeof reliabilityRecoveryEvidenceExportPermission,
    entityRef: string,
    refusal: string,
  ) =>
    requirePermission(permissions, credentials, permission, refusal, entityRef);

  router.get('/recovery/violations', async (req, res) => {
    const credentials = await readerCredentials(httpAuth, req);
    const state = (req.query.state as 'open' | 'resolved' | 'all') ?? 'open';
    const limit = Number(req.query.limit ?? 100);
    const entityRef =
      req.query.entityRef !== undefined
        ? entityRefParam(req.query.entityRef)
        : undefined;
    const plans = await visibility.visible(
      credentials,
      await store.listRecoveryPlans(entityRef ? { entityRef } : {}),
      p => p.entityRefs,
    );
    const byKey = new Map(plans.map(p => [`${p.namespace}/${p.name}`, p]));
    const all = (await violationStore.list({ state })).filter(v =>
      byKey.has(`${v.plan.namespace}/${v.plan.name}`),
    );
    const body: RecoveryViolationList = {
      items: all
        .slice(0, limit)
        .map(v =>
          describeViolation(v, byKey.get(`${v.plan.namespace}/${v.plan.name}`)),
        ),
      totalCount: all.length,
    };
    res.json(body);
  });

  router.post('/recovery/violations/:id/acknowledge', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    if (!isUser(credentials)) {
      throw new NotAllowedError(
        'A violation is acknowledged by a person, not by a token',
      );
    }
    const id = Number(req.params.id);
    const violation = await violationStore.get(id);
    const plan = await visibility.readable(
      credentials,
      await store.getRecoveryPlan(
        violation.plan.namespace,
        violation.plan.name,
      ),
      `recovery violation ${id}`,
    );
    const entityRef = violation.entityRef ?? plan.entityRefs[0];
    await authorizeOn(
      credentials,
      reliabilityRecoveryViolationAcknowledgePermission,
      entityRef,
      `You may not acknowledge violations of ${entityRef}`,
    );
    const now = new Date();
    const until =
      req.body.until !== undefined ? new Date(req.body.until) : undefined;
    if (until && until.getTime() <= now.getTime()) {
      throw new InputError('until must be in the future');
    }
    const acknowledged = await violationStore.acknowledge(
      id,
      {
        by: (credentials.principal as { userEntityRef: string }).userEntityRef,
        reason: String(req.body.reason).trim(),
        ...(until ? { until } : {}),
      },
      now,
    );
    res.json(describeViolation(acknowledged, plan));
  });

  router.get('/recovery/evidence', async (req, res) => {
    const credentials = await readerCredentials(httpAuth, req);
    const entityRef = entityRefParam(req.query.entityRef);
    const now = new Date();
    const to = dayParam(req.query.to, 'to') ?? new Date(now.getTime());
    const from =
      dayParam(req.query.from, 'from') ?? new Date(to.getTime() - 90 * DAY);
    // The period runs to the end of its last day.
    const until = new Date(
      Date.UTC(to.getUTCFullYear(), to.getUTCMonth(), to.getUTCDate()) + DAY,
    );
    if (from.getTime() >= until.getTime()) {
      throw new InputError('from must be before to');
    }
    const plans = await visibility.visible(
      credentials,
      await store.listRecoveryPlans({ entityRef }),
      p => p.entityRefs,
    );
    if (plans.length === 0) {
      throw new InputError(`No recovery plan covers ${entityRef}`);
    }
    await authorizeOn(
      credentials,
      reliabilityRecoveryEvidenceExportPermission,
      entityRef,
      `You may not export the recovery evidence of ${entityRef}`,
    );
    const archive = await evidenceArchive({
      entityRef,
      plans,
      from,
      until,
      generatedAt: now,
      eventStore,
      violationStore,
    });
    const name = `recovery-evidence-${entityRef.replace(
      /[^A-Za-z0-9._-]+/g,
      '-',
    )}-${from.toISOString().slice(0, 10)}-${new Date(until.getTime() - DAY)
      .toISOString()
      .slice(0, 10)}.tar`;
    res
      .status(200)
      .set('Content-Type', 'application/x-tar')
      .set('Content-Disposition', `attachment; filename="${name}"`)
      .set('Access-Control-Expose-Headers', 'Content-Disposition')
      .send(archive);
  });
}
