import { mockCredentials, TestDatabases } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { POSTGRES_DOWN_RUNBOOK } from '../__testUtils__/alertmanager';
import { recordingAuditor } from '../__testUtils__/auditor';
import { startRecoveryBackend } from '../__testUtils__/recoveryBackend';
import { actorOf } from '../incidents/incidentRoutes';

jest.setTimeout(60_000);

const databases = TestDatabases.create();
const alice = mockCredentials.user.header('user:default/alice');
const bob = mockCredentials.user.header('user:default/bob');

describe('actorOf', () => {
  it("names the user, and an agent as the source when this plugin's actions act for them", () => {
    expect(actorOf(mockCredentials.user('user:default/alice'))).toMatchObject({
      ref: 'user:default/alice',
      source: 'portal',
    });
    expect(
      actorOf(
        mockCredentials.user('user:default/alice', {
          actor: { subject: 'plugin:reliability' },
        }),
      ),
    ).toMatchObject({ ref: 'user:default/alice', source: 'mcp' });
    // Another plugin acting for her is not this plugin's agent.
    expect(
      actorOf(
        mockCredentials.user('user:default/alice', {
          actor: { subject: 'plugin:scaffolder' },
        }),
      ).source,
    ).toBe('portal');
    expect(actorOf(mockCredentials.service('external:ci')).source).toBe('api');
  });
});

