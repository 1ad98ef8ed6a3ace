import type { RecoveryComponent } from '../recovery/types';
import { evaluateComponent, evaluateDataTypes } from './compliance';
import type { BackupEvent } from './schema';

const NOW = new Date('2026-11-21T12:00:00Z');
const postgres: RecoveryComponent = {
  name: 'postgres',
  rpo: '24h',
  rto: '30m',
  backups: [{ name: 'full', schedule: '0 2 * * *' }],
  drill: { cadence: '7d', staleAfter: '8d' },
};
const backup = (
  finishedAt: string,
  result: BackupEvent['result'] = 'success',
): BackupEvent => ({
  id: `b-${finishedAt}-${result}`,
  type: 'backup',
  entityRef: 'resource:default/db',
  startedAt: new Date(Date.parse(finishedAt) - 600_000).toISOString(),
  finishedAt,
  result,
  sizeBytes: 1024,
  tool: 'pgbackrest',
});
const drill = (
  finishedAt: string,
  extra: Partial<BackupEvent> = {},
): BackupEvent => ({
  id: `d-${finishedAt}`,
  type: 'drill',
  entityRef: 'resource:default/db',
  startedAt: finishedAt,
  finishedAt,
  result: 'success',
  restoreSeconds: 720,
  dataVerified: true,
  ...extra,
});

describe('evaluateComponent', () => {
  it('is ok with a fresh backup and a recent passing drill', () => {
    const status = evaluateComponent(
      postgres,
      {},
      [backup('2026-11-21T02:10:00.000Z'), drill('2026-11-18T04:00:00.000Z')],
      NOW,
    );
    expect(status).toMatchObject({
      state: 'ok',
      reasons: [],
      backup: { state: 'ok', ageSeconds: 35400, rpoSeconds: 86400 },
      drill: { state: 'ok', restoreSeconds: 720, rtoSeconds: 1800 },
    });
  });

  it('is violated when the last good backup is older than the RPO, whatever order events came in', () => {
    const status = evaluateComponent(
      postgres,
      {},
      [
        backup('2026-11-20T11:00:00.000Z', 'failure'),
        backup('2026-11-19T02:10:00.000Z'),
        backup('2026-11-18T02:10:00.000Z'),
        drill('2026-11-18T04:00:00.000Z'),
      ],
      NOW,
    );
    expect(status.state).toBe('violated');
    expect(status.backup).toMatchObject({
      state: 'violated',
      lastSuccessAt: '2026-11-19T02:10:00.000Z',
      lastResult: 'failure',
    });
    expect(status.reasons).toEqual([
      'the last good backup is 2d 9h old, older than the RPO of 1d',
    ]);
  });

  it('is stale when no drill ran for longer than allowed, and at risk when a restore took longer than the RTO', () => {
    expect(
      evaluateComponent(
        postgres,
        {},
        [backup('2026-11-21T02:10:00.000Z'), drill('2026-11-12T04:00:00.000Z')],
        NOW,
      ),
    ).toMatchObject({
      state: 'stale',
      reasons: [
        'the last restore drill was 9d 8h ago; drills are due every 7d',
      ],
    });
    expect(
      evaluateComponent(
        postgres,
        {},
        [
          backup('2026-11-21T02:10:00.000Z'),
          drill('2026-11-20T04:00:00.000Z', { restoreSeconds: 3600 }),
        ],
        NOW,
      ),
    ).toMatchObject({
      state: 'at-risk',
      reasons: ['the last restore took 1h, longer than the RTO of 30m'],
    });
    expect(
      evaluateComponent(
        postgres,
        {},
        [
          backup('2026-11-21T02:10:00.000Z'),
          drill('2026-11-20T04:00:00.000Z', { dataVerified: false }),
        ],
        NOW,
      ).state,
    ).toBe('violated');
  });

  it('says unknown before anything is reported, and not needed for a stateless part', () => {
    expect(evaluateComponent(postgres, {}, [], NOW)).toMatchObject({
      state: 'unknown',
      reasons: ['no backup reported yet', 'no restore drill reported yet'],
    });
    expect(
      evaluateComponent({ name: 'redis', stateless: 'a cache' }, {}, [], NOW)
        .state,
    ).toBe('not-needed');
    // The plan's own objectives apply when the component states none.
    expect(
      evaluateComponent(
        { name: 'db', backups: [{ name: 'x' }] },
        { rpo: '15m (initial guess)' },
        [backup('2026-11-21T11:48:00.000Z')],
        NOW,
      ).backup,
    ).toMatchObject({ state: 'at-risk', rpoSeconds: 900 });
  });
});

