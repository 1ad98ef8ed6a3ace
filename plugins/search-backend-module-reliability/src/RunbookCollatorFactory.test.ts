import { mockServices } from '@backstage/backend-test-utils';
import type { RunbookDetails } from '@reliability-suite/plugin-reliability-common';
import { PostmortemCollatorFactory } from './PostmortemCollatorFactory';
import { RunbookCollatorFactory } from './RunbookCollatorFactory';

const runbook: RunbookDetails = {
  namespace: 'default',
  name: 'postgres-down',
  title: 'PostgreSQL is down',
  severity: 'P1',
  entityRefs: ['resource:default/insights-postgres'],
  triggers: [{ alertName: 'PostgresDown' }],
  sourceUrl: 'https://git.example/runbooks/postgres.yaml',
  sourceLine: 1,
  lastSyncedAt: '2026-11-21T10:00:00.000Z',
  stale: false,
  document: {
    apiVersion: 'reliability.io/v1alpha1',
    kind: 'Runbook',
    metadata: {
      name: 'postgres-down',
      namespace: 'default',
      title: 'PostgreSQL is down',
    },
    spec: {
      summary: 'The primary does not accept connections.',
      symptoms: ['The API crash-loops'],
      triggers: [{ alertName: 'PostgresDown' }],
      immediateActions: [
        { title: 'Restart the pod', run: 'kubectl delete pod postgresql-0' },
        { verify: 'pg_isready', expect: 'accepting connections' },
      ],
      rollback: 'page-oncall',
    },
  },
};

describe('PostmortemCollatorFactory', () => {
  it('indexes published postmortems only, linking to their page', async () => {
    const urls: string[] = [];
    const factory = new PostmortemCollatorFactory({
      discovery: mockServices.discovery(),
      auth: mockServices.auth(),
      fetch: (async (url: string) => {
        urls.push(url);
        return new Response(
          JSON.stringify({
            items: [
              {
                id: '3f0c5f8e-0000-4000-8000-000000000001',
                title: 'API outage',
                severity: 'P1',
                summary: 'The API ran out of memory.',
                rootCauses: ['A leak in the export job'],
                contributingFactors: [],
                alerts: ['InsightsApiDown'],
                entityRefs: ['component:default/insights-api'],
                publishedAt: '2026-11-21T09:00:00.000Z',
              },
            ],
          }),
        );
      }) as any,
    });
    const documents = [];
    for await (const doc of await factory.getCollator()) documents.push(doc);
    expect(urls[0]).toMatch(/\/postmortems\?status=published$/);
    expect(documents).toEqual([
      expect.objectContaining({
        title: 'API outage',
        location:
          '/reliability/postmortems/3f0c5f8e-0000-4000-8000-000000000001',
        text: 'The API ran out of memory.\nA leak in the export job\nAlerts: InsightsApiDown',
      }),
    ]);
  });
});

describe('PostmortemCollatorFactory over many pages', () => {
  it('reads page after page until every published postmortem has come', async () => {
    const all = Array.from({ length: 1203 }, (_, i) => ({
      id: `3f0c5f8e-0000-4000-8000-${String(i).padStart(12, '0')}`,
      title: `Outage ${i}`,
      rootCauses: [],
      contributingFactors: [],
      alerts: [],
      entityRefs: [],
    }));
    const urls: string[] = [];
    const factory = new PostmortemCollatorFactory({
      discovery: mockServices.discovery(),
      auth: mockServices.auth(),
      fetch: (async (url: string) => {
        urls.push(url);
        const offset = Number(new URL(url).searchParams.get('offset') ?? 0);
        return new Response(
          JSON.stringify({
            items: all.slice(offset, offset + 500),
            totalCount: all.length,
          }),
        );
      }) as any,
    });
    const titles = [];
    for await (const doc of await factory.getCollator()) titles.push(doc.title);
    expect(titles).toEqual(all.map(p => p.title));
    expect(urls.map(u => new URL(u).search)).toEqual([
      '?status=published',
      '?status=published&offset=500',
      '?status=published&offset=1000',
    ]);
  });
});

describe('RunbookCollatorFactory', () => {
  it('reads every runbook from the reliability API with a service token and indexes its text', async () => {
    const calls: Array<{ url: string; auth: string | null }> = [];
    const factory = new RunbookCollatorFactory({
      discovery: mockServices.discovery(),
      auth: mockServices.auth(),
      fetch: (async (url: string, init: RequestInit) => {
        calls.push({
          url,
          auth: new Headers(init.headers).get('authorization'),
        });
        return new Response(JSON.stringify({ items: [runbook] }), {
          headers: { 'content-type': 'application/json' },
        });
      }) as any,
    });

    const documents = [];
    for await (const doc of await factory.getCollator()) documents.push(doc);

    expect(factory.type).toBe('reliability-runbook');
    expect(calls).toHaveLength(1);
    expect(calls[0].url).toMatch(/\/api\/reliability\/runbooks\?view=full$/);
    expect(calls[0].auth).toMatch(/^Bearer .+/);
    expect(documents).toEqual([
      {
        title: 'PostgreSQL is down',
        location: '/reliability/runbooks/default/postgres-down',
        namespace: 'default',
        name: 'postgres-down',
        severity: 'P1',
        alertNames: ['PostgresDown'],
        entityRefs: ['resource:default/insights-postgres'],
        text: [
          'Alerts: PostgresDown',
          'The primary does not accept connections.',
          'The API crash-loops',
          'Restart the pod kubectl delete pod postgresql-0',
          'pg_isready accepting connections',
          'page-oncall',
        ].join('\n'),
      },
    ]);
  });

  it('fails the collation when the API answers with an error', async () => {
    const factory = new RunbookCollatorFactory({
      discovery: mockServices.discovery(),
      auth: mockServices.auth(),
      fetch: (async () => new Response('{}', { status: 503 })) as any,
    });
    const collator = await factory.getCollator();
    await expect(async () => {
      for await (const _ of collator) {
        // drain
      }
    }).rejects.toThrow(/503/);
  });
});
