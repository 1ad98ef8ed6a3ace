import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import type { AlertmanagerAlert } from '@reliability-suite/plugin-reliability-common';
import { DatabaseIncidentStore } from './DatabaseIncidentStore';
import type {
  AlertDelivery,
  AlertMatch,
  IncidentActor,
  IncidentStore,
} from './IncidentStore';

// The incident store itself, on each database, through its interface: one
// change, one version; a stale version refused; the lifecycle's milestones
// as the rules say; alerts deduplicated by their group and moving the
// status as they fire and resolve.

const databases = TestDatabases.create();

const at = (minute: number) => new Date(Date.UTC(2026, 11, 7, 10, minute));
const alice = (minute: number): IncidentActor => ({
  ref: 'user:default/alice',
  source: 'portal',
  at: at(minute),
});
const alertmanager = (minute: number): IncidentActor => ({
  ref: 'alertmanager',
  source: 'alertmanager',
  at: at(minute),
});
const severities = [
  { id: 'P1', title: 'Critical', rank: 1, statusUpdateMinutes: 15 },
  { id: 'P2', title: 'High', rank: 2, statusUpdateMinutes: 30 },
  { id: 'P3', title: 'Medium', rank: 3 },
] as any;

const alert = (
  fingerprint: string,
  status: 'firing' | 'resolved',
  alertname = 'PostgresDown',
): AlertmanagerAlert => ({
  fingerprint,
  status,
  labels: { alertname },
  annotations: { summary: `${alertname} on the primary` },
  startsAt: at(0).toISOString(),
  endsAt: '0001-01-01T00:00:00Z',
});
const shopMatch: AlertMatch = {
  entityRefs: ['component:default/shop'],
  linkedOwners: ['group:default/team-shop'],
  runbooks: [],
  severity: 'P2',
  because: 'label service=shop',
};
const delivery = (
  alerts: AlertmanagerAlert[],
  match: AlertMatch = shopMatch,
): AlertDelivery => ({
  groupKey: '{}:{alertname="PostgresDown"}',
  receiver: 'reliability',
  alerts,
  matches: new Map(
    alerts.filter(a => a.status === 'firing').map(a => [a.fingerprint, match]),
  ),
  match: async () => match,
});

describe.each(databases.eachSupportedId())('incident store on %s', id => {
  async function store(): Promise<IncidentStore> {
    const knex = await databases.init(id);
    return DatabaseIncidentStore.create({
      database: mockServices.database({ knex }),
      severities,
    });
  }

  it('raises the version once per change, its status change included, and refuses a stale one', async () => {
    const incidents = await store();
    const { id: incidentId } = await incidents.declare(
      {
        title: 'Checkout fails',
        severity: 'P2',
        entityRefs: ['component:default/shop'],
        links: [],
        linkedOwners: [],
        startedAt: at(0),
        commander: 'user:default/alice',
        runbooks: [],
      },
      alice(0),
    );
    expect((await incidents.get(incidentId))!).toMatchObject({
      version: 1,
      reference: 'INC-1',
      commander: 'user:default/alice',
      statusUpdateDueAt: at(30).toISOString(),
    });

    await incidents.applyChange(
      incidentId,
      1,
      { severity: 'P1', reason: 'every region', status: 'mitigated' },
      alice(5),
    );
    let incident = (await incidents.get(incidentId))!;
    expect(incident).toMatchObject({
      version: 2,
      severity: 'P1',
      status: 'mitigated',
      milestones: { mitigated: at(5).toISOString() },
    });
    expect(
      incident.timeline
        .filter(e => e.type !== 'declared')
        .map(e => [e.type, e.summary]),
    ).toEqual([
      ['role-changed', 'Incident commander: user:default/alice'],
      ['severity-changed', 'Severity P2 → P1: every region'],
      ['status-changed', 'Status open → mitigated: every region'],
    ]);

    await expect(
      incidents.applyChange(incidentId, 1, { title: 'Late' }, alice(6)),
    ).rejects.toThrow(/is at version 2, not 1/);

    // Resolved later: the first mitigation time is kept.
    await incidents.applyChange(
      incidentId,
      2,
      { status: 'resolved' },
      alice(20),
    );
    incident = (await incidents.get(incidentId))!;
    expect(incident).toMatchObject({
      version: 3,
      status: 'resolved',
      milestones: {
        mitigated: at(5).toISOString(),
        resolved: at(20).toISOString(),
      },
    });

    // Reopened: mitigation and resolution undone.
    await incidents.applyChange(
      incidentId,
      3,
      { status: 'open', reason: 'it came back' },
      alice(30),
    );
    incident = (await incidents.get(incidentId))!;
    expect(incident.version).toBe(4);
    expect(incident.status).toBe('open');
    expect(incident.milestones.mitigated).toBeUndefined();
    expect(incident.milestones.resolved).toBeUndefined();
    expect(incident.timeline.at(-1)?.summary).toBe('Reopened: it came back');
  });

  it('opens one incident per alert group, mitigates it when every alert resolves, and opens it again when one fires', async () => {
    const incidents = await store();
    const first = await incidents.recordAlerts(
      delivery([alert('a1', 'firing')]),
      alertmanager(0),
    );
    expect(first.opened).toHaveLength(1);
    const incidentId = first.opened[0];

    // The same notification again, and a second alert of the group.
    const again = await incidents.recordAlerts(
      delivery([alert('a1', 'firing'), alert('a2', 'firing')]),
      alertmanager(1),
    );
    expect(again).toEqual({ opened: [], updated: [incidentId], unchanged: 1 });
    let incident = (await incidents.get(incidentId))!;
    expect(incident).toMatchObject({
      status: 'open',
      severity: 'P2',
      entityRefs: ['component:default/shop'],
      alertCount: 2,
      firingAlertCount: 2,
    });
    // Nobody acted on it: not acknowledged.
    expect(incident.milestones.acknowledged).toBeUndefined();

    await incidents.recordAlerts(
      delivery([alert('a1', 'resolved'), alert('a2', 'resolved')]),
      alertmanager(10),
    );
    incident = (await incidents.get(incidentId))!;
    expect(incident.status).toBe('mitigated');
    expect(incident.milestones.mitigated).toBe(at(10).toISOString());
    expect(incident.timeline.at(-1)?.summary).toBe(
      'Status open → mitigated: every alert resolved',
    );
    // A person acting now does not stamp an acknowledgement after mitigation.
    await incidents.addNote(
      incidentId,
      { text: 'looking', pinned: false },
      alice(11),
    );
    expect(
      (await incidents.get(incidentId))!.milestones.acknowledged,
    ).toBeUndefined();

    // Firing again, more severe: open again, its severity raised.
    await incidents.recordAlerts(
      delivery([alert('a1', 'firing')], { ...shopMatch, severity: 'P1' }),
      alertmanager(20),
    );
    incident = (await incidents.get(incidentId))!;
    expect(incident).toMatchObject({ status: 'open', severity: 'P1' });
    expect(incident.timeline.slice(-3).map(e => [e.type, e.summary])).toEqual([
      ['alert-fired', 'PostgresDown fired: PostgresDown on the primary'],
      ['severity-changed', 'Severity P2 → P1: PostgresDown fired'],
      ['status-changed', 'Reopened: an alert fires again'],
    ]);
    expect(await incidents.list({ alertName: 'PostgresDown' })).toHaveLength(1);
  });
});
