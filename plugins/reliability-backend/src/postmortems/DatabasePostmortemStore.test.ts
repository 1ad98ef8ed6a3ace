import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { ConflictError } from '@backstage/errors';
import type { PostmortemContent } from '@reliability-suite/plugin-reliability-common';
import { DatabasePostmortemStore } from './DatabasePostmortemStore';
import { parsePostmortemContent } from './validation';

const databases = TestDatabases.create();
const SEVERITIES = ['P1', 'P2', 'P3', 'P4'];

function content(extra: object = {}): PostmortemContent {
  return parsePostmortemContent(
    {
      title: 'Database outage',
      severity: 'P1',
      authors: ['user:default/amara.okafor'],
      owner: 'group:default/platform-team',
      entityRefs: ['resource:insights-postgres', 'component:insights-api'],
      milestones: {
        started: '2026-11-20T09:00:00Z',
        detected: '2026-11-20T09:04:00Z',
        resolved: '2026-11-20T10:30:00Z',
      },
      actionItems: [
        {
          id: 'a1',
          title: 'Alert on replication lag',
          type: 'detect',
          dueDate: '2026-11-01',
        },
        {
          id: 'a2',
          title: 'Fix the runbook restore step',
          type: 'process',
          runbook: 'default/postgres-down',
          status: 'in-progress',
          dueDate: '2099-01-01',
        },
        { id: 'a3', title: 'Done already', type: 'prevent', status: 'done' },
      ],
      ...extra,
    },
    { severities: SEVERITIES },
  );
}

