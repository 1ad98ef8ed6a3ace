import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { reliabilityApiRef } from '../api/ReliabilityApi';
import { mockReliabilityApi } from '../__testUtils__/mockReliabilityApi';
import { rootRouteRef } from '../routes';
import { RunbookStatisticsSection } from './RunbookStatisticsSection';

jest.setTimeout(30_000);

const record = (n: number, outcome: any, note?: string) => ({
  incidentId: `id-${n}`,
  reference: `INC-${n}`,
  outcome,
  ...(note ? { note } : {}),
  at: '2026-12-01T10:00:00.000Z',
});

describe('RunbookStatisticsSection', () => {
  it('says which step keeps failing, with its incidents linked, and how each step went', async () => {
    const api = mockReliabilityApi({
      getRunbookStatistics: async () => ({
        runbook: 'default/postgres-down',
        incidents: 5,
        steps: [
          {
            step: 'steps[0]',
            label: 'Restart the primary',
            counts: { done: 2, skipped: 0, failed: 3, unhelpful: 0 },
            medianMinutesFromStart: 12,
            recent: [
              record(5, 'done'),
              record(4, 'failed', 'the pod stays Pending'),
              record(3, 'failed'),
              record(2, 'failed'),
              record(1, 'done'),
            ],
          },
        ],
        mitigation: {
          with: { incidents: 5, mitigated: 4, medianMinutes: 35 },
          without: { incidents: 2, mitigated: 2, medianMinutes: 80 },
        },
        patterns: [
          {
            step: 'steps[0]',
            label: 'Restart the primary',
            outcome: 'failed',
            count: 3,
            of: 5,
            incidents: ['INC-4', 'INC-3', 'INC-2'],
          },
        ],
      }),
    });
    await renderInTestApp(
      <TestApiProvider apis={[[reliabilityApiRef, api]]}>
        <RunbookStatisticsSection namespace="default" name="postgres-down" />
      </TestApiProvider>,
      { mountedRoutes: { '/reliability': rootRouteRef } },
    );
    expect(
      await screen.findByText(
        'Restart the primary: failed in 3 of the last 5 incidents (INC-4, INC-3, INC-2)',
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('In incidents (5)')).toBeInTheDocument();
    expect(
      screen.getByText(
        /With this runbook attached: 5 incident\(s\), 4 mitigated, median 35 min; its entities’ incidents without it: 2 incident\(s\), 2 mitigated, median 80 min/,
      ),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'INC-4' })).toHaveAttribute(
      'href',
      '/reliability/incidents/INC-4',
    );
    expect(screen.getByRole('link', { name: 'INC-4' })).toHaveAttribute(
      'title',
      'the pod stays Pending',
    );
    expect(screen.getByText('12 min')).toBeInTheDocument();
  });
});
