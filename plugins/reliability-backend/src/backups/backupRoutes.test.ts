import { mockCredentials, TestDatabases } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import request from 'supertest';
import {
  hoursAgo,
  startRecoveryBackend,
  testBackup as backup,
} from '../__testUtils__/recoveryBackend';

const databases = TestDatabases.create();

describe.each(databases.eachSupportedId())(
  'backup events on %s',
  databaseId => {
    async function startBackend(
      result:
        | AuthorizeResult.ALLOW
        | AuthorizeResult.DENY = AuthorizeResult.ALLOW,
    ) {
      const backend = await startRecoveryBackend(databases, databaseId, {
        permission: result,
      });
      return backend.server;
    }
    const post = (server: any, events: object[], token?: string) =>
      request(server)
        .post('/api/reliability/backups/events')
        .set('Authorization', token ?? mockCredentials.service.header())
        .send({ events });
    const status = async (server: any) =>
      (
        await request(server).get(
          '/api/reliability/recovery-plans/default/insights-data',
        )
      ).body.status;

    it('takes backups and drills from a machine, once each, in any order, and judges the plan by them', async () => {
      const server = await startBackend();
      expect((await status(server)).components[0]).toMatchObject({
        component: 'postgres',
        state: 'unknown',
      });

      // Older first or newer first: only the times count.
      expect((await post(server, [backup('b2', 2)])).body).toEqual({
        accepted: 1,
        duplicates: 0,
      });
      expect((await post(server, [backup('b1', 30)])).body).toEqual({
        accepted: 1,
        duplicates: 0,
      });
      // A retry of the same event changes nothing.
      expect((await post(server, [backup('b2', 2)])).body).toEqual({
        accepted: 0,
        duplicates: 1,
      });

      const drill = {
        id: 'drill-1',
        type: 'drill',
        entityRef: 'component:default/insights-api',
        component: 'postgres',
        startedAt: hoursAgo(20),
        finishedAt: hoursAgo(19.8),
        result: 'success',
        restoreSeconds: 720,
        dataVerified: true,
      };
      expect((await post(server, [drill])).status).toBe(200);
      const ok = await status(server);
      expect(ok.state).toBe('ok');
      expect(ok.components[0]).toMatchObject({
        state: 'ok',
        backup: {
          state: 'ok',
          lastResult: 'success',
          sizeBytes: 7340032000,
          tool: 'pgbackrest',
        },
        drill: { state: 'ok', restoreSeconds: 720, rtoSeconds: 1800 },
      });
      expect(ok.components[1]).toMatchObject({
        component: 'redis',
        state: 'not-needed',
      });
    });

    it('says violated when the last good backup is older than the RPO', async () => {
      const server = await startBackend();
      await post(server, [backup('old', 30), backup('broken', 1, 'failure')]);
      const violated = await status(server);
      expect(violated.state).toBe('violated');
      expect(violated.components[0].reasons[0]).toMatch(
        /^the last good backup is 1d 6h old, older than the RPO of 1d$/,
      );
    });

    it('refuses bad events with a clear 4xx and stores nothing', async () => {
      const server = await startBackend();
      const cases: Array<[object[], number, RegExp]> = [
        [
          [{ ...backup('x', 1), sizeBytes: 'big' }],
          400,
          /^request\/body\/events\/0\/sizeBytes must be integer/,
        ],
        [
          [{ ...backup('x', 1), colour: 'red' }],
          400,
          /must NOT have additional properties/,
        ],
        [
          [{ ...backup('x', 1), entityRef: 'resource:nope' }],
          400,
          /events\[0\]\.entityRef: no recovery plan covers resource:default\/nope/,
        ],
        [
          [
            {
              ...backup('x', 1),
              entityRef: 'component:insights-api',
              component: 'kafka',
            },
          ],
          400,
          /has a component kafka \(it has insights-data\/postgres, insights-data\/redis\)/,
        ],
        [
          [backup('ok', 1), { ...backup('x', -2) }],
          400,
          /events\[1\]\.startedAt .* is in the future/,
        ],
        [
          [{ ...backup('x', 1), finishedAt: hoursAgo(5) }],
          400,
          /events\[0\]\.finishedAt is before startedAt/,
        ],
        [
          [{ ...backup('x', 1), restoreSeconds: 3 }],
          400,
          /restoreSeconds and dataVerified belong to a drill/,
        ],
        [[], 400, /events must NOT have fewer than 1 items/],
      ];
      for (const [events, code, message] of cases) {
        const answer = await post(server, events);
        expect(answer.status).toBe(code);
        expect(answer.body.error.message).toMatch(message);
      }
      const huge = await request(server)
        .post('/api/reliability/backups/events')
        .send({
          events: [{ ...backup('x', 1), message: 'x'.repeat(2_000_000) }],
        });
      // express.json's 413 reaches the client through the generated router's
      // error handling as a 400 that says so.
      expect(huge.status).toBe(400);
      expect(huge.body.error.message).toMatch(/request entity too large/);
      // Nothing of the above was stored, not even the good first event.
      expect((await status(server)).components[0].backup.state).toBe('unknown');
    });

    it("scopes an event's id to its entity and source: another reporter's id is another event, other content under the same id a 409", async () => {
      const backend = await startRecoveryBackend(databases, databaseId);
      const server = backend.server;
      expect((await post(server, [backup('shared-id', 3)])).body).toEqual({
        accepted: 1,
        duplicates: 0,
      });
      // A person reporting with the same id reports something else.
      expect(
        (
          await post(
            server,
            [backup('shared-id', 2)],
            mockCredentials.user.header(),
          )
        ).body,
      ).toEqual({ accepted: 1, duplicates: 0 });
      // The same reporter, the same id, another outcome: refused, named,
      // and nothing of the batch is stored.
      const conflict = await post(server, [
        backup('new-one', 1),
        backup('shared-id', 3, 'failure'),
      ]);
      expect(conflict.status).toBe(409);
      expect(conflict.body.error.message).toBe(
        'Event shared-id was already reported for resource:default/insights-postgres with other content (result: "success", not "failure"); a new report needs a new id',
      );
      const rows = await backend
        .knex('reliability_backup_events')
        .select('id', 'source', 'result')
        .orderBy(['id', 'source']);
      expect(rows).toEqual([
        { id: 'shared-id', source: 'external:test-service', result: 'success' },
        { id: 'shared-id', source: 'user:default/mock', result: 'success' },
      ]);
      // A run reported while running, then finished under its id: completed.
      const running = { ...backup('run-7', 0.5, 'running') };
      delete (running as { finishedAt?: string }).finishedAt;
      expect((await post(server, [running])).body.accepted).toBe(1);
      expect((await post(server, [backup('run-7', 0.4)])).body).toEqual({
        accepted: 1,
        duplicates: 0,
      });
      expect(
        await backend
          .knex('reliability_backup_events')
          .where({ id: 'run-7' })
          .select('result'),
      ).toEqual([{ result: 'success' }]);
    });

    it('holds a machine token to the entities of its entry in reliability.backups.reporters', async () => {
      const backend = await startRecoveryBackend(databases, databaseId, {
        config: {
          reliability: {
            backups: {
              reporters: [
                { subject: 'external:test-service', owners: ['web-team'] },
              ],
            },
          },
        },
      });
      const outside = await post(backend.server, [backup('b1', 1)]);
      expect(outside.status).toBe(403);
      expect(outside.body.error.message).toBe(
        'The token of external:test-service may not report backups of resource:default/insights-postgres',
      );
      // Named by the plan's entity and the component's name: still the
      // component's own entity that decides.
      const viaPlan = await post(backend.server, [
        {
          ...backup('b2', 1),
          entityRef: 'component:default/insights-api',
          component: 'postgres',
        },
      ]);
      expect(viaPlan.status).toBe(403);
      // A token with no entry reports for nothing.
      const other = await post(
        backend.server,
        [backup('b3', 1)],
        mockCredentials.service.header({
          onBehalfOf: mockCredentials.service('external:stranger'),
          targetPluginId: 'reliability',
        }),
      );
      expect(other.status).toBe(403);
      expect(other.body.error.message).toMatch(
        /^The token of external:stranger reports for no entity/,
      );
      expect(
        await backend.knex('reliability_backup_events').count({ n: '*' }),
      ).toEqual([{ n: expect.anything() }]);
      const [{ n }] = await backend
        .knex('reliability_backup_events')
        .count({ n: '*' });
      expect(Number(n)).toBe(0);
    });

    it('answers 401 without credentials and 403 without the permission', async () => {
      const server = await startBackend(AuthorizeResult.DENY);
      expect(
        (
          await post(
            server,
            [backup('a', 1)],
            mockCredentials.service.invalidHeader(),
          )
        ).status,
      ).toBe(401);
      expect((await post(server, [backup('a', 1)])).status).toBe(403);
    });

    it('lists every component across the catalog worst first, and what no plan covers', async () => {
      const server = await startBackend();
      await post(server, [backup('old', 30)]);
      const answer = await request(server).get(
        '/api/reliability/recovery/overview',
      );
      expect(answer.status).toBe(200);
      expect(answer.body.components).toEqual([
        expect.objectContaining({
          plan: {
            namespace: 'default',
            name: 'insights-data',
            title: 'insights-data',
          },
          component: 'postgres',
          entityRef: 'resource:default/insights-postgres',
          owner: 'group:default/platform-team',
          system: 'system:default/insights-platform',
          state: 'violated',
        }),
        expect.objectContaining({ component: 'redis', state: 'not-needed' }),
      ]);
      expect(answer.body.uncovered).toEqual([
        {
          entityRef: 'component:default/insights-web',
          title: 'Insights web app',
          owner: 'group:default/web-team',
          system: 'system:default/insights-platform',
        },
      ]);
      // The system's overall state: the worst of its components'.
      expect(answer.body.systems).toEqual([
        {
          system: 'system:default/insights-platform',
          state: 'violated',
          counts: { violated: 1, 'not-needed': 1 },
          uncovered: 1,
        },
      ]);
    });
  },
);
