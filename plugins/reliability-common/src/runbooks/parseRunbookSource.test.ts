import { isPrometheusRuleFile, parseRunbookFolder } from './parseRunbookSource';

const RUNBOOK = `apiVersion: reliability.io/v1alpha1
kind: Runbook
metadata:
  name: worker-offline
  title: Worker offline
spec:
  triggers:
    - alertName: InsightsWorkerOffline
  steps:
    - title: Look at the pods
      manual: kubectl get pods -l app=worker
`;

const RULES = `groups:
  - name: insights-worker
    rules:
      - record: job:up:sum
        expr: sum(up)
      - alert: InsightsWorkerOffline
        expr: up{job="worker"} == 0
        labels: { severity: critical }
        annotations:
          summary: No worker is up
`;

describe('parseRunbookFolder', () => {
  it('reads a Prometheus rule file beside the runbooks as alerting rules, not as a broken runbook', () => {
    const result = parseRunbookFolder(
      [
        { file: 'runbooks/worker-offline.yaml', text: RUNBOOK },
        { file: 'runbooks/worker.rules.yml', text: RULES },
      ],
      { defaultEntityRef: 'component:default/insights-worker' },
    );
    expect(result.problems).toEqual([]);
    expect(result.failedFiles).toEqual([]);
    expect(result.runbooks.map(r => r.document.metadata.name)).toEqual([
      'worker-offline',
    ]);
    expect(result.alertRules).toEqual([
      {
        name: 'InsightsWorkerOffline',
        group: 'insights-worker',
        labels: { severity: 'critical' },
        summary: 'No worker is up',
        file: 'runbooks/worker.rules.yml',
        line: 6,
      },
    ]);
  });

  it('names the file and line of a broken rule file, and takes none of its rules', () => {
    const result = parseRunbookFolder(
      [
        {
          file: 'runbooks/bad.rules.yml',
          text: 'groups:\n  - name: a\n    rules:\n      - alert: X\n      - expr: up\n',
        },
        {
          file: 'runbooks/huge.rules.yml',
          text: `groups: []\n# ${'x'.repeat(2000)}\n`,
        },
      ],
      { maxFileBytes: 1000 },
    );
    expect(result.alertRules).toEqual([]);
    expect(result.failedFiles).toEqual([
      'runbooks/bad.rules.yml',
      'runbooks/huge.rules.yml',
    ]);
    expect(result.problems).toEqual([
      {
        severity: 'error',
        file: 'runbooks/bad.rules.yml',
        line: 5,
        column: 9,
        message: 'group a: a rule needs `alert:` or `record:`',
      },
      {
        severity: 'error',
        file: 'runbooks/huge.rules.yml',
        line: 0,
        column: 0,
        message: 'file is 2014 bytes, more than the limit of 1000',
      },
    ]);
  });

  it('tells a rule file from runbook YAML', () => {
    expect(isPrometheusRuleFile(RULES)).toBe(true);
    expect(isPrometheusRuleFile(RUNBOOK)).toBe(false);
    // A runbook that happens to have a groups field further in.
    expect(
      isPrometheusRuleFile(`apiVersion: reliability.io/v1alpha1\ngroups: x\n`),
    ).toBe(false);
  });
});
