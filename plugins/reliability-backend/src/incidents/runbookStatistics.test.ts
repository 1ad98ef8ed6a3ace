import { mockCredentials, TestDatabases } from '@backstage/backend-test-utils';
import { startRecoveryBackend } from '../__testUtils__/recoveryBackend';

const databases = TestDatabases.create();
jest.setTimeout(60_000);

const RUNBOOK = `apiVersion: reliability.io/v1alpha1
kind: Runbook
metadata: { name: postgres-down, title: PostgreSQL primary is down }
spec:
  entityRefs: [resource:insights-postgres, component:insights-api]
  severity: P1
  diagnosis:
    - run: kubectl get pods -n insights -l app=postgresql
  steps:
    - title: Restart the primary
      run: kubectl rollout restart statefulset/postgresql -n insights
    - verify: pg_isready -h postgresql.insights.svc
      expect: accepting connections
`;

const alice = mockCredentials.user.header('user:default/alice');

describe.each(databases.eachSupportedId())(
  'runbook statistics on %s',
  databaseId => {
    it("counts each step's outcomes across incidents, and tells the owner once when a step keeps failing", async () => {
      const backend = await startRecoveryBackend(databases, databaseId, {
        files: { 'postgres-down.yaml': RUNBOOK },
      });
      const declare = async (extra: object = {}) =>
        (
          await backend.post(
            '/incidents',
            {
              title: 'PostgreSQL is down',
              severity: 'P1',
              entityRefs: ['resource:insights-postgres'],
              runbooks: ['default/postgres-down'],
              ...extra,
            },
            alice,
          )
        ).body;
      const record = async (
        id: string,
        step: string,
        outcome?: string,
        note?: string,
      ) => {
        const answer = await backend.put(
          `/incidents/${id}/checklist`,
          {
            runbook: 'default/postgres-down',
            step,
            done: true,
            ...(outcome ? { outcome } : {}),
            ...(note ? { note } : {}),
          },
          alice,
        );
        expect(answer.status).toBe(200);
        return answer.body;
      };
      const incidents = [];
      for (let i = 0; i < 5; i++) incidents.push(await declare());
      // One incident of the same entity that did not use the runbook.
      const without = await declare({ runbooks: [] });

      // Restarting the primary failed in three of five incidents.
      const answers = [];
      for (const [k, incident] of incidents.entries()) {
        await record(incident.id, 'diagnosis[0]');
        if (k < 3) {
          answers.push(
            await record(
              incident.id,
              'steps[0]',
              'failed',
              'the pod stays Pending',
            ),
          );
        } else {
          await record(incident.id, 'steps[0]');
          await record(incident.id, 'steps[1]', 'skipped');
        }
      }
      expect(answers[0].checklist).toContainEqual(
        expect.objectContaining({
          step: 'steps[0]',
          done: true,
          outcome: 'failed',
          note: 'the pod stays Pending',
        }),
      );
      expect(answers[0].timeline.at(-1).summary).toBe(
        'Failed: Restart the primary (PostgreSQL primary is down) — the pod stays Pending',
      );
      // Two of them mitigated, and the one without the runbook.
      for (const incident of [incidents[0], incidents[1], without]) {
        const patched = await backend.patch(
          `/incidents/${incident.id}`,
          { version: incident.version, status: 'mitigated' },
          alice,
        );
        expect(patched.status).toBe(200);
      }

      const stats = (
        await backend.get('/runbooks/default/postgres-down/statistics', alice)
      ).body;
      expect(stats.runbook).toBe('default/postgres-down');
      expect(stats.incidents).toBe(5);
      expect(stats.steps.map((s: any) => [s.step, s.label, s.counts])).toEqual([
        [
          'diagnosis[0]',
          'kubectl get pods -n insights -l app=postgresql',
          { done: 5, skipped: 0, failed: 0, unhelpful: 0 },
        ],
        [
          'steps[0]',
          'Restart the primary',
          { done: 2, skipped: 0, failed: 3, unhelpful: 0 },
        ],
        [
          'steps[1]',
          'pg_isready -h postgresql.insights.svc',
          { done: 0, skipped: 2, failed: 0, unhelpful: 0 },
        ],
      ]);
      const restart = stats.steps[1];
      expect(restart.recent).toHaveLength(5);
      expect(restart.recent[0].reference).toMatch(/^INC-\d+$/);
      expect(restart.medianMinutesFromStart).toBe(0);
      expect(stats.mitigation).toEqual({
        with: { incidents: 5, mitigated: 2, medianMinutes: 0 },
        without: { incidents: 1, mitigated: 1, medianMinutes: 0 },
      });
      expect(stats.patterns).toEqual([
        {
          step: 'steps[0]',
          label: 'Restart the primary',
          outcome: 'failed',
          count: 3,
          of: 5,
          incidents: ['INC-3', 'INC-2', 'INC-1'],
        },
      ]);

      // The owners of the runbook's entities were told once, at the third failure.
      const told = backend.sent.filter(
        n => n.payload.topic === 'reliability:runbook-feedback',
      );
      expect(told).toEqual([
        {
          recipients: {
            type: 'entity',
            entityRef: ['group:default/platform-team'],
          },
          payload: {
            title:
              'Update runbook PostgreSQL primary is down: Restart the primary',
            description:
              'Failed in 3 of the last 3 incidents that used it (INC-3, INC-2, INC-1).',
            link: '/reliability/runbooks/default/postgres-down',
            severity: 'normal',
            topic: 'reliability:runbook-feedback',
          },
        },
      ]);
      // Another failure of the same step: no second notification.
      const sixth = await declare();
      await record(sixth.id, 'steps[0]', 'failed');
      expect(
        backend.sent.filter(
          n => n.payload.topic === 'reliability:runbook-feedback',
        ),
      ).toHaveLength(1);

      // The postmortem started from an incident carries what went wrong.
      const started = await backend.post(
        `/incidents/${incidents[0].id}/postmortem`,
        {},
        alice,
      );
      const postmortem = (
        await backend.get(`/postmortems/${started.body.postmortemId}`, alice)
      ).body;
      expect(postmortem.lessons.wentWrong).toEqual([
        'PostgreSQL primary is down, steps[0]: failed — the pod stays Pending',
      ]);

      // Clearing an outcome takes it out.
      await backend.put(
        `/incidents/${sixth.id}/checklist`,
        { runbook: 'default/postgres-down', step: 'steps[0]', done: false },
        alice,
      );
      const after = (
        await backend.get('/runbooks/default/postgres-down/statistics', alice)
      ).body;
      expect(after.steps[1].counts.failed).toBe(3);
      expect(
        (
          await backend.put(
            `/incidents/${sixth.id}/checklist`,
            {
              runbook: 'default/postgres-down',
              step: 'steps[0]',
              done: true,
              outcome: 'worked',
            },
            alice,
          )
        ).status,
      ).toBe(400);
      expect(
        (await backend.get('/runbooks/default/nope/statistics', alice)).status,
      ).toBe(404);
    });

    it('names only the incidents the caller may see, and counts them all', async () => {
      const bob = mockCredentials.user.header('user:default/bob');
      const backend = await startRecoveryBackend(databases, databaseId, {
        files: { 'postgres-down.yaml': RUNBOOK },
        hide: {
          user: 'user:default/bob',
          entityRefs: ['component:default/insights-web'],
        },
      });
      const failOn = async (entityRef: string, note: string) => {
        const incident = (
          await backend.post(
            '/incidents',
            {
              title: 'PostgreSQL is down',
              severity: 'P1',
              entityRefs: [entityRef],
              runbooks: ['default/postgres-down'],
            },
            alice,
          )
        ).body;
        const answer = await backend.put(
          `/incidents/${incident.id}/checklist`,
          {
            runbook: 'default/postgres-down',
            step: 'steps[0]',
            done: true,
            outcome: 'failed',
            note,
          },
          alice,
        );
        expect(answer.status).toBe(200);
        return incident;
      };
      const seen = await failOn('resource:insights-postgres', 'Pending');
      const hidden = await failOn(
        'component:insights-web',
        'the web team was paged',
      );
      const step = async (who: string) =>
        (
          await backend.get('/runbooks/default/postgres-down/statistics', who)
        ).body.steps.find((s: any) => s.step === 'steps[0]');
      // Alice sees both.
      expect((await step(alice)).recent.map((r: any) => r.reference)).toEqual([
        hidden.reference,
        seen.reference,
      ]);
      // Bob sees the count of both, and only the incident he may read.
      const bobs = await step(bob);
      expect(bobs.counts.failed).toBe(2);
      expect(bobs.recent.map((r: any) => [r.reference, r.note])).toEqual([
        [seen.reference, 'Pending'],
      ]);
    });

    it('takes outcomes from imported incidents, refuses one of a runbook the record does not attach, and tells a pattern they complete once', async () => {
      const backend = await startRecoveryBackend(databases, databaseId, {
        files: { 'postgres-down.yaml': RUNBOOK },
      });
      const started = new Date(Date.now() - 3 * 86400_000);
      const record = (n: number, runbooks = ['default/postgres-down']) => ({
        externalId: `tool:${n}`,
        title: `Down ${n}`,
        severity: 'P2',
        status: 'resolved',
        entityRefs: ['resource:insights-postgres'],
        runbooks,
        milestones: {
          started: new Date(started.getTime() + n * 60_000).toISOString(),
          resolved: new Date(
            started.getTime() + n * 60_000 + 3600_000,
          ).toISOString(),
        },
        checklist: [
          {
            runbook: 'default/postgres-down',
            step: 'steps[1]',
            outcome: 'unhelpful',
            note: 'pg_isready answers before the database takes writes',
            by: 'user:default/alice',
            at: new Date(
              started.getTime() + n * 60_000 + 600_000,
            ).toISOString(),
          },
        ],
      });
      const refused = await backend.post('/incidents/import', record(0, []));
      expect(refused.status).toBe(400);
      expect(refused.body.error.message).toMatch(
        /checklist\[0\]\.runbook default\/postgres-down is not one of its runbooks/,
      );
      for (const n of [1, 2, 3, 4]) {
        const imported = await backend.post('/incidents/import', record(n));
        expect(imported.status).toBe(201);
      }
      const stats = (
        await backend.get('/runbooks/default/postgres-down/statistics', alice)
      ).body;
      expect(stats.patterns).toEqual([
        expect.objectContaining({
          step: 'steps[1]',
          outcome: 'unhelpful',
          count: 4,
          of: 4,
        }),
      ]);
      const told = backend.sent.filter(
        n => n.payload.topic === 'reliability:runbook-feedback',
      );
      expect(told).toHaveLength(1);
      expect(told[0].payload.description).toBe(
        'Did not help in 3 of the last 3 incidents that used it (INC-3, INC-2, INC-1).',
      );
    });
  },
);
