import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { ScmIntegrations } from '@backstage/integration';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { git } from '../__testUtils__/gitRepository';
import { DatabaseRunbookStore } from './DatabaseRunbookStore';
import { RunbookIndexer } from './RunbookIndexer';

// The indexer against a real Git server: `git daemon` on 127.0.0.1, a bare
// repository, commits pushed to it, and the server stopped to play "Git is
// down". No mock stands in for Git.

const databases = TestDatabases.create();

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function waitForPort(port: number) {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const open = await new Promise<boolean>(resolve => {
      const socket = new Socket();
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
      socket.connect(port, '127.0.0.1');
    });
    if (open) return;
    await new Promise(r => setTimeout(r, 100));
  }
  throw new Error(`git daemon did not listen on ${port}`);
}

// `git daemon` serving every repository under `base`, read-only, on 127.0.0.1.
async function startDaemon(base: string, port: number): Promise<ChildProcess> {
  const daemon = spawn(
    'git',
    [
      'daemon',
      '--reuseaddr',
      '--export-all',
      `--base-path=${base}`,
      '--listen=127.0.0.1',
      `--port=${port}`,
      base,
    ],
    { stdio: 'ignore' },
  );
  await waitForPort(port);
  return daemon;
}

const runbook = (title: string) => `apiVersion: reliability.io/v1alpha1
kind: Runbook
metadata:
  name: disk-full
  title: ${title}
spec:
  entityRefs: [component:default/insights-api]
  severity: P2
  triggers:
    - alertName: DiskAlmostFull
  steps:
    - run: df -h
`;

describe.each(databases.eachSupportedId())(
  'RunbookIndexer with a Git server, on %s',
  databaseId => {
    let base: string;
    let work: string;
    let daemon: ChildProcess | undefined;
    let port: number;

    beforeAll(async () => {
      base = mkdtempSync(join(tmpdir(), 'runbooks-git-'));
      git(
        base,
        'init',
        '--quiet',
        '--bare',
        '--initial-branch=main',
        'central.git',
      );
      work = join(base, 'work');
      git(base, 'clone', '--quiet', join(base, 'central.git'), work);
      git(work, 'checkout', '--quiet', '-b', 'main');
      port = await freePort();
      daemon = await startDaemon(base, port);
    });

    afterAll(() => {
      daemon?.kill();
      rmSync(base, { recursive: true, force: true });
    });

    function commit(file: string, content: string, message: string) {
      mkdirSync(join(work, 'runbooks'), { recursive: true });
      writeFileSync(join(work, 'runbooks', file), content);
      git(work, 'add', '.');
      git(work, 'commit', '--quiet', '-m', message);
      git(work, 'push', '--quiet', 'origin', 'main');
      return git(work, 'rev-parse', 'HEAD');
    }

    it('indexes, follows commits, keeps the last good copy of a broken file, and survives the server going away', async () => {
      const knex = await databases.init(databaseId);
      const store = await DatabaseRunbookStore.create({
        database: mockServices.database({ knex }),
      });
      const remote = `git://127.0.0.1:${port}/central.git`;
      const config = new ConfigReader({
        reliability: {
          runbooks: {
            gitCacheDirectory: join(base, `cache-${databaseId}`),
            locations: [
              { type: 'git', target: remote, branch: 'main', path: 'runbooks' },
            ],
          },
        },
      });
      const indexer = new RunbookIndexer({
        store,
        catalog: catalogServiceMock({
          entities: [
            {
              apiVersion: 'backstage.io/v1alpha1',
              kind: 'Component',
              metadata: { name: 'insights-api', namespace: 'default' },
              spec: {},
            },
          ],
        }),
        auth: mockServices.auth(),
        urlReader: mockServices.urlReader.mock(),
        integrations: ScmIntegrations.fromConfig(config),
        logger: mockServices.logger.mock(),
        config,
        severities: ['P1', 'P2', 'P3', 'P4'],
      });
      const location = `config:git:${remote}#main:runbooks`;

      // 1. The first commit is indexed, with its commit as the revision.
      const first = commit(
        'disk.yaml',
        runbook('Disk almost full'),
        'add runbook',
      );
      await indexer.indexAll();
      let served = await store.getRunbook('default', 'disk-full');
      expect(served).toMatchObject({
        title: 'Disk almost full',
        revision: first,
        stale: false,
        sourceUrl: `${remote}#runbooks/disk.yaml`,
      });
      expect(
        (await store.findByAlert('DiskAlmostFull', {})).map(r => r.name),
      ).toEqual(['disk-full']);

      // 2. An edit pushed to the server shows after the next pass.
      const second = commit(
        'disk.yaml',
        runbook('Disk almost full (v2)'),
        'edit',
      );
      await indexer.indexAll();
      served = await store.getRunbook('default', 'disk-full');
      expect(served).toMatchObject({
        title: 'Disk almost full (v2)',
        revision: second,
      });
      const goodSync = served!.lastSyncedAt;

      // 3. A broken commit: its error is recorded with file and line, and the
      //    last good copy stays served, marked stale.
      commit(
        'disk.yaml',
        `${runbook('broken')}  - run: "unterminated\n`,
        'break it',
      );
      await indexer.indexAll();
      served = await store.getRunbook('default', 'disk-full');
      expect(served).toMatchObject({
        title: 'Disk almost full (v2)',
        stale: true,
        lastSyncedAt: goodSync,
      });
      const problems = await store.listProblems({ locationIds: [location] });
      expect(problems.length).toBeGreaterThan(0);
      for (const problem of problems) {
        expect(problem).toMatchObject({
          severity: 'error',
          file: `${remote}#runbooks/disk.yaml`,
        });
      }
      expect(problems[0].line).toBeGreaterThan(10);

      // 4. The server goes away: every runbook stays served with its age, and
      //    the location says why it could not be read.
      daemon!.kill();
      await new Promise(r => daemon!.once('exit', r));
      await indexer.indexAll();
      served = await store.getRunbook('default', 'disk-full');
      expect(served).toMatchObject({
        title: 'Disk almost full (v2)',
        lastSyncedAt: goodSync,
      });
      const state = await store.getLocation(location);
      expect(state?.lastError).toMatch(/^git fetch .* failed/);
      expect(Date.parse(state!.lastAttemptAt!)).toBeGreaterThan(
        Date.parse(state!.lastSuccessAt!),
      );

      // Bring the server back for the other databases' runs.
      daemon = await startDaemon(base, port);
    }, 60_000);
  },
);