describe('evaluateComponent, with objectives and cadences as teams write them', () => {
  it('never calls a backup OK against an RPO that is no time ("Near-zero")', () => {
    const status = evaluateComponent(
      { ...postgres, rpo: 'Near-zero', drill: undefined },
      {},
      [backup('2026-11-21T11:00:00.000Z')],
      NOW,
    );
    expect(status.state).toBe('unchecked');
    expect(status.reasons).toEqual([
      'the RPO "Near-zero" is not a time: the latest point it restores to (1h old) is not checked against it',
    ]);
    // A failed run still counts.
    expect(
      evaluateComponent(
        { ...postgres, rpo: 'Near-zero', drill: undefined },
        {},
        [
          backup('2026-11-21T09:00:00.000Z'),
          backup('2026-11-21T11:00:00.000Z', 'failure'),
        ],
        NOW,
      ).state,
    ).toBe('at-risk');
  });

  it('needs no backup where nothing is kept ("0 (none)"), instead of asking for zero loss', () => {
    const status = evaluateComponent(
      { name: 'sessions', rpo: '0 (none)' },
      {},
      [],
      NOW,
    );
    expect(status).toMatchObject({
      state: 'not-needed',
      reasons: ['nothing is kept: no backup is needed'],
    });
  });

  it('holds a monthly drill to the same day next month, not to 30 days', () => {
    const monthly = { ...postgres, drill: { cadence: 'monthly' } };
    // 31 October + a month is 30 November; stale a day after that.
    const drilled = [
      backup('2026-11-21T02:10:00.000Z'),
      drill('2026-10-31T10:00:00.000Z'),
    ];
    const before = evaluateComponent(monthly, {}, drilled, NOW);
    expect(before.drill).toMatchObject({
      state: 'ok',
      staleAt: '2026-12-01T10:00:00.000Z',
    });
    const after = evaluateComponent(
      monthly,
      {},
      drilled,
      new Date('2026-12-01T10:00:01Z'),
    );
    expect(after.drill!.state).toBe('stale');
  });

  it('says there is no cadence to check drills that are run "regularly", and still flags a failed one', () => {
    const regular = { ...postgres, drill: { cadence: 'regularly' } };
    const passed = evaluateComponent(
      regular,
      {},
      [backup('2026-11-21T02:10:00.000Z'), drill('2025-01-01T00:00:00.000Z')],
      NOW,
    );
    expect(passed.drill!.state).toBe('unchecked');
    expect(passed.reasons).toContain(
      'restore drills are "regularly": there is no cadence to check them against',
    );
    const failed = evaluateComponent(
      regular,
      {},
      [
        backup('2026-11-21T02:10:00.000Z'),
        drill('2026-11-01T00:00:00.000Z', { result: 'failure' }),
      ],
      NOW,
    );
    expect(failed.drill!.state).toBe('violated');
  });
});