describe.each(databases.eachSupportedId())(
  'the actions for agents on %s',
  databaseId => {
    const auditor = recordingAuditor();
    // Bob may read, not declare.
    const start = () =>
      startRecoveryBackend(databases, databaseId, {
        files: { 'postgres-down.yaml': POSTGRES_DOWN_RUNBOOK },
        features: [auditor.factory],
        decide: (permission, credentials: any) =>
          permission === 'reliability.incident.create' &&
          credentials?.principal?.userEntityRef === 'user:default/bob'
            ? AuthorizeResult.DENY
            : AuthorizeResult.ALLOW,
      });
    const invoke = (
      backend: Awaited<ReturnType<typeof start>>,
      name: string,
      input: object,
      token: string,
    ) =>
      backend.post(
        `/.backstage/actions/v1/actions/reliability:${name}/invoke`,
        input,
        token,
      );

    it('lists each action with its attributes, answers as the caller, and writes as the caller through the same checks', async () => {
      const backend = await start();
      const { actions } = (
        await backend.get('/.backstage/actions/v1/actions', alice)
      ).body;
      const byName = Object.fromEntries(
        actions.map((a: any) => [a.name, a.attributes]),
      );
      expect(Object.keys(byName).sort()).toEqual([
        'add-incident-note',
        'add-incident-status-update',
        'declare-incident',
        'find-runbooks-for-alert',
        'get-incident',
        'get-recovery-state',
        'get-runbook',
        'get-severity-guide',
        'list-entity-runbooks',
        'list-incidents',
        'list-postmortems',
        'set-incident-severity',
        'start-postmortem',
        'tick-runbook-step',
      ]);
      expect(byName['find-runbooks-for-alert']).toEqual({
        readOnly: true,
        destructive: false,
        idempotent: true,
      });
      expect(byName['set-incident-severity']).toEqual({
        readOnly: false,
        destructive: true,
        idempotent: true,
      });
      expect(byName['declare-incident']).toMatchObject({
        readOnly: false,
        destructive: false,
      });

      const found = await invoke(
        backend,
        'find-runbooks-for-alert',
        { alertName: 'PostgresDown', labels: { namespace: 'insights' } },
        alice,
      );
      expect(found.status).toBe(200);
      expect(found.body.output.runbooks.map((r: any) => r.name)).toEqual([
        'postgres-down',
      ]);
      // The trigger names namespace=insights: another namespace's alert
      // has no runbook.
      const other = await invoke(
        backend,
        'find-runbooks-for-alert',
        { alertName: 'PostgresDown', labels: { namespace: 'billing' } },
        alice,
      );
      expect(other.body.output.runbooks).toEqual([]);

      auditor.audited.length = 0;
      const declared = await invoke(
        backend,
        'declare-incident',
        {
          title: 'PostgreSQL primary is down',
          severity: 'P2',
          entityRefs: ['resource:insights-postgres'],
          runbooks: ['default/postgres-down'],
        },
        alice,
      );
      expect(declared.status).toBe(200);
      const { reference } = declared.body.output;
      const incident = (await backend.get(`/incidents/${reference}`, alice))
        .body;
      expect(incident).toMatchObject({
        commander: 'user:default/alice',
        severity: 'P2',
      });
      // The timeline names Alice. (That it names her agent as the source
      // takes Backstage's real tokens, which the test backend's mock ones
      // are not: actorOf's test, and the MCP test against the demo.)
      expect(incident.timeline[0]).toMatchObject({
        type: 'declared',
        actor: 'user:default/alice',
      });

      const raised = await invoke(
        backend,
        'set-incident-severity',
        {
          incident: reference,
          severity: 'P1',
          reason: 'the replica is down too',
        },
        alice,
      );
      expect(raised.body.output.severity).toBe('P1');
      const ticked = await invoke(
        backend,
        'tick-runbook-step',
        {
          incident: reference,
          runbook: 'default/postgres-down',
          step: 'steps[0]',
          outcome: 'failed',
          note: 'the pod stays Pending',
        },
        alice,
      );
      expect(ticked.status).toBe(200);
      const read = (
        await invoke(backend, 'get-incident', { incident: reference }, alice)
      ).body.output.incident;
      expect(read.checklist).toContainEqual(
        expect.objectContaining({ step: 'steps[0]', outcome: 'failed' }),
      );
      expect(
        (
          await invoke(backend, 'list-incidents', {}, alice)
        ).body.output.incidents.map((i: any) => i.reference),
      ).toEqual([reference]);

      // The other writes, so that every write action has been called.
      const rest = {
        'add-incident-note': { incident: reference, text: 'Replica lagging' },
        'add-incident-status-update': {
          incident: reference,
          conditions: 'The API answers 503.',
          actions: 'Failing over to the replica.',
        },
        'start-postmortem': { incident: reference },
      };
      for (const [name, input] of Object.entries(rest)) {
        expect([
          name,
          (await invoke(backend, name, input, alice)).status,
        ]).toEqual([name, 200]);
      }
      // Each write through an action is one event of the write's, in Alice's
      // name, with its outcome — for every write action the registry lists.
      const writes = actions
        .filter((a: any) => !a.attributes.readOnly)
        .map((a: any) => a.name)
        .sort();
      expect(writes).toEqual(
        [
          'declare-incident',
          'set-incident-severity',
          'tick-runbook-step',
          ...Object.keys(rest),
        ].sort(),
      );
      expect(auditor.audited.map(e => [e.eventId, e.actor, e.outcome])).toEqual(
        [
          'declare-incident',
          'update-incident',
          'tick-incident-step',
          'add-incident-note',
          'add-incident-status-update',
          'start-incident-postmortem',
        ].map(id => [id, 'user:default/alice', 'succeeded']),
      );
      auditor.audited.length = 0;

      // Bob may not declare: the action fails as the route does, and
      // nothing is stored.
      const refused = await invoke(
        backend,
        'declare-incident',
        { title: 'Bob was here', severity: 'P4' },
        bob,
      );
      expect(refused.status).toBe(403);
      expect(auditor.audited).toEqual([
        expect.objectContaining({
          eventId: 'declare-incident',
          actor: 'user:default/bob',
          outcome: 'failed',
          status: 403,
        }),
      ]);
      expect(
        (await backend.get('/incidents?limit=50', alice)).body.items.map(
          (i: any) => i.title,
        ),
      ).toEqual(['PostgreSQL primary is down']);
    });

    it('acts for a user only: a machine token is refused', async () => {
      const backend = await start();
      const answer = await invoke(
        backend,
        'list-incidents',
        {},
        mockCredentials.service.header(),
      );
      expect(answer.status).toBe(403);
      expect(answer.body.error.message).toBe(
        'The reliability actions act for a signed-in user only',
      );
    });
  },
);
