import { mockCredentials, TestDatabases } from '@backstage/backend-test-utils';
import {
  POSTGRES_DOWN_RUNBOOK,
  notification,
} from '../__testUtils__/alertmanager';
import { startRecoveryBackend } from '../__testUtils__/recoveryBackend';

const databases = TestDatabases.create();
jest.setTimeout(60_000);

const alice = mockCredentials.user.header('user:default/alice');
// The catalog's policy hides the web app from Bob.
const bob = mockCredentials.user.header('user:default/bob');
const PG = 'resource:default/insights-postgres';
const API = 'component:default/insights-api';
const WEB = 'component:default/insights-web';

describe.each(databases.eachSupportedId())(
  'an incident context on %s',
  databaseId => {
    it('walks the catalog graph to the dependents, with owners, runbooks and recovery, and finds the past incidents with their open action items; only what the caller may see', async () => {
      const backend = await startRecoveryBackend(databases, databaseId, {
        hide: { user: 'user:default/bob', entityRefs: [WEB] },
        files: { 'postgres-down.yaml': POSTGRES_DOWN_RUNBOOK },
      });

      // A past incident on PostgreSQL, with a postmortem: one action item
      // open, one in progress, one done.
      const past = await backend.post(
        '/incidents',
        { title: 'PostgreSQL volume full', severity: 'P1', entityRefs: [PG] },
        alice,
      );
      expect(past.status).toBe(201);
      const started = await backend.post(
        `/incidents/${past.body.id}/postmortem`,
        {},
        alice,
      );
      expect(started.status).toBe(201);
      const pm = (
        await backend.get(`/postmortems/${started.body.postmortemId}`)
      ).body;
      const saved = await backend.put(
        `/postmortems/${pm.id}`,
        {
          ...pm,
          actionItems: [
            { title: 'Alert at 80 % full', type: 'detect', status: 'done' },
            { title: 'Grow the volume by itself', type: 'prevent' },
            {
              title: 'Add the archive check to the runbook',
              type: 'mitigate',
              status: 'in-progress',
            },
          ],
        },
        alice,
      );
      expect(saved.status).toBe(200);
      // A past incident opened by Alertmanager: the same alert, on the
      // runbook's entities.
      const alerted = await backend.post(
        '/webhooks/alertmanager',
        notification('firing', [{ fingerprint: 'f1' }]),
      );
      expect(alerted.status).toBe(200);

      const context = async (query: string, token = alice) => {
        const res = await backend.get(`/incidents/context?${query}`, token);
        expect(res.status).toBe(200);
        return res.body;
      };
      const all = await context(`entityRefs=${PG}&alertNames=PostgresDown`);
      expect(
        all.entities.map((e: any) => [e.entityRef, e.relation, e.depth, e.via]),
      ).toEqual([
        [PG, 'affected', 0, undefined],
        [API, 'dependent', 1, PG],
        [WEB, 'dependent', 2, API],
      ]);
      // The system they are part of is not in this catalog: left out.
      expect(all.truncated).toBe(false);
      const [pg, api, web] = all.entities;
      expect(pg).toMatchObject({
        title: 'insights-postgres',
        owner: 'group:default/platform-team',
        runbooks: [
          {
            namespace: 'default',
            name: 'postgres-down',
            title: 'PostgreSQL primary is down',
          },
        ],
        recovery: { plans: ['default/insights-data'] },
      });
      expect(typeof pg.recovery.state).toBe('string');
      expect(api.runbooks.map((r: any) => r.name)).toEqual(['postgres-down']);
      expect(web).toMatchObject({
        title: 'Insights web app',
        owner: 'group:default/web-team',
      });
      expect(web.recovery).toBeUndefined();

      // Newest started first: the declared one, then the alert's (its alert
      // started two minutes ago).
      expect(
        all.pastIncidents.map((p: any) => [
          p.incident.reference,
          p.sharedEntityRefs,
          p.sharedAlertNames,
        ]),
      ).toEqual([
        ['INC-1', [PG], []],
        ['INC-2', [PG], ['PostgresDown']],
      ]);
      expect(all.pastIncidents[0].postmortem).toMatchObject({
        id: pm.id,
        openActionItems: [
          { title: 'Grow the volume by itself', status: 'open' },
          {
            title: 'Add the archive check to the runbook',
            status: 'in-progress',
          },
        ],
      });
      expect(all.pastIncidents[1].postmortem).toBeUndefined();

      // On the incident's own page it is not its own past.
      const onPage = await context(`entityRefs=${PG}&exclude=INC-1`);
      expect(
        onPage.pastIncidents.map((p: any) => p.incident.reference),
      ).toEqual(['INC-2']);

      // Bob may not see the web app: not shown, and not walked through.
      const bobs = await context(`entityRefs=${PG}`, bob);
      expect(bobs.entities.map((e: any) => e.entityRef)).toEqual([PG, API]);

      // Bad input is a 400 that says which.
      const bad = await backend.get(
        '/incidents/context?entityRefs=component:default/ok,not a ref',
        alice,
      );
      expect(bad.status).toBe(400);
      expect(bad.body.error.message).toMatch(/entityRefs\[1\]/);
      expect(
        (await backend.get('/incidents/context?exclude=nope', alice)).status,
      ).toBe(400);
    });
  },
);
