import { incidentMetrics } from './metrics';
import type { IncidentSummary } from './types';

const incident = (
  started: string,
  milestones: Partial<IncidentSummary['milestones']>,
  severity = 'P2',
) =>
  ({
    severity,
    milestones: { started, ...milestones },
  } as IncidentSummary);

describe('incidentMetrics', () => {
  const window = { from: '2026-11-01T00:00:00Z', to: '2026-11-02T00:00:00Z' };
  const now = new Date('2026-11-05T00:00:00Z');

  it('figures MTTA, MTTR, MTBF and availability, overlaps counted once', () => {
    const m = incidentMetrics(
      [
        // 60 minutes down, acknowledged after 10.
        incident('2026-11-01T10:00:00Z', {
          acknowledged: '2026-11-01T10:10:00Z',
          mitigated: '2026-11-01T11:00:00Z',
          resolved: '2026-11-01T12:00:00Z',
        }),
        // Overlapping the first by 30 minutes, 60 long: 30 more minutes down.
        incident(
          '2026-11-01T10:30:00Z',
          {
            acknowledged: '2026-11-01T10:20:00Z', // before its start: 0
            resolved: '2026-11-01T11:30:00Z',
          },
          'P1',
        ),
      ],
      window,
      now,
    );
    expect(m).toMatchObject({
      incidents: 2,
      mttaMinutes: 5,
      mttrMinutes: 60,
      // (1440 − 90) / 2
      mtbfMinutes: 675,
    });
    expect(m.availability).toBeCloseTo(675 / 735, 5);
    expect(m.perWeek[0]).toEqual({
      week: '2026-10-26',
      counts: { P2: 1, P1: 1 },
    });
  });

  it('counts an open incident down until the window ends', () => {
    const m = incidentMetrics(
      [incident('2026-11-01T23:00:00Z', {})],
      window,
      now,
    );
    expect(m.mttrMinutes).toBeUndefined();
    expect(m.mtbfMinutes).toBe(1380);
    expect(m.incidents).toBe(1);
  });
});
