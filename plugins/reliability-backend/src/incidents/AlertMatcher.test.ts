import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { DEFAULT_SEVERITIES } from '@reliability-suite/plugin-reliability-common';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import type {
  AlertmanagerWebhook,
  RunbookSummary,
} from '@reliability-suite/plugin-reliability-common';
import type { RunbookStore } from '../runbooks/RunbookStore';
import { AlertMatcher } from './AlertMatcher';
import { DatabaseIncidentStore } from './DatabaseIncidentStore';

const component = (name: string, owner: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, namespace: 'default' },
  spec: { owner },
});

// 1,000 services, each with a runbook answering its own alert.
const services = Array.from({ length: 1000 }, (_, i) => `svc-${i}`);
const runbookOf = (alertName: string): RunbookSummary[] => {
  const i = Number(/^Svc(\d+)Down$/.exec(alertName)?.[1]);
  if (!Number.isInteger(i) || i >= services.length) return [];
  return [
    {
      namespace: 'default',
      name: `svc-${i}-down`,
      title: `svc-${i} is down`,
      severity: 'P2',
      entityRefs: [`component:default/svc-${i}`],
      triggers: [{ alertName }],
      sourceUrl: 'runbooks/svc.yaml',
      sourceLine: 1,
      lastSyncedAt: '2026-12-07T10:00:00.000Z',
      stale: false,
    },
  ];
};

function notification(count: number, distinct = 100): AlertmanagerWebhook {
  return {
    version: '4',
    groupKey: '{}:{cluster="eu-1"}',
    status: 'firing',
    receiver: 'backstage',
    groupLabels: { cluster: 'eu-1' },
    commonLabels: { cluster: 'eu-1' },
    commonAnnotations: { summary: 'The eu-1 cluster is down' },
    externalURL: 'http://alertmanager:9093',
    alerts: Array.from({ length: count }, (_, k) => ({
      status: 'firing',
      // Half with a runbook; the other half named by their service label.
      labels:
        k % 2 === 0
          ? { alertname: `Svc${k % distinct}Down`, cluster: 'eu-1' }
          : { alertname: 'NodeDown', service: `svc-${k % distinct}` },
      annotations: {},
      startsAt: '2026-12-07T10:00:00.000Z',
      endsAt: '0001-01-01T00:00:00Z',
      generatorURL: 'http://prometheus:9090/graph',
      fingerprint: k.toString(16).padStart(16, '0'),
    })),
  } as unknown as AlertmanagerWebhook;
}

function matcherOf(catalog: ReturnType<typeof catalogServiceMock>) {
  return new AlertMatcher({
    runbookStore: {
      findByAlert: async (alertName: string) => runbookOf(alertName),
      listRecoveryPlans: async () => [],
    } as Partial<RunbookStore> as RunbookStore,
    catalog,
    auth: mockServices.auth(),
    severities: DEFAULT_SEVERITIES,
    mapping: {
      entityLabels: [
        { label: 'service', kind: 'component', namespace: 'default' },
      ],
      severityLabel: 'severity',
      severities: {},
      defaultSeverity: 'P3',
    },
  });
}

const catalogOfServices = () =>
  catalogServiceMock({
    entities: services.map((name, i) => component(name, `team-${i % 10}`)),
  });

describe('AlertMatcher', () => {
  it('asks the catalog once for a notification of 1,000 alerts', async () => {
    const catalog = catalogOfServices();
    const byRefs = jest.spyOn(catalog, 'getEntitiesByRefs');
    const byRef = jest.spyOn(catalog, 'getEntityByRef');
    const list = jest.spyOn(catalog, 'getEntities');
    const matcher = matcherOf(catalog);

    const started = Date.now();
    const delivery = await matcher.delivery(notification(1000), new Map());
    expect(Date.now() - started).toBeLessThan(2000);
    // One read of the entities the alerts may mean, one of the annotated
    // entities (held for a minute), none per alert.
    expect(byRefs).toHaveBeenCalledTimes(1);
    expect(byRef).not.toHaveBeenCalled();
    expect(list).toHaveBeenCalledTimes(1);

    expect(delivery.matches.size).toBe(1000);
    expect(
      delivery.matches.get((0).toString(16).padStart(16, '0')),
    ).toMatchObject({
      entityRefs: ['component:default/svc-0'],
      linkedOwners: ['group:default/team-0'],
      severity: 'P2',
      because: 'runbook svc-0-down answers Svc0Down',
    });
    expect(
      delivery.matches.get((13).toString(16).padStart(16, '0')),
    ).toMatchObject({
      entityRefs: ['component:default/svc-13'],
      linkedOwners: ['group:default/team-3'],
      severity: 'P3',
      because: 'label service=svc-13',
    });

    // One alert on its own: its own entities asked for, once.
    byRefs.mockClear();
    const [alert] = notification(1).alerts;
    expect(await matcher.match(alert)).toMatchObject({
      linkedOwners: ['group:default/team-0'],
    });
    expect(byRefs).toHaveBeenCalledTimes(1);
  });
});

const databases = TestDatabases.create();

describe.each(databases.eachSupportedId())(
  'a notification of 1,000 alerts on %s',
  databaseId => {
    it('is stored in one incident, each alert once, within seconds', async () => {
      const store = await DatabaseIncidentStore.create({
        database: mockServices.database({
          knex: await databases.init(databaseId),
        }),
        severities: DEFAULT_SEVERITIES,
      });
      const matcher = matcherOf(catalogOfServices());
      // Every alert its own service and runbook, as in a cluster's outage.
      const payload = notification(1000, 1000);
      const started = Date.now();
      const result = await store.recordAlerts(
        await matcher.delivery(payload, new Map()),
        {
          ref: 'alertmanager',
          source: 'alertmanager',
          at: new Date('2026-12-07T10:01:00.000Z'),
        },
      );
      expect(Date.now() - started).toBeLessThan(20_000);
      expect(result.opened).toHaveLength(1);
      const incident = await store.get(result.opened[0]);
      expect(incident?.alerts).toHaveLength(1000);
      // Each runbook once, each service once.
      expect(incident?.runbooks).toHaveLength(500);
      expect(incident?.entityRefs).toHaveLength(1000);
      expect(incident?.severity).toBe('P2');
    });
  },
);
