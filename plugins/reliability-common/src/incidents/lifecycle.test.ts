import {
  applyIncidentPatch,
  type IncidentFields,
  transitionStatus,
} from './lifecycle';

const AT = '2026-12-07T10:00:00.000Z';
const open: IncidentFields = {
  status: 'open',
  severity: 'P2',
  title: 'Checkout fails',
  summary: null,
  entityRefs: ['component:default/shop', 'resource:default/db'],
  links: [],
};

describe('transitionStatus', () => {
  it('mitigates, then resolves keeping the first mitigation time', () => {
    const mitigated = transitionStatus(open, 'mitigated', AT, 'failed over');
    expect(mitigated).toEqual({
      from: 'open',
      to: 'mitigated',
      mitigatedAt: AT,
      resolvedAt: null,
      reopened: false,
      releasesAlertGroup: false,
      event: {
        type: 'status-changed',
        summary: 'Status open → mitigated: failed over',
        data: { from: 'open', to: 'mitigated', reason: 'failed over' },
      },
    });
    const later = '2026-12-07T11:00:00.000Z';
    const resolved = transitionStatus(
      { status: 'mitigated', mitigatedAt: AT },
      'resolved',
      later,
    );
    expect(resolved).toMatchObject({
      mitigatedAt: AT,
      resolvedAt: later,
      releasesAlertGroup: true,
      event: { summary: 'Status mitigated → resolved' },
    });
  });

  it('resolving an open incident mitigates it at the same moment', () => {
    expect(transitionStatus(open, 'resolved', AT)).toMatchObject({
      mitigatedAt: AT,
      resolvedAt: AT,
    });
  });

  it('reopens: times cleared, the cadence and the alert group its own again', () => {
    expect(
      transitionStatus(
        { status: 'resolved', mitigatedAt: AT },
        'open',
        AT,
        'an alert fires again',
      ),
    ).toMatchObject({
      mitigatedAt: null,
      resolvedAt: null,
      reopened: true,
      releasesAlertGroup: false,
      event: { summary: 'Reopened: an alert fires again' },
    });
  });

  it('is no change to the status it has', () => {
    expect(transitionStatus(open, 'open', AT)).toBeUndefined();
  });
});

describe('applyIncidentPatch', () => {
  it('writes only what differs, the severity first, then one event for the rest', () => {
    const outcome = applyIncidentPatch(
      open,
      {
        title: 'Checkout fails for everyone',
        summary: 'Payments time out',
        severity: 'P1',
        reason: 'every region',
        // The same set in another order is no change.
        entityRefs: ['resource:default/db', 'component:default/shop'],
        links: [],
      },
      AT,
    );
    expect(outcome.fields).toEqual({
      title: 'Checkout fails for everyone',
      summary: 'Payments time out',
      severity: 'P1',
    });
    expect(outcome.events).toEqual([
      {
        type: 'severity-changed',
        summary: 'Severity P2 → P1: every region',
        data: { from: 'P2', to: 'P1', reason: 'every region' },
      },
      {
        type: 'fields-changed',
        summary: 'Changed title, summary',
        data: { fields: ['title', 'summary'] },
      },
    ]);
    expect(outcome.status).toBeUndefined();
  });

  it('clears a summary with an empty one, and names changed entities and links', () => {
    const outcome = applyIncidentPatch(
      { ...open, summary: 'was here' },
      {
        summary: '',
        entityRefs: ['component:default/shop'],
        links: [
          {
            kind: 'other',
            url: 'https://status.example.com',
            title: 'Status page',
          },
        ],
      },
      AT,
    );
    expect(outcome.fields).toEqual({
      summary: null,
      entityRefs: ['component:default/shop'],
      links: [
        {
          kind: 'other',
          url: 'https://status.example.com',
          title: 'Status page',
        },
      ],
    });
    expect(outcome.events).toEqual([
      expect.objectContaining({
        summary: 'Changed summary, affected entities, links',
      }),
    ]);
  });

  it('carries a status change with the reason, apart from the fields', () => {
    const outcome = applyIncidentPatch(
      open,
      { status: 'mitigated', reason: 'rolled back' },
      AT,
    );
    expect(outcome.fields).toEqual({});
    expect(outcome.events).toEqual([]);
    expect(outcome.status?.event.summary).toBe(
      'Status open → mitigated: rolled back',
    );
  });

  it('changes nothing for a patch that says what is already there', () => {
    expect(
      applyIncidentPatch(
        open,
        { title: open.title, severity: 'P2', status: 'open', summary: '' },
        AT,
      ),
    ).toEqual({ fields: {}, events: [] });
  });
});
