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
  ])('%s validates as a recovery plan', (file, name) => {
    const result = parse(file);
    expect(result.problems).toEqual([]);
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
    for (const o of objectives) {
      expect(parseRecoveryObjective(o)).toMatchObject({ ok: true });
    }
  });

  it('keeps what the seeds state: per data type, per scenario, per backup job', () => {
    const sortie = parse('seed001-sortie.yaml').recoveryPlans![0].document;
    expect(sortie.spec.entityRefs).toEqual(['component:default/demo']);
    expect(sortie.spec.dataTypes?.map(d => [d.name, d.rpo])).toEqual([
      ['applications', '24h'],
      ['audit-logs', '24h'],
      ['analytics', '24h'],
      ['sessions', '0 (none)'],
      ['user-settings', 'n/a: client-side localStorage'],
    ]);
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
    expect(
      problems.map(p => [p.line, p.severity, p.message.split(': write')[0]]),
    ).toEqual([
      [6, 'error', 'spec.rpo "Near-zero" is not a duration'],
      [9, 'error', 'spec.components[0].rto "soon" is not a duration'],
      [
        12,
        'error',
        'spec.components[0].backups[0].schedule "every night" is not a schedule',
      ],
      [
        14,
        'error',
        'spec.components[0].drill.cadence "weekly" is not a cadence',
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
