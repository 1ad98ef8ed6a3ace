import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { ComponentStatus } from './ComponentStatus';

describe('ComponentStatus', () => {
  it('shows the light, why, and the window a restore reaches, with the job that reaches it', async () => {
    await renderInTestApp(
      <ComponentStatus
        status={{
          component: 'postgres',
          state: 'at-risk',
          reasons: ['the full job last succeeded 3d 9h ago; it runs daily'],
          backup: {
            state: 'ok',
            lastSuccessAt: '2026-11-21T02:20:00.000Z',
            sizeBytes: 16 * 1024 * 1024,
            tool: 'pgbackrest',
            window: {
              from: '2026-11-07T02:00:00.000Z',
              to: '2026-11-21T11:58:00.000Z',
              job: 'wal',
            },
          },
        }}
      />,
    );
    expect(screen.getByText('At risk')).toBeInTheDocument();
    expect(
      screen.getByText('the full job last succeeded 3d 9h ago; it runs daily'),
    ).toBeInTheDocument();
    const window = screen.getByTestId('recoverable-window');
    expect(window.textContent).toMatch(/^Restorable from .+ to .+ \(wal\)$/);
    // Times as people read them, never the raw ISO string.
    expect(window.textContent).not.toContain('2026-11-21T11:58');
    expect(screen.getByText(/Last good backup/).textContent).toMatch(
      / · 16 MB · pgbackrest$/,
    );
  });
});
