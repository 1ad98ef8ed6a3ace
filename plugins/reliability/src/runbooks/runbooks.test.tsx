import type { Entity } from '@backstage/catalog-model';
import {
  catalogApiRef,
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  MockPermissionApi,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import type {
  RunbookDetails,
  RunbookSummary,
} from '@reliability-suite/plugin-reliability-common';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router-dom';
import { incidentsApiRef } from '../api/IncidentsApi';
import { type ReliabilityApi, reliabilityApiRef } from '../api/ReliabilityApi';
import { mockIncidentsApi } from '../__testUtils__/mockIncidentsApi';
import { rootRouteRef } from '../routes';
import {
  mockReliabilityApi,
  SEVERITIES,
} from '../__testUtils__/mockReliabilityApi';
import { AlertLandingPage } from './AlertLandingPage';
import { EntityRunbooksSection } from './EntityRunbooksSection';
import { RunbookPage } from './RunbookPage';
import { RunbookTable } from './RunbookTable';

// Rendering tables in jsdom is slow on a busy 2-core machine.
jest.setTimeout(30_000);

function summary(
  name: string,
  title: string,
  severity: string,
  alerts: string[],
  extra: Partial<RunbookSummary> = {},
): RunbookSummary {
  return {
    namespace: 'default',
    name,
    title,
    severity,
    entityRefs: ['component:default/insights-api'],
    triggers: alerts.map(alertName => ({ alertName })),
    sourceUrl: `https://github.com/acme/runbooks/blob/main/${name}.yaml`,
    sourceLine: 1,
    lastSyncedAt: '2026-11-21T10:00:00.000Z',
    stale: false,
    ...extra,
  };
}

const RUNBOOKS = [
  summary('postgres-down', 'PostgreSQL is down', 'P1', ['PostgresDown'], {
    category: 'db',
    owner: 'group:default/sre-team',
    review: { lastReviewed: '2020-01-01', intervalDays: 90 },
  }),
  summary('api-slow', 'API is slow', 'P3', ['ApiSlow']),
  summary('disk-full', 'Disk almost full', 'P2', ['DiskFull', 'PostgresDown']),
];

const DETAILS: RunbookDetails = {
  ...RUNBOOKS[0],
  syncError: { at: '2026-11-21T11:00:00.000Z', message: 'git fetch failed' },
  document: {
    apiVersion: 'reliability.io/v1alpha1',
    kind: 'Runbook',
    metadata: {
      name: 'postgres-down',
      namespace: 'default',
      title: 'PostgreSQL is down',
    },
    spec: {
      severity: 'P1',
      summary:
        'The primary refuses connections. <img src=x onerror="window.__xss=1">',
      impact: 'Everything stops.',
      symptoms: ['<script>window.__xss=2</script>API crash-loops'],
      preconditions: [{ check: 'The volume is attached' }],
      diagnosis: [{ run: 'kubectl get pods -n insights' }],
      immediateActions: [
        { title: 'Restart', run: 'kubectl delete pod postgresql-0' },
        { verify: 'pg_isready', expect: 'accepting connections' },
      ],
      recovery: [
        {
          manual:
            'Restore **the latest** backup ([the guide](https://wiki.example.com/restore), [not this](javascript:window.__xss=3)).',
        },
      ],
      rollback: 'page-oncall',
      escalation: { contacts: ['group:sre-team'], after: '30m' },
      postmortemQuestions: ['Why did it crash?'],
      links: [
        { title: 'Dashboard', url: 'https://grafana.example.com/d/pg' },
        // eslint-disable-next-line no-script-url
        { title: 'Evil', url: 'javascript:alert(1)' },
      ],
      triggers: [{ alertName: 'PostgresDown' }],
    },
  },
};

const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'insights-api',
    namespace: 'default',
    annotations: { 'reliability.io/runbooks': './runbooks' },
  },
  spec: { owner: 'platform-team' },
};

async function render(
  element: JSX.Element,
  api: ReliabilityApi,
  options: {
    path?: string;
    route?: string;
    permission?: AuthorizeResult.ALLOW | AuthorizeResult.DENY;
    entity?: Entity;
  } = {},
) {
  const tree = (
    <TestApiProvider
      apis={[
        [reliabilityApiRef, api],
        [incidentsApiRef, mockIncidentsApi()],
        [catalogApiRef, catalogApiMock({ entities: [entity] })],
        [
          permissionApiRef,
          new MockPermissionApi(
            () => options.permission ?? AuthorizeResult.ALLOW,
          ),
        ],
      ]}
    >
      <EntityProvider entity={options.entity ?? entity}>
        {options.path ? (
          <Routes>
            <Route path={options.path} element={element} />
          </Routes>
        ) : (
          element
        )}
      </EntityProvider>
    </TestApiProvider>
  );
  return renderInTestApp(tree, {
    mountedRoutes: {
      '/reliability': rootRouteRef,
      '/catalog/:namespace/:kind/:name': entityRouteRef,
    },
    routeEntries: options.route ? [options.route] : undefined,
  });
}