describe('evaluateComponent, with what real plans hold', () => {
  it('is violated, with the reason, when every backup job is switched off and none is reported (seed 000)', () => {
    const status = evaluateComponent(
      {
        name: 'postgres',
        rpo: '24h',
        backups: [{ name: 'chart-backup', enabled: false }],
      },
      {},
      [],
      NOW,
    );
    expect(status).toMatchObject({
      state: 'violated',
      reasons: [
        'every backup job is switched off (enabled: false: chart-backup), and no backup is reported',
      ],
    });
  });

  it("holds a drill that exercises a scenario to the scenario's RTO, not the component's", () => {
    const component = {
      ...postgres,
      rto: '4h',
      drill: { cadence: '7d', scenario: 'pvc-corruption' },
    };
    const status = evaluateComponent(
      component,
      { scenarios: [{ name: 'pvc-corruption', rto: '10m' }] },
      [backup('2026-11-21T02:10:00.000Z'), drill('2026-11-18T04:00:00.000Z')],
      NOW,
    );
    expect(status.drill).toMatchObject({ state: 'at-risk', rtoSeconds: 600 });
    expect(status.reasons).toEqual([
      'the last restore took 12m, longer than the RTO of 10m (scenario pvc-corruption)',
    ]);
  });
});

describe('evaluateComponent, per backup job', () => {
  // Seed 002: a daily full and a continuously archived WAL, RPO ≈ 1 min.
  const veza: RecoveryComponent = {
    name: 'postgres',
    rpo: '≈ 5m',
    backups: [
      { name: 'full', schedule: '0 2 * * *' },
      { name: 'wal', schedule: 'continuous' },
      { name: 'off-site', state: 'planned' },
    ],
  };
  const run = (
    job: string,
    finishedAt: string,
    result: BackupEvent['result'] = 'success',
  ) => ({
    ...backup(finishedAt, result),
    id: `${job}-${finishedAt}`,
    job,
  });
  const fullLastNight = run('full', '2026-11-21T02:20:00.000Z');

  it('keeps a minutes-RPO green between daily fulls while the WAL archive is fresh', () => {
    const status = evaluateComponent(
      veza,
      {},
      [fullLastNight, run('wal', '2026-11-21T11:58:00.000Z')],
      NOW,
    );
    expect(status.state).toBe('ok');
    expect(status.backup.jobs).toEqual([
      expect.objectContaining({
        job: 'full',
        state: 'ok',
        schedule: 'cron 0 2 * * *',
      }),
      expect.objectContaining({
        job: 'wal',
        state: 'not-checked',
        schedule: 'continuous',
      }),
      expect.objectContaining({ job: 'off-site', state: 'not-checked' }),
    ]);
  });

  it('is violated when the WAL archive stopped, though the daily full is on time', () => {
    const status = evaluateComponent(
      veza,
      {},
      [fullLastNight, run('wal', '2026-11-21T09:00:00.000Z')],
      NOW,
    );
    expect(status.state).toBe('violated');
    expect(status.reasons[0]).toMatch(/older than the RPO of 5m/);
  });

  it('is at risk when a scheduled job stopped, though the WAL keeps the RPO', () => {
    const status = evaluateComponent(
      veza,
      {},
      [
        run('full', '2026-11-18T02:20:00.000Z'),
        run('wal', '2026-11-21T11:58:00.000Z'),
      ],
      NOW,
    );
    expect(status.backup.state).toBe('at-risk');
    expect(status.reasons).toEqual([
      'the full job last succeeded 3d 9h ago; it runs cron 0 2 * * *',
    ]);
  });
});

