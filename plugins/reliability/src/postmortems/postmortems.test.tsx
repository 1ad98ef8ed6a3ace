import { catalogApiRef, entityRouteRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import {
  MockPermissionApi,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import type { Postmortem } from '@reliability-suite/plugin-reliability-common';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes, useNavigate } from 'react-router-dom';
import { ReliabilityRouter } from '../ReliabilityRouter';
import type { ReliabilityApi } from '../api/ReliabilityApi';
import { incidentsApiRef } from '../api/IncidentsApi';
import { reliabilityApiRef } from '../api/ReliabilityApi';
import { mockIncidentsApi } from '../__testUtils__/mockIncidentsApi';
import { mockReliabilityApi } from '../__testUtils__/mockReliabilityApi';
import { rootRouteRef } from '../routes';
import { emptyPostmortem } from './form/content';
import { PostmortemForm } from './form/PostmortemForm';
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
        [incidentsApiRef, mockIncidentsApi()],
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
    // People are catalog links with their names, times as people read them.
    expect(
      await screen.findByText(
        (_, el) =>
          el?.tagName === 'LI' &&
          /^v2 · .+ \(.+\) · jonas.lindqvist · update: summary, timeline$/.test(
            el.textContent ?? '',
          ),
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
          [incidentsApiRef, mockIncidentsApi()],
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

describe('PostmortemForm', () => {
  const severities = [
    { id: 'P1', rank: 1, label: 'Critical' },
    { id: 'P2', rank: 2, label: 'Major' },
  ] as any;

  it('lets lists be typed naturally and hands over what the schema makes of them', async () => {
    const onSubmit = jest.fn();
    await renderInTestApp(
      <PostmortemForm
        initial={emptyPostmortem()}
        severities={severities}
        submitLabel="Create postmortem"
        onSubmit={onSubmit}
      />,
    );
    await userEvent.type(screen.getByLabelText(/^Title/), 'Cache stampede');
    const alerts = screen.getByLabelText('Alerts that fired (comma-separated)');
    await userEvent.type(alerts, 'ApiDown, DbDown');
    expect(alerts).toHaveValue('ApiDown, DbDown');
    const causes = screen.getByLabelText('Root causes (one per line)');
    await userEvent.type(causes, 'A leak{enter}No limit');
    expect(causes).toHaveValue('A leak\nNo limit');
    await userEvent.type(
      screen.getByLabelText('Authors (comma-separated)'),
      'amara.okafor',
    );
    await userEvent.type(
      screen.getByLabelText(/^Owner \(user or group ref\)/),
      'platform-team',
    );
    await userEvent.click(
      screen.getByRole('button', { name: 'Create postmortem' }),
    );
    await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
    expect(onSubmit.mock.calls[0][0]).toMatchObject({
      title: 'Cache stampede',
      alerts: ['ApiDown', 'DbDown'],
      rootCauses: ['A leak', 'No limit'],
      // The schema the backend uses: a bare author is a user, a bare owner a group.
      authors: ['user:default/amara.okafor'],
      owner: 'group:default/platform-team',
    });
  }, 30_000);

  it("shows the schema's problems on their fields and sends nothing", async () => {
    const onSubmit = jest.fn();
    await renderInTestApp(
      <PostmortemForm
        initial={{
          ...emptyPostmortem(),
          title: 'Outage',
          status: 'in-review',
          milestones: {
            started: '2026-11-20T10:00:00.000Z',
            resolved: '2026-11-20T09:00:00.000Z',
          },
        }}
        severities={severities}
        submitLabel="Save"
        onSubmit={onSubmit}
      />,
    );
    await userEvent.type(
      screen.getByLabelText('Affected entities (comma-separated refs)'),
      'not a ref',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(
      await screen.findByText(
        'item 1: "not a ref" is not an entity ref such as component:default/insights-api',
      ),
    ).toBeInTheDocument();
    // Rules across fields are checked once every field is right.
    await userEvent.clear(
      screen.getByLabelText('Affected entities (comma-separated refs)'),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(
      await screen.findByText('must name at least one author outside a draft'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('is before an earlier milestone'),
    ).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Fix the fields marked in red first.',
    );
    expect(onSubmit).not.toHaveBeenCalled();
  }, 30_000);

  it('clears a field that had a value, on the screen and in what it sends', async () => {
    const onSubmit = jest.fn();
    await renderInTestApp(
      <PostmortemForm
        initial={{
          ...emptyPostmortem(),
          title: 'Outage',
          category: 'db',
          milestones: { started: '2026-11-20T09:00:00.000Z' },
        }}
        severities={severities}
        submitLabel="Save"
        onSubmit={onSubmit}
      />,
    );
    const category = screen.getByLabelText('Category');
    await userEvent.clear(category);
    expect(category).toHaveValue('');
    fireEvent.change(screen.getByLabelText('Started'), {
      target: { value: '' },
    });
    expect(screen.getByLabelText('Started')).toHaveValue('');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
    expect(onSubmit.mock.calls[0][0].category).toBeUndefined();
    expect(onSubmit.mock.calls[0][0].milestones).toEqual({});
  }, 30_000);
});
