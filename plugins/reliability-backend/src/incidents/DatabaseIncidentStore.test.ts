import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import {
  DatabaseIncidentStore,
  type IncidentActor,
} from './DatabaseIncidentStore';

// The incident store itself, on each database: one change, one version;
// a stale version refused; the lifecycle's milestones as the rules say.

const databases = TestDatabases.create();

const at = (minute: number) => new Date(Date.UTC(2026, 11, 7, 10, minute));
const alice = (minute: number): IncidentActor => ({
  ref: 'user:default/alice',
  source: 'portal',
  at: at(minute),
});

describe.each(databases.eachSupportedId())('incident store on %s', id => {
  async function store() {
    const knex = await databases.init(id);
    return DatabaseIncidentStore.create({
      database: mockServices.database({ knex }),
      statusUpdateMinutes: { P1: 15, P2: 30 },
    });
  }

  it('raises the version once per change, its status change included, and refuses a stale one', async () => {
    const incidents = await store();
    const { id: incidentId } = await incidents.transaction(tx =>
      incidents.insert(
        tx,
        {
          title: 'Checkout fails',
          severity: 'P2',
          entityRefs: ['component:default/shop'],
          links: [],
          linkedOwners: [],
          startedAt: at(0),
        },
        alice(0),
      ),
    );
    expect((await incidents.get(incidentId))!.version).toBe(1);

    await incidents.updateFields(
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
      ['severity-changed', 'Severity P2 → P1: every region'],
      ['status-changed', 'Status open → mitigated: every region'],
    ]);

    await expect(
      incidents.updateFields(incidentId, 1, { title: 'Late' }, alice(6)),
    ).rejects.toThrow(/is at version 2, not 1/);

    // Resolved later: the first mitigation time is kept.
    await incidents.transaction(tx =>
      incidents.setStatus(tx, incidentId, 'resolved', alice(20)),
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

    // The status it has already: no change, no event, no version.
    expect(
      await incidents.transaction(tx =>
        incidents.setStatus(tx, incidentId, 'resolved', alice(21)),
      ),
    ).toBeUndefined();
    expect((await incidents.get(incidentId))!.version).toBe(3);

    // Reopened: mitigation and resolution undone.
    await incidents.transaction(tx =>
      incidents.setStatus(
        tx,
        incidentId,
        'open',
        alice(30),
        'an alert fires again',
      ),
    );
    incident = (await incidents.get(incidentId))!;
    expect(incident.version).toBe(4);
    expect(incident.status).toBe('open');
    expect(incident.milestones.mitigated).toBeUndefined();
    expect(incident.milestones.resolved).toBeUndefined();
    expect(incident.timeline.at(-1)?.summary).toBe(
      'Reopened: an alert fires again',
    );
  });
});
