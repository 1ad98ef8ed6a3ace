import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { ScmIntegrations } from '@backstage/integration';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  runbookFile,
  temporaryRepositories,
} from '../__testUtils__/gitRepository';
import { DatabaseRunbookStore } from './DatabaseRunbookStore';
import { RunbookIndexer } from './RunbookIndexer';

// The incremental index against a real Git repository: each pass reads and
// replaces only the files whose blob id changed, handles deletions, renames
// and names freed by a deleted duplicate, and serves what a whole read of the
// same commit would.

const databases = TestDatabases.create();

describe.each(databases.eachSupportedId())(
  'incremental runbook index on %s',
  databaseId => {
    const repositories = temporaryRepositories('runbooks-incremental-');

    it('reads only the files that changed, and serves what a whole read would', async () => {
      const repo = repositories.repository(databaseId);
      const knex = await databases.init(databaseId);
      const store = await DatabaseRunbookStore.create({
        database: mockServices.database({ knex }),
      });
      const config = new ConfigReader({
        reliability: {
          runbooks: {
            gitCacheDirectory: repositories.path(`cache-${databaseId}`),
            locations: [
              {
                type: 'git',
                target: repo.remote,
                branch: 'main',
                path: 'runbooks',
              },
            ],
          },
        },
      });
      const logger = mockServices.logger.mock();
      const indexerWith = (severities: string[]) =>
        new RunbookIndexer({
          store,
          catalog: catalogServiceMock({ entities: [] }),
          auth: mockServices.auth(),
          urlReader: mockServices.urlReader.mock(),
          integrations: ScmIntegrations.fromConfig(config),
          logger,
          config,
          severities,
        });
      const indexer = indexerWith(['P1', 'P2', 'P3', 'P4']);
      const location = `config:git:${repo.remote}#main:runbooks`;
      const file = (path: string) => `${repo.remote}#runbooks/${path}`;
      // What the passes said they read.
      const reads = () =>
        logger.info.mock.calls
          .map(([message]) => String(message))
          .filter(m => m.startsWith('Indexed ') && m.includes(' from '));
      const lastRead = () => {
        const lines = reads();
        const match =
          /\((all \d+ file\(s\) read: [^)]+|\d+ of \d+ file\(s\) changed)\)(.*)$/.exec(
            lines[lines.length - 1],
          );
        return match && match[1] + match[2];
      };
      const names = async () =>
        (await store.listRunbooks({})).map(r => r.name).sort();

      // 1. The first read reads every file.
      for (let i = 0; i < 20; i++) {
        const name = `filler-${String(i).padStart(2, '0')}`;
        repo.write(`runbooks/${name}.yaml`, runbookFile(name));
      }
      repo.write('runbooks/a.yaml', runbookFile('rb-a'));
      repo.write('runbooks/b.yaml', runbookFile('rb-b', 'B v1'));
      repo.write('runbooks/c.yaml', runbookFile('rb-c'));
      repo.commit('runbooks');
      await indexer.indexAll();
      expect(lastRead()).toBe('all 23 file(s) read: first read');
      expect(await names()).toHaveLength(23);

      // 2. An edit, a deletion and a rename: three files read, the others
      //    kept (and as fresh as the commit read).
      repo.write('runbooks/b.yaml', runbookFile('rb-b', 'B v2'));
      repo.remove('runbooks/c.yaml');
      repo.move('runbooks/a.yaml', 'runbooks/moved/a.yaml');
      const second = repo.commit('edit, delete, rename');
      await indexer.indexAll();
      expect(lastRead()).toBe('2 of 22 file(s) changed');
      expect(await store.getRunbook('default', 'rb-b')).toMatchObject({
        title: 'B v2',
        revision: second,
      });
      expect(await store.getRunbook('default', 'rb-c')).toBeUndefined();
      expect(await store.findByAlert('rbcAlert', {})).toEqual([]);
      expect(await store.getRunbook('default', 'rb-a')).toMatchObject({
        sourceUrl: file('moved/a.yaml'),
      });
      const filler = await store.getRunbook('default', 'filler-07');
      expect(filler).toMatchObject({ revision: second, stale: false });
      expect(await names()).toHaveLength(22);

      // 3. A new file taking a name an unchanged file holds is the
      //    duplicate; once the holder's file is gone, the name is its.
      repo.write('runbooks/zz-dup.yaml', runbookFile('filler-05', 'Dup'));
      repo.commit('duplicate');
      await indexer.indexAll();
      expect(lastRead()).toBe('1 of 23 file(s) changed with 1 error(s)');
      expect(await store.getRunbook('default', 'filler-05')).toMatchObject({
        sourceUrl: file('filler-05.yaml'),
      });
      expect(await store.listProblems({ locationIds: [location] })).toEqual([
        expect.objectContaining({
          file: file('zz-dup.yaml'),
          message: `duplicate runbook name default/filler-05: ${file(
            'filler-05.yaml',
          )} already defines it`,
        }),
      ]);
      repo.remove('runbooks/filler-05.yaml');
      repo.commit('the holder goes');
      await indexer.indexAll();
      // The deleted file's name freed: the duplicate's file read again.
      expect(lastRead()).toBe('1 of 22 file(s) changed');
      expect(await store.getRunbook('default', 'filler-05')).toMatchObject({
        title: 'Dup',
        sourceUrl: file('zz-dup.yaml'),
      });
      expect(await store.listProblems({ locationIds: [location] })).toEqual([]);

      // 4. A file that breaks keeps its last good copy, stale, and only it
      //    is read; the others stay fresh.
      repo.write(
        'runbooks/b.yaml',
        `${runbookFile('rb-b', 'B v3')}    - run: "unterminated\n`,
      );
      repo.commit('break b');
      await indexer.indexAll();
      expect(lastRead()).toBe('1 of 22 file(s) changed with 1 error(s)');
      expect(await store.getRunbook('default', 'rb-b')).toMatchObject({
        title: 'B v2',
        stale: true,
      });
      const problems = await store.listProblems({ locationIds: [location] });
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatchObject({ file: file('b.yaml') });
      expect(problems[0].line).toBeGreaterThan(10);

      // 5. A whole read asked for reads every file and serves the same.
      const incremental = await store.listRunbooks({});
      await indexer.indexAll({ full: true });
      expect(lastRead()).toBe('all 22 file(s) read: asked with 1 error(s)');
      const whole = await store.listRunbooks({});
      const comparable = (list: typeof whole) =>
        list.map(({ lastSyncedAt: _a, revision: _r, ...rest }) => rest);
      expect(comparable(whole)).toEqual(comparable(incremental));

      // 6. Read against other severities: every file again.
      await indexerWith(['P1', 'P2']).indexAll();
      expect(lastRead()).toMatch(/^all 22 file\(s\) read: format/);
      await indexer.indexAll();
      expect(lastRead()).toMatch(/^all 22 file\(s\) read: format/);

      // 7. Nothing changed: the commit is the one indexed, no file is read.
      const before = reads().length;
      await indexer.indexAll();
      expect(reads()).toHaveLength(before);
      expect(await store.getLocation(location)).toMatchObject({
        lastSuccessAt: expect.any(String),
      });
      expect((await store.getLocation(location))?.lastError).toBeUndefined();
    }, 120_000);
  },
);
