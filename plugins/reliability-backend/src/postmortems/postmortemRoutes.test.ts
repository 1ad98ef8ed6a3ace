import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import request from 'supertest';
import { reliabilityPlugin } from '../plugin';
import { postmortemPermissionRules } from '@reliability-suite/plugin-reliability-node';

const databases = TestDatabases.create();

const entities = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'insights-api', namespace: 'default' },
    spec: { owner: 'platform-team' },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name: 'platform-team', namespace: 'default' },
    spec: { type: 'team', children: [] },
  },
];

const draft = {
  title: 'API outage',
  severity: 'P1',
  owner: 'group:default/platform-team',
  entityRefs: ['component:default/insights-api'],
  milestones: {
    started: '2026-11-20T09:00:00Z',
    resolved: '2026-11-20T09:45:00Z',
  },
  actionItems: [
    {
      title: 'Add a readiness probe',
      type: 'prevent',
      runbook: 'default/api-not-responding',
    },
  ],
};

describe.each(databases.eachSupportedId())(
  'postmortem API on %s',
  databaseId => {
    async function startBackend(
      result:
        | AuthorizeResult.ALLOW
        | AuthorizeResult.DENY = AuthorizeResult.ALLOW,
    ) {
      const knex = await databases.init(databaseId);
      const { server } = await startTestBackend({
        features: [
          reliabilityPlugin,
          mockServices.database.factory({ knex }),
          mockServices.permissions.factory({ result }),
          catalogServiceMock.factory({ entities }),
        ],
      });
      return server;
    }

    it('creates, reads, updates with its version, audits and deletes', async () => {
      const server = await startBackend();
      const created = await request(server)
        .post('/api/reliability/postmortems')
        .send(draft);
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        version: 1,
        status: 'draft',
        authors: ['user:default/mock'],
        createdBy: 'user:default/mock',
        timeToResolveMinutes: 45,
      });
      expect(created.body.linkedOwners).toBeUndefined();
      const id = created.body.id;

      const list = await request(server).get(
        '/api/reliability/postmortems?entityRef=component:default/insights-api',
      );
      expect(list.body.items.map((p: any) => p.id)).toEqual([id]);

      const updated = await request(server)
        .put(`/api/reliability/postmortems/${id}`)
        .send({
          ...created.body,
          version: 1,
          summary: 'The API ran out of memory.',
        });
      expect(updated.status).toBe(200);
      expect(updated.body.version).toBe(2);

      // A second writer still on version 1 gets a conflict; the first write stays.
      const stale = await request(server)
        .put(`/api/reliability/postmortems/${id}`)
        .send({ ...created.body, version: 1, summary: 'Something else' });
      expect(stale.status).toBe(409);
      expect(stale.body.error.message).toMatch(/at version 2, not 1/);
      const read = await request(server).get(
        `/api/reliability/postmortems/${id}`,
      );
      expect(read.body.summary).toBe('The API ran out of memory.');

      const published = await request(server)
        .put(`/api/reliability/postmortems/${id}`)
        .send({ ...read.body, version: 2, status: 'published' });
      expect(published.status).toBe(200);
      expect(published.body.publishedAt).toEqual(expect.any(String));

      const items = await request(server).get(
        '/api/reliability/postmortems/action-items?runbook=default/api-not-responding',
      );
      expect(items.body.items).toEqual([
        expect.objectContaining({
          title: 'Add a readiness probe',
          postmortemId: id,
          overdue: false,
        }),
      ]);
      expect(items.body.totalCount).toBe(1);
      // At most 500 in one answer.
      expect(
        (
          await request(server).get(
            '/api/reliability/postmortems/action-items?limit=501',
          )
        ).status,
      ).toBe(400);

      const audit = await request(server).get(
        `/api/reliability/postmortems/${id}/audit`,
      );
      expect(audit.body.items.map((a: any) => [a.action, a.fields])).toEqual([
        ['create', expect.arrayContaining(['title', 'milestones'])],
        ['update', ['summary']],
        ['update', ['status']],
      ]);

      expect(
        (await request(server).delete(`/api/reliability/postmortems/${id}`))
          .status,
      ).toBe(204);
      expect(
        (await request(server).get(`/api/reliability/postmortems/${id}`))
          .status,
      ).toBe(404);
    });

    it('pages through the list with limit and offset, every postmortem once', async () => {
      const server = await startBackend();
      // The same start time for all: the order must still be total.
      for (let i = 0; i < 23; i++) {
        const res = await request(server)
          .post('/api/reliability/postmortems')
          .send({
            ...draft,
            title: `Outage ${i}`,
            severity: i < 5 ? 'P2' : 'P1',
          });
        expect(res.status).toBe(201);
      }
      const seen: string[] = [];
      for (const offset of [0, 10, 20]) {
        const page = await request(server).get(
          `/api/reliability/postmortems?limit=10&offset=${offset}`,
        );
        expect(page.status).toBe(200);
        expect(page.body.totalCount).toBe(23);
        expect(page.body.items).toHaveLength(offset === 20 ? 3 : 10);
        seen.push(...page.body.items.map((p: { id: string }) => p.id));
      }
      expect(new Set(seen).size).toBe(23);
      const everything = await request(server).get(
        '/api/reliability/postmortems',
      );
      expect(everything.body.items.map((p: { id: string }) => p.id)).toEqual(
        seen,
      );
      // The count is of what the filters match, on every page.
      const p2 = await request(server).get(
        '/api/reliability/postmortems?severity=P2&limit=2&offset=4',
      );
      expect(p2.body).toMatchObject({ totalCount: 5 });
      expect(p2.body.items).toHaveLength(1);
      // Each postmortem comes whole: a page holds at most 100.
      for (const bad of ['limit=0', 'limit=101', 'offset=-1', 'limit=ten']) {
        const res = await request(server).get(
          `/api/reliability/postmortems?${bad}`,
        );
        expect(res.status).toBe(400);
        expect(res.body.error.message).toMatch(bad.split('=')[0]);
      }
    });

    it('answers bad payloads with a 400 naming the field', async () => {
      const server = await startBackend();
      const bad = await request(server)
        .post('/api/reliability/postmortems')
        .send({
          ...draft,
          severity: 'P7',
          milestones: { started: 'last tuesday' },
        });
      expect(bad.status).toBe(400);
      expect(bad.body.error.message).toMatch(
        /milestones\.started must be an ISO 8601 time/,
      );
      const published = await request(server)
        .post('/api/reliability/postmortems')
        .send({ ...draft, status: 'published' });
      expect(published.status).toBe(400);
      const created = await request(server)
        .post('/api/reliability/postmortems')
        .send(draft);
      const noVersion = await request(server)
        .put(`/api/reliability/postmortems/${created.body.id}`)
        .send(draft);
      expect(noVersion.status).toBe(400);
      // The generated router checks the body against openapi.yaml first.
      expect(noVersion.body.error.message).toBe(
        "request/body must have required property 'version'",
      );
      const wrongType = await request(server)
        .post('/api/reliability/postmortems')
        .send({ ...draft, usersAffected: 'many' });
      expect(wrongType.status).toBe(400);
      expect(wrongType.body.error.message).toBe(
        'request/body/usersAffected must be integer',
      );
      const unknownQuery = await request(server).get(
        '/api/reliability/postmortems?colour=red',
      );
      expect(unknownQuery.status).toBe(400);
      expect(unknownQuery.body.error.message).toBe(
        "Unknown query parameter 'colour'",
      );

      // A bare author is a user (who keeps their author rights); a ref the
      // catalog does not know is named; a string that is no ref is a 400.
      const bare = await request(server)
        .post('/api/reliability/postmortems')
        .send({ ...draft, authors: ['mock'] });
      expect(bare.status).toBe(201);
      expect(bare.body.authors).toEqual(['user:default/mock']);
      const unknown = await request(server)
        .post('/api/reliability/postmortems')
        .send({
          ...draft,
          entityRefs: ['component:default/insights-api', 'no-such-service'],
        });
      expect(unknown.status).toBe(400);
      expect(unknown.body.error.message).toBe(
        'Invalid postmortem: entityRefs[1] component:default/no-such-service is not in the catalog',
      );
      const notARef = await request(server)
        .post('/api/reliability/postmortems')
        .send({ ...draft, owner: 'not a ref' });
      expect(notARef.status).toBe(400);
      expect(notARef.body.error.message).toMatch(
        /^Invalid postmortem: owner "not a ref" is not an entity ref/,
      );
      expect(
        (await request(server).get('/api/reliability/postmortems/nope')).status,
      ).toBe(400);
      expect(
        (
          await request(server).get(
            '/api/reliability/postmortems?status=closed',
          )
        ).status,
      ).toBe(400);
    });

    it('lets an editor change content but not the owner or the entities without the publish permission', async () => {
      const knex = await databases.init(databaseId);
      const permissions = mockServices.permissions.mock({
        authorize: async requests =>
          requests.map(r => ({
            result:
              r.permission.name === 'reliability.postmortem.publish'
                ? AuthorizeResult.DENY
                : AuthorizeResult.ALLOW,
          })) as any,
        // Reading: the whole catalog.
        authorizeConditional: async requests =>
          requests.map(() => ({ result: AuthorizeResult.ALLOW })) as any,
      });
      const { server } = await startTestBackend({
        features: [
          reliabilityPlugin,
          mockServices.database.factory({ knex }),
          permissions.factory,
          catalogServiceMock.factory({ entities }),
        ],
      });
      const created = await request(server)
        .post('/api/reliability/postmortems')
        .send(draft);
      const id = created.body.id;
      const summary = await request(server)
        .put(`/api/reliability/postmortems/${id}`)
        .send({ ...created.body, version: 1, summary: 'Content is fine' });
      expect(summary.status).toBe(200);
      const takeOver = await request(server)
        .put(`/api/reliability/postmortems/${id}`)
        .send({ ...summary.body, version: 2, owner: 'user:default/mock' });
      expect(takeOver.status).toBe(403);
      const moreEntities = await request(server)
        .put(`/api/reliability/postmortems/${id}`)
        .send({
          ...summary.body,
          version: 2,
          entityRefs: ['component:default/mine'],
        });
      expect(moreEntities.status).toBe(403);
      const publish = await request(server)
        .put(`/api/reliability/postmortems/${id}`)
        .send({ ...summary.body, version: 2, status: 'published' });
      expect(publish.status).toBe(403);
      // A stale version is a conflict before anything else is decided.
      const stale = await request(server)
        .put(`/api/reliability/postmortems/${id}`)
        .send({ ...summary.body, version: 1, owner: 'user:default/mock' });
      expect(stale.status).toBe(409);
      expect(
        (await request(server).get(`/api/reliability/postmortems/${id}`)).body
          .owner,
      ).toBe('group:default/platform-team');
    });

    it('refuses writes the policy denies, and writes by services', async () => {
      const server = await startBackend(AuthorizeResult.DENY);
      expect(
        (await request(server).post('/api/reliability/postmortems').send(draft))
          .status,
      ).toBe(403);
      const asService = await request(server)
        .post('/api/reliability/postmortems')
        .set('Authorization', mockCredentials.service.header())
        .send(draft);
      expect(asService.status).toBe(403);
      expect(
        (await request(server).get('/api/reliability/postmortems')).status,
      ).toBe(200);
    });
  },
);

describe('postmortem permission rules', () => {
  const pm = {
    authors: ['user:default/amara.okafor'],
    owner: 'group:default/platform-team',
    linkedOwners: ['group:default/web-team'],
  } as any;
  it('match authors, owners and owners of linked entities', () => {
    const { isPostmortemAuthor, isPostmortemOwner, isLinkedEntityOwner } =
      postmortemPermissionRules;
    expect(
      isPostmortemAuthor.apply(pm, { claims: ['user:default/amara.okafor'] }),
    ).toBe(true);
    expect(
      isPostmortemAuthor.apply(pm, { claims: ['group:default/platform-team'] }),
    ).toBe(false);
    expect(
      isPostmortemOwner.apply(pm, { claims: ['group:default/platform-team'] }),
    ).toBe(true);
    expect(
      isLinkedEntityOwner.apply(pm, { claims: ['group:default/web-team'] }),
    ).toBe(true);
    expect(
      isLinkedEntityOwner.apply(pm, { claims: ['group:default/sre-team'] }),
    ).toBe(false);
  });
});