describe('evaluateComponent, a job on weekdays in its own time zone', () => {
  // 01:30 Berlin time, Monday to Friday; NOW is Saturday noon.
  const reports: RecoveryComponent = {
    name: 'reports',
    rpo: '4d',
    backups: [
      { name: 'dump', schedule: 'CRON_TZ=Europe/Berlin 30 1 * * mon-fri' },
    ],
  };
  const dump = (finishedAt: string) => ({
    ...backup(finishedAt),
    id: `dump-${finishedAt}`,
    job: 'dump',
  });

  it("is on time over the weekend after Friday's run, next due Monday 01:30 Berlin", () => {
    const status = evaluateComponent(
      reports,
      {},
      [dump('2026-11-20T00:45:00.000Z')],
      NOW,
    );
    expect(status.backup.jobs).toEqual([
      expect.objectContaining({
        job: 'dump',
        state: 'ok',
        schedule: 'cron 30 1 * * mon-fri (Europe/Berlin)',
      }),
    ]);
    // Monday 00:30 UTC, and a quarter of the weekend's gap as grace.
    expect(Date.parse(status.backup.jobs![0].dueAt!)).toBeGreaterThan(
      Date.parse('2026-11-23T00:30:00Z'),
    );
  });

  it("is overdue on Saturday when Friday's run is missing", () => {
    const status = evaluateComponent(
      reports,
      {},
      [dump('2026-11-19T00:45:00.000Z')],
      NOW,
    );
    expect(status.backup.jobs![0].state).toBe('overdue');
    expect(status.backup.state).toBe('at-risk');
  });
});

describe('evaluateComponent, the recoverable window', () => {
  const store: RecoveryComponent = {
    name: 'postgres',
    rpo: '≈ 1m',
    backups: [
      { name: 'full', schedule: 'daily' },
      { name: 'replica', type: 'replication', schedule: 'continuous' },
    ],
  };
  it('restores to the furthest point of any job, from the oldest copy a tool says it still holds', () => {
    const full = {
      ...backup('2026-11-21T02:10:00.000Z'),
      job: 'full',
      restorableFrom: '2026-11-14T02:10:00.000Z',
    };
    // A replica reported at 11:59:40 with 20 s of lag.
    const replica: BackupEvent = {
      ...backup('2026-11-21T11:59:40.000Z'),
      id: 'lag',
      job: 'replica',
      restorableTo: '2026-11-21T11:59:20.000Z',
    };
    const status = evaluateComponent(store, {}, [full, replica], NOW);
    expect(status.state).toBe('ok');
    expect(status.backup.window).toEqual({
      from: '2026-11-14T02:10:00.000Z',
      to: '2026-11-21T11:59:20.000Z',
      job: 'replica',
    });
    expect(status.backup.ageSeconds).toBe(40);
    // Ten minutes later the replica has not reported again: the RPO is
    // breached, and the reason names the job that reaches furthest.
    const later = evaluateComponent(
      store,
      {},
      [full, replica],
      new Date(NOW.getTime() + 600_000),
    );
    expect(later.state).toBe('violated');
    expect(later.reasons).toEqual([
      'the latest point it restores to (the replica job) is 10m 40s old, older than the RPO of 1m',
    ]);
    expect(later.findings).toEqual([
      { type: 'rpo-breach', detail: later.reasons[0] },
    ]);
  });

  it('is not checkable, not "no data", when only another team backs it up', () => {
    const status = evaluateComponent(
      {
        name: 'ldap',
        rpo: '24h',
        backups: [{ name: 'corp', state: 'external', tool: 'Veeam' }],
      },
      {},
      [],
      NOW,
    );
    expect(status.state).toBe('unchecked');
    expect(status.reasons[0]).toMatch(
      /^backed up by another team \(corp, Veeam\)/,
    );
  });
});

