import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseRunbookFile } from '../runbooks/parseRunbookFile';
import { parseRecoveryObjective } from './objective';

const fixture = (name: string) =>
  readFileSync(join(__dirname, '__fixtures__', name), 'utf8');
const parse = (name: string) =>
  parseRunbookFile(fixture(name), {
    file: name,
    severities: ['P1', 'P2', 'P3', 'P4'],
    defaultEntityRef: 'component:default/demo',
  });

// Each disaster-recovery handbook of ../shared/reference/seeds, written as a
// recovery plan: its backup table, objectives, scenarios, drills and
// degraded modes must all fit and validate.
describe('RecoveryPlan documents', () => {
  it.each([
    ['seed000-qalita.yaml', 'qalita-platform'],
    ['seed001-sortie.yaml', 'sortie'],
    ['seed002-veza.yaml', 'veza'],
    ['seed003-catalyst.yaml', 'catalyst'],
    ['seed004-wesago.yaml', 'wesago'],
  ])('%s validates as a recovery plan, as the seed states it', (file, name) => {
    const result = parse(file);
    // Warnings only where the seed's value cannot be checked.
    expect(result.problems.filter(p => p.severity === 'error')).toEqual([]);
    for (const p of result.problems) {
      expect(p.message).toMatch(/cannot be checked|every job is switched off/);
    }
    expect(result.runbooks).toEqual([]);
    expect(result.recoveryPlans).toHaveLength(1);
    const plan = result.recoveryPlans![0].document;
    expect(plan.metadata).toMatchObject({ name, namespace: 'default' });
    // Every objective in it reads as one.
    const objectives = [
      plan.spec.rpo,
      plan.spec.rto,
      ...(plan.spec.dataTypes ?? []).flatMap(d => [d.rpo, d.rto]),
      ...(plan.spec.scenarios ?? []).flatMap(s => [s.rpo, s.rto]),
      ...plan.spec.components.flatMap(c => [c.rpo, c.rto, c.replication?.rpo]),
    ].filter((o): o is string => o !== undefined);
    const reasons = new Map(
      (plan.spec.dataTypes ?? []).map(d => [d.rpo, d.rationale]),
    );
    for (const o of objectives) {
      expect(
        parseRecoveryObjective(o, { reason: reasons.get(o) }),
      ).toMatchObject({ ok: true });
    }
  });

  it('keeps what the seeds state: per data type, per scenario, per backup job', () => {
    const sortie = parse('seed001-sortie.yaml').recoveryPlans![0].document;
    expect(sortie.spec.entityRefs).toEqual(['component:default/demo']);
    expect(
      sortie.spec.dataTypes?.map(d => [
        d.name,
        parseRecoveryObjective(d.rpo!, { reason: d.rationale }),
      ]),
    ).toEqual([
      [
        'applications',
        { ok: true, value: { kind: 'duration', seconds: 86400 } },
      ],
      ['audit-logs', { ok: true, value: { kind: 'duration', seconds: 86400 } }],
      ['analytics', { ok: true, value: { kind: 'duration', seconds: 86400 } }],
      // Nothing is kept: not "no loss allowed".
      [
        'sessions',
        {
          ok: true,
          value: { kind: 'not-kept', reason: 'Ephemeral; recreated on demand' },
        },
      ],
      [
        'user-settings',
        {
          ok: true,
          value: { kind: 'not-applicable', reason: 'Client-side localStorage' },
        },
      ],
    ]);
    expect(sortie.spec.components[0].drill?.cadence).toBe('monthly');
    const catalyst = parse('seed003-catalyst.yaml');
    expect(
      catalyst.recoveryPlans![0].document.spec.components.map(
        c => c.replication?.rpo,
      ),
    ).toEqual([
      'Near-zero',
      'Seconds',
      'Seconds',
      'Seconds',
      'Minutes',
      'Minutes',
      'Seconds (intra-cluster only)',
    ]);
    expect(catalyst.problems.map(p => p.message)).toContainEqual(
      expect.stringMatching(
        /^spec\.components\[0\]\.replication\.rpo "Near-zero": it is kept as written but cannot be checked/,
      ),
    );
    expect(
      sortie.spec.scenarios?.map(s => [s.name, s.rto, s.recovery]),
    ).toEqual([
      ['pod-restart', '2m', 'automatic'],
      ['node-failure', '5m', 'automatic'],
      ['pvc-corruption', '30m', 'manual'],
      ['namespace-deletion', '1h', 'manual'],
      ['cluster-loss', '4h', 'manual'],
    ]);
    const veza = parse('seed002-veza.yaml').recoveryPlans![0].document;
    const postgres = veza.spec.components[0];
    expect(postgres.entityRef).toBe('resource:default/veza-postgres');
    expect(postgres.backups?.map(b => [b.name, b.schedule, b.state])).toEqual([
      ['full', '0 2 * * 0', undefined],
      ['diff', '0 2 * * 1-6', undefined],
      ['wal', 'continuous', undefined],
      ['off-site', undefined, 'planned'],
    ]);
    expect(postgres.drill).toMatchObject({ cadence: '7d', staleAfter: '8d' });
  });

  it('names each problem with its line, and says what an objective should be', () => {
    const { problems, recoveryPlans } = parse('bad-plan.yaml');
    expect(recoveryPlans).toEqual([]);
    expect(problems.map(p => p.message)).toContainEqual(
      expect.stringContaining('to have it checked'),
    );
    expect(
      problems.map(p => [p.line, p.severity, p.message.split(': write')[0]]),
    ).toEqual([
      // A word that is no time is kept, with a warning; "weekly" is a
      // calendar cadence.
      [
        6,
        'warning',
        'spec.rpo "Near-zero": it is kept as written but cannot be checked',
      ],
      [9, 'error', 'spec.components[0].rto "soon" is not a duration'],
      [
        12,
        'error',
        'spec.components[0].backups[0].schedule "every night" is not a schedule or cadence',
      ],
      [15, 'error', 'spec.components[1].name duplicate component name db'],
      [
        18,
        'warning',
        'spec.degradedModes[0].component cache is not a component of this plan (db) nor an entity ref',
      ],
      [
        20,
        'error',
        'spec.degradedModes[0].severity "SEV9" is not a configured severity (P1, P2, P3, P4)',
      ],
    ]);
  });

  it("warns of a component whose every backup is switched off (seed 000's chart default), and refuses a drill of an unknown scenario", () => {
    const qalita = parse('seed000-qalita.yaml');
    expect(qalita.problems.map(p => p.message)).toEqual([
      expect.stringMatching(
        /backups \(\w[\w-]*\) needs a backup, but every job is switched off \(enabled: false\): it is judged violated until one is reported$/,
      ),
    ]);
    const text = `apiVersion: reliability.io/v1alpha1
kind: RecoveryPlan
metadata: { name: drills }
spec:
  components:
    - name: db
      backups: [{ name: full, schedule: daily }]
      drill: { cadence: monthly, scenario: pvc-corruption }
  scenarios:
    - { name: node-loss, rto: 5m }
`;
    const result = parseRunbookFile(text, { file: 'drills.yaml' });
    expect(result.problems.map(p => [p.line, p.severity, p.message])).toEqual([
      [
        8,
        'error',
        'spec.components[0].drill.scenario names scenario pvc-corruption, which this plan does not have (node-loss)',
      ],
    ]);
  });

  it("reports all of a plan's problems at once, and lists the allowed values of a field", () => {
    const text = `apiVersion: reliability.io/v1alpha1
kind: RecoveryPlan
metadata: { name: many }
spec:
  components:
    - name: db
      criticality: urgent
      backups: [{ name: full, schedule: daily-ish }]
    - name: db
      stateless: a cache
`;
    const result = parseRunbookFile(text, { file: 'many.yaml' });
    expect(result.recoveryPlans).toEqual([]);
    expect(result.problems.map(p => [p.line, p.severity, p.message])).toEqual([
      [
        7,
        'error',
        'spec.components[0].criticality must be one of "critical", "high", "moderate", "low", "none", not "urgent"',
      ],
      [
        8,
        'error',
        expect.stringMatching(
          /^spec\.components\[0\]\.backups\[0\]\.schedule "daily-ish" is not a schedule or cadence/,
        ),
      ],
      [9, 'error', 'spec.components[1].name duplicate component name db'],
    ]);
  });

  it('sits next to runbooks in one file, and refuses two plans of one name', () => {
    const text = `${fixture('seed004-wesago.yaml')}
---
apiVersion: reliability.io/v1alpha1
kind: Runbook
metadata: { name: wesago }
spec: {}
---
${fixture('seed004-wesago.yaml')}`;
    const result = parseRunbookFile(text, { file: 'both.yaml' });
    expect(result.runbooks.map(r => r.document.metadata.name)).toEqual([
      'wesago',
    ]);
    expect(result.recoveryPlans).toHaveLength(1);
    expect(result.problems.map(p => p.message)).toEqual([
      expect.stringMatching(
        /^duplicate recovery plan name default\/wesago: line \d+ of this file already defines it$/,
      ),
    ]);
  });
});
