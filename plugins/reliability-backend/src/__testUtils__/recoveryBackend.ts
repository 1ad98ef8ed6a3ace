import {
  coreServices,
  createBackendModule,
  createServiceFactory,
  type BackendFeature,
  type SchedulerService,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
  type TestDatabaseId,
  type TestDatabases,
} from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import {
  type CatalogService,
  catalogServiceRef,
} from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { notificationService } from '@backstage/plugin-notifications-node';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  type BackupEventSource,
  reliabilityBackupsExtensionPoint,
} from '@reliability-suite/plugin-reliability-node';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { JsonObject } from '@backstage/types';
import request from 'supertest';
import { reliabilityPlugin } from '../plugin';

// The full backup's daily run: 12 hours before the hour the tests run in.
// A fixed hour (it was 01:00) made a backup that finished 2 hours ago a
// missed run whenever the tests ran in the two hours after it.
const FULL_BACKUP_HOUR = (new Date().getUTCHours() + 12) % 24;

/**
 * The recovery plan of the backup tests: PostgreSQL backed up (its full
 * backup ran 12 to 13 hours ago, so that any backup of the last 12 hours is
 * on schedule), Redis not.
 */
export const TEST_PLAN = `apiVersion: reliability.io/v1alpha1
kind: RecoveryPlan
metadata: { name: insights-data }
spec:
  components:
    - name: postgres
      entityRef: resource:insights-postgres
      rpo: 24h
      rto: 30m
      backups:
        - { name: full, schedule: 0 ${FULL_BACKUP_HOUR} * * * }
        - { name: wal, type: WAL archive, schedule: continuous }
      drill: { cadence: 7d, staleAfter: 8d }
    - name: redis
      stateless: a cache
`;

const entities = (dir: string): Entity[] => [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'insights-api',
      namespace: 'default',
      annotations: {
        'backstage.io/managed-by-location': `file:${join(
          dir,
          'catalog-info.yaml',
        )}`,
        'reliability.io/runbooks': './runbooks',
      },
    },
    spec: { owner: 'platform-team', system: 'insights-platform' },
    // As the catalog's processors write them from spec.dependsOn and
    // spec.system (the web app depends on the API, the API on PostgreSQL);
    // the system itself is not in this catalog.
    relations: [
      { type: 'dependsOn', targetRef: 'resource:default/insights-postgres' },
      { type: 'dependencyOf', targetRef: 'component:default/insights-web' },
      { type: 'partOf', targetRef: 'system:default/insights-platform' },
    ],
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: { name: 'insights-postgres', namespace: 'default' },
    spec: { owner: 'platform-team', system: 'insights-platform' },
    relations: [
      { type: 'dependencyOf', targetRef: 'component:default/insights-api' },
      { type: 'partOf', targetRef: 'system:default/insights-platform' },
    ],
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'insights-web',
      namespace: 'default',
      title: 'Insights web app',
      // Another team's: the API's runbooks may name it, as in the demo.
      annotations: { 'reliability.io/runbooks-from': 'component:insights-api' },
    },
    spec: { owner: 'web-team', system: 'insights-platform' },
    relations: [
      { type: 'dependsOn', targetRef: 'component:default/insights-api' },
      { type: 'partOf', targetRef: 'system:default/insights-platform' },
    ],
  },
];

export const hoursAgo = (h: number) =>
  new Date(Date.now() - h * 3600_000).toISOString();

/** A backup of the plan's PostgreSQL that finished `finishedHoursAgo`. */
export const testBackup = (
  id: string,
  finishedHoursAgo: number,
  result = 'success',
) => ({
  id,
  type: 'backup',
  entityRef: 'resource:insights-postgres',
  job: 'full',
  startedAt: hoursAgo(finishedHoursAgo + 0.2),
  finishedAt: hoursAgo(finishedHoursAgo),
  result,
  sizeBytes: 7340032000,
  tool: 'pgbackrest',
});

/** A catalog policy that hides some entities from one user. */
export interface HiddenEntities {
  user: string;
  entityRefs: string[];
}

const hidesFrom = (hide: HiddenEntities | undefined, credentials: any) =>
  hide !== undefined && credentials?.principal?.userEntityRef === hide.user;

function decidingPermissions(
  decide: (
    permission: string,
    credentials: unknown,
  ) => AuthorizeResult.ALLOW | AuthorizeResult.DENY,
  hide?: HiddenEntities,
) {
  const permissions = mockServices.permissions.mock();
  permissions.authorize.mockImplementation(async (requests, opts) =>
    requests.map(r => ({
      result: decide(r.permission.name, opts?.credentials),
    })),
  );
  permissions.authorizeConditional.mockImplementation(
    async (requests, opts) =>
      requests.map(r =>
        // As the catalog's own conditional rules answer: decided per entity.
        r.permission.name === 'catalog.entity.read' &&
        hidesFrom(hide, opts?.credentials)
          ? {
              result: AuthorizeResult.CONDITIONAL,
              pluginId: 'catalog',
              resourceType: 'catalog-entity',
              conditions: { rule: 'IS_ENTITY_OWNER', params: {} },
            }
          : { result: decide(r.permission.name, opts?.credentials) },
      ) as any,
  );
  return permissions;
}

