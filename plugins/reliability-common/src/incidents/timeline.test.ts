import { actsAsPerson, incidentTimeline, statusFromAlerts } from './timeline';

describe('statusFromAlerts', () => {
  it('mitigates an open incident when no alert fires, and reopens a mitigated one an alert fires for', () => {
    expect(
      statusFromAlerts('open', { anyFiring: false, firedNow: false }),
    ).toEqual({
      to: 'mitigated',
      reason: 'every alert resolved',
    });
    expect(
      statusFromAlerts('open', { anyFiring: true, firedNow: true }),
    ).toBeUndefined();
    expect(
      statusFromAlerts('mitigated', { anyFiring: true, firedNow: true }),
    ).toEqual({
      to: 'open',
      reason: 'an alert fires again',
    });
    // Still firing from before, nothing new: a person mitigated it; it stays.
    expect(
      statusFromAlerts('mitigated', { anyFiring: true, firedNow: false }),
    ).toBeUndefined();
    // A resolved incident is never moved by its alerts.
    expect(
      statusFromAlerts('resolved', { anyFiring: true, firedNow: true }),
    ).toBeUndefined();
  });
});

describe('incident timeline', () => {
  it('acknowledges only for people, and words each change once', () => {
    expect(actsAsPerson('portal')).toBe(true);
    expect(actsAsPerson('api')).toBe(true);
    expect(actsAsPerson('alertmanager')).toBe(false);
    expect(actsAsPerson('system')).toBe(false);
    expect(
      incidentTimeline.role(
        { id: 'commander', title: 'Commander' },
        'user:default/bo',
        'user:default/al',
      ),
    ).toEqual({
      type: 'role-changed',
      summary: 'Commander: user:default/al handed over to user:default/bo',
      data: {
        role: 'commander',
        to: 'user:default/bo',
        from: 'user:default/al',
      },
    });
    expect(
      incidentTimeline.declared('INC-7', 'P1', 'Checkout down'),
    ).toMatchObject({
      summary: 'INC-7 declared (P1): Checkout down',
      pinned: true,
    });
    expect(
      incidentTimeline.tick(
        { runbook: 'default/db', step: 'steps[0]', done: false },
        'Database',
      ),
    ).toMatchObject({
      type: 'step-unticked',
      summary: 'Not done: steps[0] (Database)',
    });
  });
});
