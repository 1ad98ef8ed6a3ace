import { mockCredentials, TestDatabases } from '@backstage/backend-test-utils';
import { POSTGRES_DOWN_RUNBOOK } from '../__testUtils__/alertmanager';
import { startRecoveryBackend } from '../__testUtils__/recoveryBackend';

jest.setTimeout(60_000);

const databases = TestDatabases.create();

describe.each(databases.eachSupportedId())(
  'runbooks as agent skills on %s',
  databaseId => {
    it("serves a runbook's SKILL.md and an entity's skills, to who may read them", async () => {
      const backend = await startRecoveryBackend(databases, databaseId, {
        files: { 'postgres-down.yaml': POSTGRES_DOWN_RUNBOOK },
        config: { app: { baseUrl: 'http://portal.test' } },
        hide: {
          user: 'user:default/bob',
          entityRefs: ['resource:default/insights-postgres'],
        },
      });
      const alice = mockCredentials.user.header('user:default/alice');
      const one = await backend.get(
        '/runbooks/default/postgres-down/skill',
        alice,
      );
      expect(one.status).toBe(200);
      expect(one.headers['content-type']).toMatch(/^text\/markdown/);
      expect(one.text).toMatch(
        /^---\nname: postgres-down\ndescription: .*Use it when the alert PostgresDown fires\.\n/,
      );
      expect(one.text).toContain(
        'source: http://portal.test/reliability/runbooks/default/postgres-down',
      );
      expect(one.text).toContain('\n# PostgreSQL primary is down\n');

      const all = (
        await backend.get(
          '/runbooks/skills?entityRef=component:default/insights-api',
          alice,
        )
      ).body.items;
      expect(all.map((s: any) => s.path)).toEqual(['postgres-down/SKILL.md']);
      expect(all[0].content).toBe(one.text);

      // Bob may not read the database: its runbook is not there for him.
      const bob = mockCredentials.user.header('user:default/bob');
      expect(
        (await backend.get('/runbooks/default/postgres-down/skill', bob))
          .status,
      ).toBe(404);
      expect(
        (
          await backend.get(
            '/runbooks/skills?entityRef=component:default/insights-api',
            bob,
          )
        ).body.items,
      ).toEqual([]);
    });
  },
);
