import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import request from 'supertest';
import { reliabilityPlugin } from './plugin';

const insightsApi: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'insights-api',
    title: 'Insights API',
    annotations: {
      'reliability.io/tier': 'tier-1',
      'reliability.io/rpo': '15m',
      'reliability.io/rto': '1h',
      'backstage.io/techdocs-ref': 'dir:.',
    },
  },
  spec: { type: 'service', owner: 'platform-team', lifecycle: 'production' },
};

// What one of the seed handbooks writes as its RPO: a word, not a time.
const vague: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: {
    name: 'catalyst-db',
    annotations: {
      'reliability.io/rpo': 'Near-zero',
      'reliability.io/rto': '≈ 30 min (initial guess)',
    },
  },
  spec: { type: 'database', owner: 'platform-team' },
};

const databases = TestDatabases.create();

describe.each(databases.eachSupportedId())('reliability plugin on %s', id => {
  async function startBackend() {
    const knex = await databases.init(id);
    const { server } = await startTestBackend({
      features: [
        reliabilityPlugin,
        mockServices.database.factory({ knex }),
        catalogServiceMock.factory({ entities: [insightsApi, vague] }),
      ],
    });
    return { server, knex };
  }

  it('answers the health check without credentials, with its database reachable', async () => {
    const { server } = await startBackend();
    const response = await request(server)
      .get('/api/reliability/health')
      .set('Authorization', mockCredentials.none.header());
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      status: 'ok',
      database: { reachable: true },
    });
    expect(Date.parse(response.body.startedAt)).not.toBeNaN();
  });

  it('reports a database that does not answer as degraded (503)', async () => {
    const { server, knex } = await startBackend();
    await knex.destroy();
    const response = await request(server).get('/api/reliability/health');
    expect(response.status).toBe(503);
    expect(response.body.status).toBe('degraded');
    expect(response.body.database.reachable).toBe(false);
    expect(response.body.database.error).toEqual(expect.any(String));
  });

  it("serves an entity's overview from the catalog", async () => {
    const { server } = await startBackend();
    const response = await request(server).get(
      '/api/reliability/entities/default/component/insights-api/overview',
    );
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      entityRef: 'component:default/insights-api',
      title: 'Insights API',
      owner: 'platform-team',
      annotations: {
        'reliability.io/tier': 'tier-1',
        'reliability.io/rpo': '15m',
        'reliability.io/rto': '1h',
      },
    });
    expect(response.body.objectives).toEqual({
      rpo: { text: '15m', value: { kind: 'duration', seconds: 900 } },
      rto: { text: '1h', value: { kind: 'duration', seconds: 3600 } },
    });
    // Only the suite's own annotations cross the wire.
    expect(response.body.annotations['backstage.io/techdocs-ref']).toBe(
      undefined,
    );
  });

  it('reads RPO and RTO annotations, keeping words that are no time as written', async () => {
    const { server } = await startBackend();
    const response = await request(server).get(
      '/api/reliability/entities/default/resource/catalyst-db/overview',
    );
    expect(response.status).toBe(200);
    // A word that is no time is kept as written: unquantified, never checked.
    expect(response.body.objectives.rpo).toEqual({
      text: 'Near-zero',
      value: { kind: 'qualitative', text: 'Near-zero' },
    });
    expect(response.body.objectives.rto).toEqual({
      text: '≈ 30 min (initial guess)',
      value: {
        kind: 'duration',
        seconds: 1800,
        approximate: true,
        provisional: true,
        note: 'initial guess',
      },
    });
  });

  it('answers 404 for an entity the catalog does not have', async () => {
    const { server } = await startBackend();
    const response = await request(server).get(
      '/api/reliability/entities/default/component/nope/overview',
    );
    expect(response.status).toBe(404);
    expect(response.body.error.message).toContain('component:default/nope');
  });

  it('refuses malformed entity refs with a 400 naming the part', async () => {
    const { server } = await startBackend();
    const response = await request(server).get(
      '/api/reliability/entities/default/comp%20onent/x/overview',
    );
    expect(response.status).toBe(400);
    expect(response.body.error.message).toContain('kind');
  });

  it('refuses an overview to a caller without credentials (401)', async () => {
    const { server } = await startBackend();
    const response = await request(server)
      .get('/api/reliability/entities/default/component/insights-api/overview')
      .set('Authorization', mockCredentials.none.header());
    expect(response.status).toBe(401);
  });
});