describe('evaluateComponent, how well each restore was proved', () => {
  const requiring: RecoveryComponent = {
    ...postgres,
    drill: {
      cadence: '7d',
      staleAfter: '8d',
      requiredVerification: 'restored',
    },
  };
  const integrity = (at: string) =>
    drill(at, {
      id: `check-${at}`,
      verification: 'integrity',
      restoreSeconds: undefined,
      dataVerified: undefined,
    });

  it('does not count an integrity check as the restore a plan requires', () => {
    const status = evaluateComponent(
      requiring,
      {},
      [
        backup('2026-11-21T02:10:00.000Z'),
        integrity('2026-11-20T04:00:00.000Z'),
      ],
      NOW,
    );
    expect(status.state).toBe('violated');
    expect(status.drill).toMatchObject({
      state: 'violated',
      verification: 'integrity',
      requiredVerification: 'restored',
    });
    expect(status.findings).toEqual([
      {
        type: 'verification-below',
        detail:
          'the last restore drill (1d 8h ago) was integrity checked (not a restore); the plan requires restored to a scratch target, and no drill has reached it',
      },
    ]);
  });

  it('judges by the last drill that reached the level, and names a later check that did not', () => {
    const status = evaluateComponent(
      requiring,
      {},
      [
        backup('2026-11-21T02:10:00.000Z'),
        drill('2026-11-18T04:00:00.000Z'),
        integrity('2026-11-20T04:00:00.000Z'),
      ],
      NOW,
    );
    expect(status.state).toBe('ok');
    expect(status.drill).toMatchObject({
      lastAt: '2026-11-18T04:00:00.000Z',
      verification: 'application',
    });
    expect(status.reasons[0]).toMatch(/: judged by the last drill that did$/);
    // Without a required level, the same check is the last drill.
    const plain = evaluateComponent(
      postgres,
      {},
      [
        backup('2026-11-21T02:10:00.000Z'),
        integrity('2026-11-20T04:00:00.000Z'),
      ],
      NOW,
    );
    expect(plain.drill?.verification).toBe('integrity');
  });

  it('types each breach for the violation records', () => {
    const status = evaluateComponent(
      postgres,
      {},
      [backup('2026-11-19T02:10:00.000Z'), drill('2026-11-01T04:00:00.000Z')],
      NOW,
    );
    expect(status.findings?.map(f => f.type)).toEqual([
      'rpo-breach',
      'drill-stale',
    ]);
    const slow = evaluateComponent(
      postgres,
      {},
      [
        backup('2026-11-21T02:10:00.000Z'),
        backup('2026-11-21T03:10:00.000Z', 'failure'),
        drill('2026-11-20T04:00:00.000Z', { restoreSeconds: 3600 }),
      ],
      NOW,
    );
    expect(slow.findings?.map(f => f.type)).toEqual([
      'backup-failed',
      'drill-over-rto',
    ]);
  });
});

describe('evaluateDataTypes', () => {
  it('judges each data type from the components that hold it, the earliest of their points', () => {
    const db = evaluateComponent(
      { name: 'db', rpo: '24h', backups: [{ name: 'full' }] },
      {},
      [backup('2026-11-21T02:10:00.000Z')],
      NOW,
    );
    const files = evaluateComponent(
      { name: 'files', rpo: '7d', backups: [{ name: 'weekly' }] },
      {},
      [backup('2026-11-19T03:00:00.000Z')],
      NOW,
    );
    const [apps, reports, sessions, settings, loose] = evaluateDataTypes(
      [
        { name: 'applications', rpo: '24h', components: ['db'] },
        { name: 'reports', rpo: '24h', components: ['db', 'files'] },
        { name: 'sessions', rpo: '0 (none)' },
        {
          name: 'user-settings',
          rpo: 'N/A',
          rationale: 'Client-side localStorage',
        },
        { name: 'analytics', rpo: '24h' },
      ],
      [db, files],
      NOW,
    );
    expect(apps).toMatchObject({ state: 'ok', rpoSeconds: 86400 });
    expect(reports).toMatchObject({
      state: 'violated',
      window: { to: '2026-11-19T03:00:00.000Z' },
      reasons: ['files restores to 2d 9h ago, older than its RPO of 1d'],
    });
    expect(sessions.state).toBe('not-needed');
    expect(settings).toMatchObject({
      state: 'not-needed',
      reasons: ['no RPO applies (Client-side localStorage)'],
    });
    expect(loose.state).toBe('unchecked');
  });
});