describe('RunbookTable', () => {
  it('lists runbooks most severe first, linking each to its page', async () => {
    await render(
      <RunbookTable runbooks={RUNBOOKS} severities={SEVERITIES} />,
      mockReliabilityApi(),
    );
    const links = screen
      .getAllByRole('link')
      .filter(a => a.getAttribute('href')?.includes('/runbooks/'));
    expect(links.map(a => a.textContent)).toEqual([
      'PostgreSQL is down',
      'Disk almost full',
      'API is slow',
    ]);
    expect(links[0]).toHaveAttribute(
      'href',
      '/reliability/runbooks/default/postgres-down',
    );
    expect(screen.getByText('P1 · Critical')).toBeInTheDocument();
    expect(
      screen.getByText(/Stale: last reviewed 2020-01-01/),
    ).toBeInTheDocument();
    // The owner is a catalog link, not a raw ref.
    expect(screen.getByRole('link', { name: 'sre-team' })).toHaveAttribute(
      'href',
      '/catalog/default/group/sre-team',
    );
    expect(
      screen.queryByText('group:default/sre-team'),
    ).not.toBeInTheDocument();
  });

  it('filters by text, severity and alert name', async () => {
    await render(
      <RunbookTable runbooks={RUNBOOKS} severities={SEVERITIES} />,
      mockReliabilityApi(),
    );
    await userEvent.type(screen.getByLabelText('Filter runbooks'), 'disk');
    expect(screen.getByText('Runbooks (1)')).toBeInTheDocument();
    await userEvent.clear(screen.getByLabelText('Filter runbooks'));

    fireEvent.mouseDown(screen.getByLabelText('Severity'));
    await userEvent.click(
      within(screen.getByRole('listbox')).getByText('P3 · Minor'),
    );
    expect(screen.getByText('Runbooks (1)')).toBeInTheDocument();
    expect(screen.getByText('API is slow')).toBeInTheDocument();

    fireEvent.mouseDown(screen.getByLabelText('Severity'));
    await userEvent.click(within(screen.getByRole('listbox')).getByText('All'));
    fireEvent.mouseDown(screen.getByLabelText('Alert'));
    await userEvent.click(
      within(screen.getByRole('listbox')).getByText('PostgresDown'),
    );
    expect(screen.getByText('Runbooks (2)')).toBeInTheDocument();
    expect(screen.queryByText('API is slow')).not.toBeInTheDocument();
  });
});

