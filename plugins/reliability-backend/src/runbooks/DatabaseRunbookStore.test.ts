import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import type { RunbookDocument } from '@reliability-suite/plugin-reliability-common';
import { DatabaseRunbookStore } from './DatabaseRunbookStore';
import type { IndexedRunbook, RunbookLocation } from './RunbookStore';

const databases = TestDatabases.create();

function runbook(
  name: string,
  spec: RunbookDocument['spec'] = {},
  file = `https://git.example/runbooks/${name}.yaml`,
): IndexedRunbook {
  return {
    document: {
      apiVersion: 'reliability.io/v1alpha1',
      kind: 'Runbook',
      metadata: { name, namespace: 'default', title: `Runbook ${name}` },
      spec: { entityRefs: ['component:default/insights-api'], ...spec },
    },
    sourceUrl: file,
    sourceLine: 1,
  };
}

const api: RunbookLocation = {
  id: 'entity:component:default/insights-api',
  source: 'entity',
  target: 'https://git.example/runbooks/',
  entityRef: 'component:default/insights-api',
};
const central: RunbookLocation = {
  id: 'config:https://git.example/central.git',
  source: 'config',
  target: 'https://git.example/central.git',
};

describe.each(databases.eachSupportedId())('DatabaseRunbookStore on %s', id => {
  async function createStore() {
    const knex = await databases.init(id);
    const store = await DatabaseRunbookStore.create({
      database: mockServices.database({ knex }),
    });
    return { store, knex };
  }

  it('stores a location pass and serves it per entity, by name and by alert', async () => {
    const { store } = await createStore();
    const at = new Date('2026-11-21T10:00:00.000Z');
    await store.replaceLocation(api, {
      runbooks: [
        runbook('postgres-down', {
          severity: 'P1',
          triggers: [
            { alertName: 'PostgresDown', labels: { namespace: 'insights' } },
          ],
          review: { lastReviewed: '2026-10-01', intervalDays: 90 },
        }),
        runbook('api-slow', {
          entityRefs: ['component:default/insights-web'],
          triggers: [{ alertName: 'ApiSlow' }],
        }),
      ],
      problems: [
        {
          severity: 'warning',
          file: 'https://git.example/runbooks/api-slow.yaml',
          line: 4,
          column: 3,
          message: 'unknown field spec.priority, ignored',
          runbook: 'api-slow',
        },
      ],
      failedFiles: [],
      revision: 'abc123',
      at,
    });

    const forApi = await store.listRunbooks({
      entityRef: 'component:default/insights-api',
    });
    expect(forApi).toEqual([
      {
        namespace: 'default',
        name: 'postgres-down',
        title: 'Runbook postgres-down',
        severity: 'P1',
        entityRefs: ['component:default/insights-api'],
        triggers: [
          { alertName: 'PostgresDown', labels: { namespace: 'insights' } },
        ],
        sourceUrl: 'https://git.example/runbooks/postgres-down.yaml',
        sourceLine: 1,
        revision: 'abc123',
        lastSyncedAt: '2026-11-21T10:00:00.000Z',
        stale: false,
        review: { lastReviewed: '2026-10-01', intervalDays: 90 },
      },
    ]);
    expect(
      (
        await store.listRunbooks({
          entityRef: 'component:default/insights-web',
        })
      ).map(r => r.name),
    ).toEqual(['api-slow']);

    const details = await store.getRunbook('default', 'postgres-down');
    expect(details?.document.spec.triggers?.[0].alertName).toBe('PostgresDown');
    expect(await store.getRunbook('default', 'nope')).toBeUndefined();

    expect(
      (await store.findByAlert('PostgresDown', {})).map(r => r.name),
    ).toEqual(['postgres-down']);
    expect(
      (await store.findByAlert('PostgresDown', { namespace: 'insights' }))
        .length,
    ).toBe(1);
    expect(
      await store.findByAlert('PostgresDown', { namespace: 'staging' }),
    ).toEqual([]);
    expect(await store.findByAlert('Unknown', {})).toEqual([]);

    expect(
      await store.listProblems({ entityRef: 'component:default/insights-api' }),
    ).toEqual([
      expect.objectContaining({
        line: 4,
        runbook: 'api-slow',
        severity: 'warning',
      }),
    ]);
    const [location] = await store.listLocations({
      entityRef: 'component:default/insights-api',
    });
    expect(location).toMatchObject({
      id: api.id,
      revision: 'abc123',
      lastAttemptAt: '2026-11-21T10:00:00.000Z',
      lastSuccessAt: '2026-11-21T10:00:00.000Z',
    });
    expect(location.lastError).toBeUndefined();
  });

  it('replaces a location whole, and keeps the last good copy of a runbook whose file now fails', async () => {
    const { store } = await createStore();
    const first = new Date('2026-11-21T10:00:00.000Z');
    await store.replaceLocation(api, {
      runbooks: [runbook('a'), runbook('b'), runbook('c')],
      problems: [],
      failedFiles: [],
      at: first,
    });

    const second = new Date('2026-11-21T11:00:00.000Z');
    await store.replaceLocation(api, {
      // a: still good; b: its file is broken now; c: its file was deleted.
      runbooks: [runbook('a')],
      problems: [
        {
          severity: 'error',
          file: 'https://git.example/runbooks/b.yaml',
          line: 3,
          column: 1,
          message: 'Missing closing "quote',
        },
      ],
      failedFiles: ['https://git.example/runbooks/b.yaml'],
      at: second,
    });

    const list = await store.listRunbooks({});
    expect(list.map(r => [r.name, r.stale, r.lastSyncedAt])).toEqual([
      ['a', false, '2026-11-21T11:00:00.000Z'],
      ['b', true, '2026-11-21T10:00:00.000Z'],
    ]);
    expect(await store.listProblems({ locationIds: [api.id] })).toHaveLength(1);
  });

  it('keeps serving everything when a read fails, and records why', async () => {
    const { store } = await createStore();
    const first = new Date('2026-11-21T10:00:00.000Z');
    await store.replaceLocation(api, {
      runbooks: [runbook('a')],
      problems: [],
      failedFiles: [],
      at: first,
    });
    await store.recordFailure(
      api,
      'connect ECONNREFUSED 127.0.0.1:9418',
      new Date('2026-11-21T12:00:00.000Z'),
    );

    expect(await store.listRunbooks({})).toEqual([
      expect.objectContaining({
        lastSyncedAt: '2026-11-21T10:00:00.000Z',
        syncError: {
          at: '2026-11-21T12:00:00.000Z',
          message: 'connect ECONNREFUSED 127.0.0.1:9418',
        },
      }),
    ]);
    expect((await store.getRunbook('default', 'a'))?.syncError?.at).toBe(
      '2026-11-21T12:00:00.000Z',
    );
    expect(await store.getLocation(api.id)).toMatchObject({
      lastAttemptAt: '2026-11-21T12:00:00.000Z',
      lastSuccessAt: '2026-11-21T10:00:00.000Z',
      lastError: 'connect ECONNREFUSED 127.0.0.1:9418',
    });

    await store.recordUnchanged(api, new Date('2026-11-21T13:00:00.000Z'));
    const location = await store.getLocation(api.id);
    expect(location?.lastError).toBeUndefined();
    const [recovered] = await store.listRunbooks({});
    expect(recovered.lastSyncedAt).toBe('2026-11-21T13:00:00.000Z');
    expect(recovered.syncError).toBeUndefined();
  });

  it('refuses a runbook name another location holds, naming both files', async () => {
    const { store } = await createStore();
    const at = new Date('2026-11-21T10:00:00.000Z');
    await store.replaceLocation(api, {
      runbooks: [runbook('shared', {}, 'https://git.example/api/shared.yaml')],
      problems: [],
      failedFiles: [],
      at,
    });
    const { problems } = await store.replaceLocation(central, {
      runbooks: [
        runbook('shared', {}, 'https://git.example/central/shared.yaml'),
        runbook('other', {}, 'https://git.example/central/other.yaml'),
      ],
      problems: [],
      failedFiles: [],
      at,
    });
    expect(problems).toEqual([
      expect.objectContaining({
        severity: 'error',
        file: 'https://git.example/central/shared.yaml',
        message:
          'duplicate runbook name default/shared: https://git.example/api/shared.yaml already defines it',
      }),
    ]);
    expect((await store.getRunbook('default', 'shared'))?.sourceUrl).toBe(
      'https://git.example/api/shared.yaml',
    );
    expect(
      await store.listProblems({ locationIds: [central.id] }),
    ).toHaveLength(1);
  });

  it('prunes locations that no longer exist, with their runbooks', async () => {
    const { store } = await createStore();
    const at = new Date();
    await store.replaceLocation(api, {
      runbooks: [runbook('a')],
      problems: [],
      failedFiles: [],
      at,
    });
    await store.replaceLocation(central, {
      runbooks: [runbook('b')],
      problems: [],
      failedFiles: [],
      at,
    });
    expect(await store.pruneLocations('entity', [])).toBe(1);
    expect((await store.listRunbooks({})).map(r => r.name)).toEqual(['b']);
    expect((await store.listLocations()).map(l => l.id)).toEqual([central.id]);
  });

  it('stores hundreds of runbooks in one pass', async () => {
    const { store } = await createStore();
    const many = Array.from({ length: 450 }, (_, i) =>
      runbook(`rb-${i}`, { triggers: [{ alertName: `Alert${i % 10}` }] }),
    );
    await store.replaceLocation(api, {
      runbooks: many,
      problems: [],
      failedFiles: [],
      at: new Date(),
    });
    expect(await store.listRunbooks({})).toHaveLength(450);
    expect(await store.findByAlert('Alert3', {})).toHaveLength(45);
  });

  it("two instances on one database: one's change shows in the other's reads within the check interval", async () => {
    const knex = await databases.init(id);
    const database = mockServices.database({ knex });
    const a = await DatabaseRunbookStore.create({
      database,
      readCache: { checkIntervalMs: 0 },
    });
    const b = await DatabaseRunbookStore.create({
      database,
      readCache: { checkIntervalMs: 60_000 },
    });
    const at = new Date('2026-11-21T10:00:00.000Z');
    const pass = (title: string) =>
      a.replaceLocation(api, {
        runbooks: [
          {
            ...runbook('postgres-down', {
              triggers: [{ alertName: 'PostgresDown' }],
            }),
            document: {
              ...runbook('postgres-down').document,
              metadata: { name: 'postgres-down', namespace: 'default', title },
              spec: {
                entityRefs: ['component:default/insights-api'],
                triggers: [{ alertName: 'PostgresDown' }],
              },
            },
          },
        ],
        problems: [],
        failedFiles: [],
        at,
      });
    await pass('First');
    const reads = async (store: DatabaseRunbookStore) => [
      (
        await store.listRunbooks({
          entityRef: 'component:default/insights-api',
        })
      )
        .map(r => r.title)
        .join(),
      (await store.getRunbook('default', 'postgres-down'))?.title,
      (await store.findByAlert('PostgresDown', {})).map(r => r.title).join(),
    ];
    expect(await reads(a)).toEqual(['First', 'First', 'First']);
    expect(await reads(b)).toEqual(['First', 'First', 'First']);

    // a changes the index: a sees it at once; b (checking every minute)
    // still serves what it holds, and sees it once it checks.
    await pass('Second');
    expect(await reads(a)).toEqual(['Second', 'Second', 'Second']);
    expect(await reads(b)).toEqual(['First', 'First', 'First']);
    const c = await DatabaseRunbookStore.create({
      database,
      readCache: { checkIntervalMs: 0 },
    });
    expect(await reads(c)).toEqual(['Second', 'Second', 'Second']);

    // A failed read of the location is a change too (the sync error).
    await c.recordFailure(
      api,
      'git fetch failed',
      new Date(at.getTime() + 1000),
    );
    const [listed] = await a.listRunbooks({
      entityRef: 'component:default/insights-api',
    });
    expect(listed.syncError?.message).toBe('git fetch failed');
  });
});
