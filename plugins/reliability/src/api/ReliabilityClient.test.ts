import { MockFetchApi, registerMswTestHooks } from '@backstage/test-utils';
import { ResponseError } from '@backstage/errors';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import type { ReliabilityApiRoutes } from '@reliability-suite/plugin-reliability-common';
import { ReliabilityClient } from './ReliabilityClient';

const baseUrl = 'http://backstage.test/api/reliability';
const server = setupServer();

describe('ReliabilityClient', () => {
  registerMswTestHooks(server);

  const client = new ReliabilityClient({
    discoveryApi: { getBaseUrl: async () => baseUrl },
    fetchApi: new MockFetchApi({
      injectIdentityAuth: { token: 'user-token' },
    }),
  });

  it('asks for an entity overview by namespace, kind and name, with the user token', async () => {
    let authorization: string | null = null;
    server.use(
      http.get(
        `${baseUrl}/entities/default/component/insights-api/overview`,
        ({ request }) => {
          authorization = request.headers.get('authorization');
          return HttpResponse.json({
            entityRef: 'component:default/insights-api',
            title: 'Insights API',
            annotations: { 'reliability.io/rpo': '15m' },
            generatedAt: '2026-11-21T10:00:00.000Z',
          });
        },
      ),
    );

    const overview = await client.getEntityOverview(
      'component:default/insights-api',
    );
    expect(overview.annotations['reliability.io/rpo']).toBe('15m');
    expect(authorization).toBe('Bearer user-token');
  });

  it('turns an error answer into a ResponseError carrying the backend message', async () => {
    server.use(
      http.get(`${baseUrl}/entities/default/component/nope/overview`, () =>
        HttpResponse.json(
          {
            error: { name: 'NotFoundError', message: 'No entity nope' },
            request: { method: 'GET', url: '/' },
            response: { statusCode: 404 },
          },
          { status: 404 },
        ),
      ),
    );

    const failure = client.getEntityOverview('component:default/nope');
    await expect(failure).rejects.toBeInstanceOf(ResponseError);
    await expect(failure).rejects.toMatchObject({
      statusCode: 404,
      body: { error: { name: 'NotFoundError', message: 'No entity nope' } },
    });
  });

  it('sends the postmortem update the document describes, and knows only its routes', async () => {
    let seen: { method: string; url: string; body: unknown } | undefined;
    server.use(
      http.put(`${baseUrl}/postmortems/:id`, async ({ request }) => {
        seen = {
          method: request.method,
          url: request.url,
          body: await request.json(),
        };
        return HttpResponse.json({ id: 'x', version: 4 });
      }),
    );
    await client.updatePostmortem('a b', 3, { title: 'T' } as any);
    expect(seen).toEqual({
      method: 'PUT',
      url: `${baseUrl}/postmortems/a%20b`,
      body: { title: 'T', version: 3 },
    });
    // The routes are generated from openapi.yaml: another one does not compile.
    const known: ReliabilityApiRoutes['put'] = '/postmortems/{id}';
    // @ts-expect-error: not a route of the reliability API
    const unknown: ReliabilityApiRoutes['put'] = '/postmortems/{id}/title';
    expect([known, unknown]).toHaveLength(2);
  });
});