describe('RunbookPage', () => {
  beforeEach(() => window.localStorage.clear());

  async function renderPage() {
    const api = mockReliabilityApi({ getRunbook: async () => DETAILS });
    await render(<RunbookPage />, api, {
      path: '/reliability/runbooks/:namespace/:name',
      route: '/reliability/runbooks/default/postgres-down',
    });
    await screen.findByText('Immediate actions');
    return api;
  }

  it('shows every section in the order an incident commander needs them', async () => {
    const api = await renderPage();
    expect(api.getRunbook).toHaveBeenCalledWith('default', 'postgres-down');
    const order = [
      'Summary and impact',
      'Symptoms',
      'Preconditions',
      'Diagnosis',
      'Immediate actions',
      'Recovery',
      'Rollback',
      'Escalation',
      'Postmortem questions',
      'Links',
    ].map(title => screen.getByText(title));
    for (let i = 1; i < order.length; i++) {
      expect(
        order[i - 1].compareDocumentPosition(order[i]) &
          Node.DOCUMENT_POSITION_FOLLOWING,
      ).toBeTruthy();
    }
    expect(
      screen.getByText('kubectl delete pod postgresql-0'),
    ).toBeInTheDocument();
    expect(screen.getByText('accepting connections')).toBeInTheDocument();
    expect(screen.getByText('the latest')).toBeInTheDocument(); // Markdown bold
    expect(screen.getByRole('link', { name: 'Edit in Git' })).toHaveAttribute(
      'href',
      'https://github.com/acme/runbooks/blob/main/postgres-down.yaml',
    );
    expect(
      screen.getByText(/older than the last failed read/),
    ).toBeInTheDocument();
    expect(screen.getByText(/git fetch failed/)).toBeInTheDocument();
    // Only web links are offered.
    expect(
      screen.getByRole('link', { name: /^Dashboard/ }),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('link', { name: /^Evil/ }),
    ).not.toBeInTheDocument();
  });

  it('shows HTML and scripts in a runbook as text, never runs them', async () => {
    await renderPage();
    expect((window as any).__xss).toBeUndefined();
    expect(document.querySelector('img[src="x"]')).toBeNull();
    expect(document.querySelector('main script, article script')).toBeNull();
    expect(screen.getByText(/<img src=x onerror=/)).toBeInTheDocument();
    // A Markdown link is a link only to the web (or mail, or this portal).
    expect(screen.getByRole('link', { name: 'the guide' })).toHaveAttribute(
      'href',
      'https://wiki.example.com/restore',
    );
    expect(screen.getByText('not this').closest('a')).toBeNull();
    expect(document.querySelector('a[href^="javascript:"]')).toBeNull();
  });

  it('offers a copy button for each command', async () => {
    await renderPage();
    expect(screen.getAllByLabelText('Copy text').length).toBeGreaterThanOrEqual(
      3,
    );
  });

  it('remembers ticked steps in this browser', async () => {
    await renderPage();
    const box = screen.getByRole('checkbox', {
      name: 'Done: immediateActions step 1',
    });
    await userEvent.click(box);
    expect(box).toBeChecked();
    const stored = JSON.parse(
      window.localStorage.getItem(
        'reliability:checklist:default/postgres-down',
      )!,
    );
    expect(stored.ticks).toEqual(['immediateActions:0']);
    expect(Date.now() - stored.at).toBeLessThan(60_000);
    expect(
      screen.getByRole('button', { name: 'Clear checklist (1 done)' }),
    ).toBeEnabled();
  });

  it('forgets ticks from another incident: older than 12 hours, or of another revision', async () => {
    window.localStorage.setItem(
      'reliability:checklist:default/postgres-down',
      JSON.stringify({
        ticks: ['diagnosis:0'],
        at: Date.now() - 13 * 60 * 60 * 1000,
      }),
    );
    await renderPage();
    expect(
      screen.getByRole('checkbox', { name: 'Done: diagnosis step 1' }),
    ).not.toBeChecked();
  });

  it('shows the error when the runbook cannot be loaded', async () => {
    await render(
      <RunbookPage />,
      mockReliabilityApi({
        getRunbook: async () => {
          throw new Error('No runbook default/nope');
        },
      }),
      {
        path: '/reliability/runbooks/:namespace/:name',
        route: '/reliability/runbooks/default/nope',
      },
    );
    expect(
      await screen.findByText('Error: No runbook default/nope', {
        selector: 'h6',
      }),
    ).toBeInTheDocument();
  });
});

describe('AlertLandingPage', () => {
  const renderAlert = (
    items: RunbookSummary[],
    route = '/reliability/alerts/PostgresDown',
  ) => {
    const api = mockReliabilityApi({ findRunbooksByAlert: async () => items });
    return render(
      <Routes>
        <Route
          path="/reliability/alerts/:alertName"
          element={<AlertLandingPage />}
        />
        <Route
          path="/reliability/runbooks/:namespace/:name"
          element={<div>runbook page</div>}
        />
      </Routes>,
      api,
      { route },
    ).then(() => api);
  };

  it('opens the one matching runbook directly, passing alert labels', async () => {
    const api = await renderAlert(
      [RUNBOOKS[0]],
      '/reliability/alerts/PostgresDown?namespace=insights',
    );
    expect(await screen.findByText('runbook page')).toBeInTheDocument();
    expect(api.findRunbooksByAlert).toHaveBeenCalledWith('PostgresDown', {
      namespace: 'insights',
    });
  });

  it('lists several', async () => {
    await renderAlert([RUNBOOKS[0], RUNBOOKS[2]]);
    expect(
      await screen.findByText(/2 runbooks answer PostgresDown/),
    ).toBeInTheDocument();
    expect(screen.getByText('Disk almost full')).toBeInTheDocument();
  });

  it('says clearly when none answers, and how to add one', async () => {
    await renderAlert([], '/reliability/alerts/NobodyKnows');
    expect(
      await screen.findByText('No runbook answers NobodyKnows'),
    ).toBeInTheDocument();
    expect(document.body.textContent).toContain('alertName: NobodyKnows');
  });
});