// The catalog as that user sees it: the hidden entities are not there.
function catalogHiding(catalog: CatalogService, hide?: HiddenEntities) {
  if (!hide) return catalog;
  return new Proxy(catalog, {
    get(target, key, receiver) {
      if (key === 'getEntitiesByRefs') {
        return async (refs: any, opts: any) => {
          const answer = await target.getEntitiesByRefs(refs, opts);
          if (!hidesFrom(hide, opts?.credentials)) return answer;
          return {
            items: answer.items.map((e, i) =>
              hide.entityRefs.includes(refs.entityRefs[i]) ? undefined : e,
            ),
          };
        };
      }
      const value = Reflect.get(target, key, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/**
 * A backend with the reliability plugin, a catalog holding the insights
 * entities, the recovery plan above indexed, a notification service that
 * records what is sent, and the plugin's scheduler for triggering its tasks.
 */
export async function startRecoveryBackend(
  databases: TestDatabases,
  databaseId: TestDatabaseId,
  options: {
    permission?: AuthorizeResult.ALLOW | AuthorizeResult.DENY;
    /** A decision per permission (and caller), instead of one for all. */
    decide?: (
      permission: string,
      credentials: unknown,
    ) => AuthorizeResult.ALLOW | AuthorizeResult.DENY;
    sources?: BackupEventSource[];
    features?: BackendFeature[];
    plan?: string;
    /** More files for the runbooks folder, by name. */
    files?: Record<string, string>;
    config?: JsonObject;
    /** The catalog hides these entities from this user. */
    hide?: HiddenEntities;
  } = {},
) {
  const dir = mkdtempSync(join(tmpdir(), 'recovery-backend-'));
  mkdirSync(join(dir, 'runbooks'));
  writeFileSync(join(dir, 'runbooks', 'plan.yaml'), options.plan ?? TEST_PLAN);
  for (const [name, text] of Object.entries(options.files ?? {})) {
    writeFileSync(join(dir, 'runbooks', name), text);
  }
  const knex = await databases.init(databaseId);
  const sent: Array<{ recipients: any; payload: any }> = [];
  let scheduler: SchedulerService | undefined;
  const { server } = await startTestBackend({
    features: [
      reliabilityPlugin,
      mockServices.database.factory({ knex }),
      options.decide || options.hide
        ? decidingPermissions(
            options.decide ??
              (() => options.permission ?? AuthorizeResult.ALLOW),
            options.hide,
          ).factory
        : mockServices.permissions.factory({
            result: options.permission ?? AuthorizeResult.ALLOW,
          }),
      createServiceFactory({
        service: catalogServiceRef,
        deps: {},
        factory: () =>
          catalogHiding(
            catalogServiceMock({ entities: entities(dir) }),
            options.hide,
          ),
      }),
      // The tests' machine token (mockCredentials.service()) reports for
      // the insights platform.
      mockServices.rootConfig.factory({
        data: {
          ...options.config,
          reliability: {
            // The tests change the policy's answer between requests of one
            // user: each decision is asked for, none kept.
            permissions: { decisionCacheSeconds: 0 },
            ...(options.config?.reliability as JsonObject | undefined),
            backups: {
              reporters: [
                {
                  subject: 'external:test-service',
                  systems: ['insights-platform'],
                },
              ],
              ...((options.config?.reliability as JsonObject | undefined)
                ?.backups as JsonObject | undefined),
            },
          },
        },
      }),
      createServiceFactory({
        service: notificationService,
        deps: {},
        factory: () => ({
          send: async (notification: any) => {
            sent.push(notification);
          },
        }),
      }),
      createBackendModule({
        pluginId: 'reliability',
        moduleId: 'test-hooks',
        register(reg) {
          reg.registerInit({
            deps: {
              backups: reliabilityBackupsExtensionPoint,
              pluginScheduler: coreServices.scheduler,
            },
            async init({ backups, pluginScheduler }) {
              scheduler = pluginScheduler;
              backups.addSource(...(options.sources ?? []));
            },
          });
        },
      }),
      ...(options.features ?? []),
    ],
  });
  await request(server)
    .post('/api/reliability/runbooks/refresh')
    .send({ entityRef: 'component:default/insights-api' });

  const send =
    (method: 'post' | 'put' | 'patch') =>
    (path: string, body: unknown, token?: string) =>
      request(server)
        [method](`/api/reliability${path}`)
        .set('Authorization', token ?? mockCredentials.service.header())
        .send(body as object);
  const post = send('post');
  return {
    server,
    knex,
    sent,
    /** The folder of the annotated entity's runbooks. */
    runbooksDir: join(dir, 'runbooks'),
    get: (path: string, token?: string) => {
      const req = request(server).get(`/api/reliability${path}`);
      return token ? req.set('Authorization', token) : req;
    },
    post,
    put: send('put'),
    patch: send('patch'),
    delete: (path: string, token?: string) =>
      request(server)
        .delete(`/api/reliability${path}`)
        .set('Authorization', token ?? mockCredentials.service.header()),
    postEvents: (events: object[], token?: string) =>
      post('/backups/events', { events }, token),
    status: async () =>
      (
        await request(server).get(
          '/api/reliability/recovery-plans/default/insights-data',
        )
      ).body.status,
    /** Runs a task of the plugin's now and waits until it has run. */
    async runTask(id: string, done: () => Promise<boolean>) {
      await scheduler!.triggerTask(id);
      for (let i = 0; i < 100 && !(await done()); i++) {
        await new Promise(r => setTimeout(r, 100));
      }
    },
  };
}
