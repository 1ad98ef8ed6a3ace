import { catalogApiRef, entityRouteRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import {
  MockPermissionApi,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import type {
  Postmortem,
  PostmortemContent,
} from '@reliability-suite/plugin-reliability-common';
import { useState } from 'react';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes, useNavigate } from 'react-router-dom';
import { ReliabilityRouter } from '../runbooks/ReliabilityRouter';
import type { ReliabilityApi } from '../api/ReliabilityApi';
import { reliabilityApiRef } from '../api/ReliabilityApi';
import { mockReliabilityApi } from '../__testUtils__/mockReliabilityApi';
import { rootRouteRef } from '../routes';
import { emptyPostmortem, PostmortemEditor } from './PostmortemEditor';
import { PostmortemPage } from './PostmortemPage';

const PM: Postmortem = {
  id: '3f0c5f8e-0000-4000-8000-000000000001',
  version: 3,
  title: 'Insights API outage',
  status: 'in-review',
  authors: ['user:default/amara.okafor'],
  owner: 'group:default/platform-team',
  severity: 'P1',
  entityRefs: ['component:default/insights-api'],
  alerts: ['InsightsApiDown'],
  runbooks: ['default/api-not-responding'],
  milestones: {
    started: '2026-11-20T09:00:00.000Z',
    resolved: '2026-11-20T09:45:00.000Z',
  },
  summary: 'The API ran out of memory. <script>window.__pm=1</script>',
  rootCauses: ['A leak in the export job'],
  contributingFactors: [],
  lessons: { wentWell: ['Paging worked'], wentWrong: [], gotLucky: [] },
  timeline: [{ at: '2026-11-20T09:04:00.000Z', event: 'Alert fired' }],
  actionItems: [
    {
      id: 'a1',
      title: 'Add a memory limit alert',
      type: 'detect',
      status: 'open',
      dueDate: '2020-01-01',
    },
  ],
  createdAt: '2026-11-20T12:00:00.000Z',
  createdBy: 'user:default/amara.okafor',
  updatedAt: '2026-11-21T08:00:00.000Z',
  updatedBy: 'user:default/amara.okafor',
  timeToResolveMinutes: 45,
};

async function renderPage(
  api: ReliabilityApi,
  result: AuthorizeResult.ALLOW | AuthorizeResult.DENY = AuthorizeResult.ALLOW,
) {
  return renderInTestApp(
    <TestApiProvider
      apis={[
        [reliabilityApiRef, api],
        [catalogApiRef, catalogApiMock()],
        [permissionApiRef, new MockPermissionApi(() => result as any)],
      ]}
    >
      <Routes>
        <Route
          path="/reliability/postmortems/:id"
          element={<PostmortemPage />}
        />
      </Routes>
    </TestApiProvider>,
    {
      mountedRoutes: {
        '/reliability': rootRouteRef,
        '/catalog/:namespace/:kind/:name': entityRouteRef,
      },
      routeEntries: [`/reliability/postmortems/${PM.id}`],
    },
  );
}

describe('PostmortemPage', () => {
  it('shows the postmortem readably, with overdue action items standing out and no HTML run', async () => {
    await renderPage(
      mockReliabilityApi({
        getPostmortem: async () => PM,
        getPostmortemAudit: async () => [
          {
            at: '2026-11-20T12:00:00.000Z',
            actor: 'user:default/amara.okafor',
            action: 'create',
            fields: ['title'],
            version: 1,
          },
          {
            at: '2026-11-21T08:00:00.000Z',
            actor: 'user:default/jonas.lindqvist',
            action: 'update',
            fields: ['summary', 'timeline'],
            version: 2,
          },
        ],
      }),
    );
    expect(
      await screen.findByText('A leak in the export job'),
    ).toBeInTheDocument();
    expect(
      await screen.findByText(
        /v2 · .* · user:default\/jonas.lindqvist · update: summary, timeline/,
      ),
    ).toBeInTheDocument();
    expect(screen.getByText(/time to resolve: 45 min/)).toBeInTheDocument();
    expect(screen.getByText('2020-01-01 · overdue')).toBeInTheDocument();
    expect(
      screen.getByText(/<script>window.__pm=1<\/script>/),
    ).toBeInTheDocument();
    expect((window as any).__pm).toBeUndefined();
  });

  it('offers no Edit or Publish to those the policy denies', async () => {
    await renderPage(
      mockReliabilityApi({
        getPostmortem: async () => ({
          ...PM,
          id: '3f0c5f8e-0000-4000-8000-000000000002',
        }),
      }),
      AuthorizeResult.DENY,
    );
    await screen.findByText('A leak in the export job');
    expect(
      screen.queryByRole('button', { name: 'Edit' }),
    ).not.toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Publish' }),
    ).not.toBeInTheDocument();
  });

  it('keeps the edits and explains when someone else saved first', async () => {
    const api = mockReliabilityApi({
      getPostmortem: async () => PM,
      updatePostmortem: async () => {
        // What ReliabilityClient throws for a 409 answer.
        throw Object.assign(new Error('Request failed with 409 Conflict'), {
          name: 'ResponseError',
          statusCode: 409,
        });
      },
    });
    await renderPage(api);
    await userEvent.click(await screen.findByRole('button', { name: 'Edit' }));
    fireEvent.change(screen.getByLabelText(/^Title/), {
      target: { value: 'Insights API outage (memory)' },
    });
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(
      await screen.findByText(
        /Someone else saved this postmortem after you opened it/,
      ),
    ).toBeInTheDocument();
    expect(screen.getByLabelText(/^Title/)).toHaveValue(
      'Insights API outage (memory)',
    );
    await waitFor(() =>
      expect(api.updatePostmortem).toHaveBeenCalledWith(
        PM.id,
        3,
        expect.objectContaining({ title: 'Insights API outage (memory)' }),
      ),
    );
  }, 30_000);
});