describe('EntityRunbooksSection', () => {
  const status = {
    locations: [
      {
        id: 'entity:component:default/insights-api',
        source: 'entity' as const,
        target: 'https://github.com/acme/insights/tree/main/runbooks',
        lastAttemptAt: '2026-11-21T11:00:00.000Z',
        lastSuccessAt: '2026-11-21T10:00:00.000Z',
        lastError: 'NotFoundError: repository not found',
      },
    ],
    problems: [
      {
        severity: 'error' as const,
        file: 'https://github.com/acme/insights/blob/main/runbooks/bad.yaml',
        line: 7,
        column: 3,
        message: 'spec.severity "P9" is not a configured severity (P1, P2, P3)',
      },
    ],
  };

  it('shows the index problems with file and line, and re-indexes for owners', async () => {
    const api = mockReliabilityApi({
      listRunbooks: async () => RUNBOOKS,
      getRunbookIndexStatus: async () => status,
      refreshRunbooks: async () => status,
    });
    await render(<EntityRunbooksSection />, api);
    expect(
      await screen.findByText(/is not a configured severity/),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('link', {
        name: /^https:\/\/github\.com\/acme\/insights\/blob\/main\/runbooks\/bad\.yaml:7:3/,
      }),
    ).toBeInTheDocument();
    expect(screen.getByText(/repository not found/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Re-index now' }));
    await waitFor(() =>
      expect(api.refreshRunbooks).toHaveBeenCalledWith(
        'component:default/insights-api',
        { full: true },
      ),
    );
  });

  it("says with a catalog link which entity another location's document may not name", async () => {
    const refused = {
      locations: [],
      problems: [
        {
          severity: 'error' as const,
          file: 'https://github.com/acme/insights/blob/main/runbooks/vault.yaml',
          line: 1,
          column: 1,
          runbook: 'vault-sealed',
          entityRef: 'resource:default/insights-vault',
          message:
            'spec.entityRefs names resource:default/insights-vault (owned by group:default/sre-team), which …',
        },
      ],
    };
    await render(
      <EntityRunbooksSection />,
      mockReliabilityApi({
        listRunbooks: async () => [],
        getRunbookIndexStatus: async () => refused,
      }),
    );
    const link = await screen.findByRole('link', { name: /insights-vault/ });
    expect(link.getAttribute('href')).toContain(
      '/catalog/default/resource/insights-vault',
    );
    expect(screen.getByText(/it was left out/)).toBeInTheDocument();
    expect(document.body.textContent).not.toContain(
      'resource:default/insights-vault',
    );
  });

  it('exports the entity, or every runbook of a severity, as a file', async () => {
    const api = mockReliabilityApi({
      listRunbooks: async () => RUNBOOKS,
      getRunbookIndexStatus: async () => status,
      exportRunbooks: async () => ({
        fileName: 'runbooks.html',
        content: new Blob(['<html></html>']),
      }),
    });
    const createObjectURL = jest.fn(() => 'blob:x');
    Object.assign(URL, { createObjectURL, revokeObjectURL: jest.fn() });
    await render(<EntityRunbooksSection />, api);
    await userEvent.click(
      await screen.findByRole('button', {
        name: 'Export for offline use (HTML)',
      }),
    );
    await waitFor(() =>
      expect(api.exportRunbooks).toHaveBeenCalledWith({
        entityRef: 'component:default/insights-api',
      }),
    );
    fireEvent.mouseDown(
      screen.getByLabelText('Export every runbook of severity'),
    );
    await userEvent.click(
      within(screen.getByRole('listbox')).getByText('P1 · Critical'),
    );
    await waitFor(() =>
      expect(api.exportRunbooks).toHaveBeenCalledWith({ severity: 'P1' }),
    );
    expect(createObjectURL).toHaveBeenCalledTimes(2);
  });

  it('offers no re-index to those the policy denies', async () => {
    await render(
      <EntityRunbooksSection />,
      mockReliabilityApi({
        listRunbooks: async () => RUNBOOKS,
        getRunbookIndexStatus: async () => status,
      }),
      {
        permission: AuthorizeResult.DENY,
        // Another entity: permission answers are cached per resource.
        entity: {
          ...entity,
          metadata: { ...entity.metadata, name: 'insights-web' },
        },
      },
    );
    await screen.findByText(/is not a configured severity/);
    expect(
      screen.queryByRole('button', { name: 'Re-index now' }),
    ).not.toBeInTheDocument();
  });
});