describe.each(databases.eachSupportedId())(
  'DatabasePostmortemStore on %s',
  id => {
    async function createStore() {
      const knex = await databases.init(id);
      return DatabasePostmortemStore.create({
        database: mockServices.database({ knex }),
      });
    }

    it('creates, reads, lists by entity and computes time to detect and resolve', async () => {
      const store = await createStore();
      const created = await store.create(content(), {
        actor: 'user:default/amara.okafor',
        linkedOwners: ['group:default/platform-team'],
      });
      expect(created).toMatchObject({
        version: 1,
        title: 'Database outage',
        status: 'draft',
        createdBy: 'user:default/amara.okafor',
        timeToDetectMinutes: 4,
        timeToResolveMinutes: 90,
        entityRefs: [
          'resource:default/insights-postgres',
          'component:default/insights-api',
        ],
      });
      expect(created.publishedAt).toBeUndefined();
      expect((await store.get(created.id))?.linkedOwners).toEqual([
        'group:default/platform-team',
      ]);
      expect(
        (await store.list({ entityRef: 'component:default/insights-api' })).map(
          p => p.id,
        ),
      ).toEqual([created.id]);
      expect(
        await store.list({ entityRef: 'component:default/other' }),
      ).toEqual([]);
      expect(
        (await store.list({ severity: 'P1', status: 'draft' })).length,
      ).toBe(1);
      expect(await store.list({ from: '2026-11-21T00:00:00Z' })).toEqual([]);
      expect(
        (
          await store.list({
            from: '2026-11-20T00:00:00Z',
            to: '2026-11-21T00:00:00Z',
          })
        ).length,
      ).toBe(1);
    });

    it('updates only from the current version; a stale write gets a conflict and loses nothing', async () => {
      const store = await createStore();
      const created = await store.create(content(), {
        actor: 'user:default/a',
        linkedOwners: [],
      });
      const first = await store.update(
        created.id,
        1,
        content({ summary: 'First writer' }),
        { actor: 'user:default/a', linkedOwners: [] },
      );
      expect(first.version).toBe(2);
      await expect(
        store.update(
          created.id,
          1,
          content({ summary: 'Second writer, stale' }),
          {
            actor: 'user:default/b',
            linkedOwners: [],
          },
        ),
      ).rejects.toBeInstanceOf(ConflictError);
      expect((await store.get(created.id))?.summary).toBe('First writer');
    });

    it('audits every change: who, when, which fields', async () => {
      const store = await createStore();
      const created = await store.create(content(), {
        actor: 'user:default/a',
        linkedOwners: [],
      });
      await store.update(
        created.id,
        1,
        content({ summary: 'What happened', status: 'in-review' }),
        {
          actor: 'user:default/b',
          linkedOwners: [],
          at: new Date('2026-11-21T08:00:00Z'),
        },
      );
      const published = await store.update(
        created.id,
        2,
        content({ summary: 'What happened', status: 'published' }),
        {
          actor: 'user:default/c',
          linkedOwners: [],
          at: new Date('2026-11-21T09:00:00Z'),
        },
      );
      expect(published.publishedAt).toBe('2026-11-21T09:00:00.000Z');
      const audit = await store.audit(created.id);
      expect(audit.map(a => [a.action, a.actor, a.version])).toEqual([
        ['create', 'user:default/a', 1],
        ['update', 'user:default/b', 2],
        ['update', 'user:default/c', 3],
      ]);
      expect(audit[1]).toMatchObject({
        at: '2026-11-21T08:00:00.000Z',
        fields: ['status', 'summary'],
      });
      expect(audit[2].fields).toEqual(['status']);
      await store.delete(created.id, { actor: 'user:default/c' });
      expect(await store.get(created.id)).toBeUndefined();
      expect((await store.audit(created.id)).pop()?.action).toBe('delete');
    });

    it('lists open action items across postmortems, marks the overdue ones, and finds those for a runbook', async () => {
      const store = await createStore();
      const pm = await store.create(content(), {
        actor: 'user:default/a',
        linkedOwners: [],
      });
      const open = await store.actionItems({
        status: 'open',
        now: new Date('2026-11-21T00:00:00Z'),
      });
      expect(open.map(i => [i.id, i.overdue, i.postmortemTitle])).toEqual([
        ['a1', true, 'Database outage'],
        ['a2', false, 'Database outage'],
      ]);
      expect(open[0].postmortemId).toBe(pm.id);
      const forRunbook = await store.actionItems({
        status: 'open',
        runbook: 'default/postgres-down',
      });
      expect(forRunbook.map(i => i.id)).toEqual(['a2']);

      // A page at a time, in the same order, with the count.
      await store.create(content(), {
        actor: 'user:default/a',
        linkedOwners: [],
      });
      const all = await store.actionItems({ status: 'open' });
      expect(all).toHaveLength(4);
      expect(await store.countActionItems({ status: 'open' })).toBe(4);
      const pages = [
        await store.actionItems({ status: 'open', limit: 3, offset: 0 }),
        await store.actionItems({ status: 'open', limit: 3, offset: 3 }),
      ];
      expect(pages.flat().map(i => [i.postmortemId, i.id])).toEqual(
        all.map(i => [i.postmortemId, i.id]),
      );
      expect(pages.map(p => p.length)).toEqual([3, 1]);
      // Those of a postmortem naming a hidden entity are left out.
      const hidden = { hiddenEntityRefs: content().entityRefs.slice(0, 1) };
      expect(await store.countActionItems({ status: 'open', ...hidden })).toBe(
        0,
      );
    });

    it('keeps every acknowledged write of 50 concurrent writers', async () => {
      const store = await createStore();
      const created = await store.create(content({ timeline: [] }), {
        actor: 'user:default/a',
        linkedOwners: [],
      });
      let conflicts = 0;
      const acknowledged: string[] = [];
      await Promise.all(
        Array.from({ length: 50 }, async (_, i) => {
          const event = `writer ${i}`;
          for (let attempt = 0; attempt < 200; attempt++) {
            const current = (await store.get(created.id))!;
            const next = content({
              timeline: [
                ...current.timeline,
                { at: '2026-11-20T09:00:00Z', event },
              ],
            });
            try {
              await store.update(created.id, current.version, next, {
                actor: `user:default/w${i}`,
                linkedOwners: [],
              });
              acknowledged.push(event);
              return;
            } catch (e) {
              if (!(e instanceof ConflictError)) throw e;
              conflicts++;
            }
          }
          throw new Error(`${event} never got its write in`);
        }),
      );
      const final = (await store.get(created.id))!;
      expect(acknowledged).toHaveLength(50);
      expect(final.version).toBe(51);
      expect(final.timeline.map(t => t.event).sort()).toEqual(
        [...acknowledged].sort(),
      );
      expect((await store.audit(created.id)).length).toBe(51);
      // On PostgreSQL the writers really race; SQLite serialises them.
      expect(conflicts).toBeGreaterThanOrEqual(0);
    }, 120_000);
  },
);