describe('moving from one postmortem to another', () => {
  it('starts afresh: an open form never carries over to the next postmortem', async () => {
    const B = {
      ...PM,
      id: '3f0c5f8e-0000-4000-8000-00000000000b',
      title: 'Cache stampede',
    };
    const api = mockReliabilityApi({
      getPostmortem: async (id: string) => (id === B.id ? B : PM),
    });
    const GoToB = () => {
      const navigate = useNavigate();
      return (
        <button onClick={() => navigate(`/reliability/postmortems/${B.id}`)}>
          go to B
        </button>
      );
    };
    await renderInTestApp(
      <TestApiProvider
        apis={[
          [reliabilityApiRef, api],
          [catalogApiRef, catalogApiMock()],
          [permissionApiRef, new MockPermissionApi()],
        ]}
      >
        <GoToB />
        <Routes>
          <Route path="/reliability/*" element={<ReliabilityRouter />} />
        </Routes>
      </TestApiProvider>,
      {
        mountedRoutes: {
          '/reliability': rootRouteRef,
          '/catalog/:namespace/:kind/:name': entityRouteRef,
        },
        routeEntries: [`/reliability/postmortems/${PM.id}`],
      },
    );
    await userEvent.click(await screen.findByRole('button', { name: 'Edit' }));
    expect(screen.getByLabelText(/^Title/)).toHaveValue('Insights API outage');
    await userEvent.click(screen.getByRole('button', { name: 'go to B' }));
    expect(
      await screen.findByText('Cache stampede', { selector: 'h1' }),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Save' }),
    ).not.toBeInTheDocument();
    expect(screen.queryByLabelText(/^Title/)).not.toBeInTheDocument();
  }, 30_000);
});

describe('PostmortemEditor', () => {
  it('lets lists be typed naturally: a comma or a new line stays while typing', async () => {
    const seen: PostmortemContent[] = [];
    const Harness = () => {
      const [value, setValue] = useState(emptyPostmortem());
      return (
        <PostmortemEditor
          value={value}
          onChange={next => {
            seen.push(next);
            setValue(next);
          }}
          severities={[]}
        />
      );
    };
    await renderInTestApp(<Harness />);
    const alerts = screen.getByLabelText('Alerts that fired (comma-separated)');
    await userEvent.type(alerts, 'ApiDown, DbDown');
    expect(alerts).toHaveValue('ApiDown, DbDown');
    expect(seen[seen.length - 1].alerts).toEqual(['ApiDown', 'DbDown']);

    const causes = screen.getByLabelText('Root causes (one per line)');
    await userEvent.type(causes, 'A leak{enter}No limit');
    expect(causes).toHaveValue('A leak\nNo limit');
    expect(seen[seen.length - 1].rootCauses).toEqual(['A leak', 'No limit']);
  }, 30_000);
});
