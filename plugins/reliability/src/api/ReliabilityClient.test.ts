import { MockFetchApi, registerMswTestHooks } from '@backstage/test-utils';
import { ResponseError } from '@backstage/errors';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
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
});
