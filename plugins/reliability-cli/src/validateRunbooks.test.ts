import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { main } from './main';

const bin = resolve(__dirname, '..', 'bin', 'reliability-runbooks');
const fixtures = resolve(
  __dirname,
  '../../reliability-common/src/runbooks/__fixtures__',
);

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    output: {
      out: (l: string) => out.push(l),
      err: (l: string) => err.push(l),
    },
  };
}

describe('reliability-runbooks validate', () => {
  it('prints file:line:column for each problem and exits 1 on errors (as a real process)', () => {
    const result = spawnSync(process.execPath, [bin, 'validate', '.'], {
      cwd: fixtures,
      encoding: 'utf8',
    });
    expect(result.status).toBe(1);
    const lines = result.stdout.trim().split('\n');
    expect(lines).toContain(
      'invalid.yaml:8:7: error: spec.triggers[0] is missing required field alertName',
    );
    expect(lines).toContain(
      'unknown-fields.yaml:8:3: warning: unknown field spec.priority, ignored',
    );
    expect(lines[lines.length - 1]).toMatch(
      /^10 file\(s\), \d+ runbook\(s\): \d+ error\(s\), \d+ warning\(s\)$/,
    );
  });

  it("warns of a plan's drill or scenario naming a runbook none of the validated files defines", () => {
    const dir = mkdtempSync(join(tmpdir(), 'validate-plan-refs-'));
    writeFileSync(
      join(dir, 'runbooks.yaml'),
      `apiVersion: reliability.io/v1alpha1
kind: Runbook
metadata: { name: restore-db }
spec: {}
---
apiVersion: reliability.io/v1alpha1
kind: RecoveryPlan
metadata: { name: db-plan }
spec:
  components:
    - name: db
      backups: [{ name: full, schedule: daily }]
      drill: { cadence: monthly, runbook: restore-db }
  scenarios:
    - { name: cluster-loss, rto: 4h, runbook: rebuild-cluster }
`,
    );
    const c = capture();
    expect(main(['validate', dir], c.output, {}, dir)).toBe(0);
    expect(c.out).toEqual([
      `runbooks.yaml:6:1: warning: spec.scenarios[0].runbook names runbook default/rebuild-cluster, which none of the files validated defines`,
      '1 file(s), 1 runbook(s), 1 recovery plan(s): 0 error(s), 1 warning(s)',
    ]);
  });

  it('exits 0 when there are only warnings', () => {
    const c = capture();
    const cwd = process.cwd();
    let code;
    try {
      process.chdir(fixtures);
      code = main(
        ['validate', 'unknown-fields.yaml', 'good-multi.yaml'],
        c.output,
      );
    } finally {
      process.chdir(cwd);
    }
    expect(code).toBe(0);
    expect(c.out[c.out.length - 1]).toBe(
      '2 file(s), 3 runbook(s): 0 error(s), 3 warning(s)',
    );
  });

  it('checks severities against the list it is given', () => {
    const dir = mkdtempSync(join(tmpdir(), 'runbooks-'));
    writeFileSync(
      join(dir, 'sev.yaml'),
      'apiVersion: reliability.io/v1alpha1\nkind: Runbook\nmetadata: { name: sev }\nspec: { severity: SEV1 }\n',
    );
    const c = capture();
    const cwd = process.cwd();
    try {
      process.chdir(dir);
      expect(main(['validate', '.'], c.output)).toBe(1);
      expect(
        main(['validate', '--severities', 'SEV1,SEV2', '.'], c.output),
      ).toBe(0);
    } finally {
      process.chdir(cwd);
    }
    expect(c.out[0]).toBe(
      'sev.yaml:4:19: error: spec.severity "SEV1" is not a configured severity (P1, P2, P3, P4)',
    );
  });

  it('explains its usage and exits 2', () => {
    const c = capture();
    expect(main(['lint'], c.output)).toBe(2);
    expect(main(['validate', 'no/such/folder'], c.output)).toBe(2);
    expect(c.err).toEqual([
      expect.stringMatching(/^usage: reliability-runbooks validate/),
      'no/such/folder: no such file or folder',
    ]);
  });

  it('validates an absolute path from another folder, naming files by their absolute path', () => {
    const dir = mkdtempSync(join(tmpdir(), 'runbooks-abs-'));
    writeFileSync(
      join(dir, 'slow.yaml'),
      'apiVersion: reliability.io/v1alpha1\nkind: Runbook\nmetadata: { name: slow }\nspec:\n  immediateActions:\n    - run: restart\n      timeout: five minutes\n',
    );
    const elsewhere = mkdtempSync(join(tmpdir(), 'elsewhere-'));
    const result = spawnSync(process.execPath, [bin, 'validate', dir], {
      cwd: elsewhere,
      encoding: 'utf8',
    });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(1);
    expect(result.stdout.split('\n')[0]).toBe(
      `${join(
        dir,
        'slow.yaml',
      )}:7:16: error: spec.immediateActions[0].timeout must be a duration such as 30s, 5m, 1h, 2d`,
    );
  });

  it('refuses, as the indexer does, two files of one folder that define the same runbook', () => {
    const dir = mkdtempSync(join(tmpdir(), 'runbooks-dup-'));
    mkdirSync(join(dir, 'db'));
    const doc = (title: string) =>
      `apiVersion: reliability.io/v1alpha1\nkind: Runbook\nmetadata: { name: db-down, title: ${title} }\nspec: {}\n`;
    writeFileSync(join(dir, 'a.yaml'), doc('First'));
    writeFileSync(join(dir, 'db', 'b.yaml'), doc('Second'));
    const c = capture();
    expect(main(['validate', '.'], c.output, {}, dir)).toBe(1);
    expect(c.out).toEqual([
      'db/b.yaml:1:1: error: duplicate runbook name default/db-down: a.yaml already defines it',
      '2 file(s), 1 runbook(s): 1 error(s), 0 warning(s)',
    ]);
    // Files named one by one (a shell's runbooks/*.yaml) are one location too.
    const files = capture();
    expect(
      main(['validate', 'a.yaml', 'db/b.yaml'], files.output, {}, dir),
    ).toBe(1);
    expect(files.out[0]).toBe(
      'db/b.yaml:1:1: error: duplicate runbook name default/db-down: a.yaml already defines it',
    );
  });

  it('prints GitHub Actions annotations with --format github, and by default under GitHub Actions', () => {
    const c = capture();
    expect(
      main(
        ['validate', 'invalid.yaml'],
        c.output,
        { GITHUB_ACTIONS: 'true' },
        fixtures,
      ),
    ).toBe(1);
    expect(c.out).toContain(
      '::error file=invalid.yaml,line=8,col=7::spec.triggers[0] is missing required field alertName',
    );
    const t = capture();
    main(
      ['validate', '--format', 'github', 'unknown-fields.yaml'],
      t.output,
      {},
      fixtures,
    );
    expect(t.out[0]).toBe(
      '::warning file=unknown-fields.yaml,line=5,col=3::unknown field metadata.colour, ignored',
    );
    expect(
      main(['validate', '--format', 'xml', '.'], t.output, {}, fixtures),
    ).toBe(2);
  });

  it('validates recovery plans beside runbooks: the five seed handbooks as plans', () => {
    const c = capture();
    const seeds = resolve(
      __dirname,
      '../../reliability-common/src/recovery/__fixtures__',
    );
    expect(
      main(
        [
          'validate',
          'seed000-qalita.yaml',
          'seed001-sortie.yaml',
          'seed002-veza.yaml',
          'seed003-catalyst.yaml',
          'seed004-wesago.yaml',
        ],
        c.output,
        {},
        seeds,
      ),
    ).toBe(0);
    // Written as the seeds state them: warnings only for what cannot be
    // checked (seed 003's "Near-zero", "Seconds", "Minutes") and for seed
    // 000's backup that is switched off by default.
    expect(c.out.pop()).toBe(
      '5 file(s), 0 runbook(s), 5 recovery plan(s): 0 error(s), 8 warning(s)',
    );
    expect(c.out).toHaveLength(8);
    expect(c.out[0]).toMatch(
      /^seed000-qalita\.yaml:\d+:\d+: warning: .*every job is switched off \(enabled: false\)/,
    );
    for (const line of c.out.slice(1)) {
      expect(line).toMatch(
        /^seed003-catalyst\.yaml:\d+:\d+: warning: .* it is kept as written but cannot be checked/,
      );
    }
    const bad = capture();
    expect(main(['validate', 'bad-plan.yaml'], bad.output, {}, seeds)).toBe(1);
    expect(bad.out[0]).toBe(
      'bad-plan.yaml:6:8: warning: spec.rpo "Near-zero": it is kept as written but cannot be checked: write a time such as "≈ 1m" or "≤ 30s" to have it checked',
    );
    expect(bad.out[1]).toMatch(
      /^bad-plan\.yaml:9:\d+: error: spec\.components\[0\]\.rto "soon" is not a duration/,
    );
  });

  it('checks a rule file against the runbooks: each uncovered alert with its file and line, each trigger no rule fires', () => {
    const dir = mkdtempSync(join(tmpdir(), 'validate-rules-'));
    mkdirSync(join(dir, 'runbooks'));
    writeFileSync(
      join(dir, 'runbooks', 'api.yaml'),
      `apiVersion: reliability.io/v1alpha1
kind: Runbook
metadata: { name: api-down, title: API down }
spec:
  entityRefs: [component:api]
  triggers:
    - alertName: ApiDown
      labels: { severity: critical }
    - alertName: ApiGone
  steps:
    - title: Check the pods
      run: kubectl get pods
`,
    );
    writeFileSync(
      join(dir, 'rules.yml'),
      `groups:
  - name: api
    rules:
      - alert: ApiDown
        expr: up == 0
        labels: { severity: critical }
      - alert: ApiSlow
        expr: latency > 1
        annotations:
          runbook_url: https://portal.example/reliability/runbooks/default/api-down
      - alert: ApiErrors
        expr: errors > 1
        annotations:
          runbook_url: https://wiki.example/api-errors
      - alert: ApiDownToo
        expr: up == 0
        labels: { severity: warning }
        annotations:
          runbook_url: https://portal.example/reliability/alerts/{{ $labels.alertname }}
`,
    );
    const { out, output } = capture();
    const code = main(
      ['validate', '--rules', 'rules.yml', 'runbooks'],
      output,
      {},
      dir,
    );
    expect(code).toBe(0);
    expect(out).toEqual([
      'rules.yml:11:1: warning: alert ApiErrors has no runbook: no trigger names it, and its runbook_url https://wiki.example/api-errors is not a runbook page of the portal',
      'rules.yml:15:1: warning: alert ApiDownToo has no runbook: no trigger names it, and its runbook_url https://portal.example/reliability/alerts/{{ $labels.alertname }} leads to no runbook validated here',
      'runbooks/api.yaml:1:1: warning: trigger ApiGone matches no alerting rule of rules.yml',
      '1 file(s), 1 runbook(s); 4 alert(s), 2 without a runbook, 1 trigger(s) no rule fires: 0 error(s), 3 warning(s)',
    ]);
    // A rule file with an error fails the check, naming file and line.
    writeFileSync(
      join(dir, 'bad.yml'),
      'groups:\n  - name: x\n    rules:\n      - expr: up\n',
    );
    const bad = capture();
    expect(
      main(['validate', '--rules', 'bad.yml', 'runbooks'], bad.output, {}, dir),
    ).toBe(1);
    expect(bad.out[0]).toBe(
      'bad.yml:4:9: error: group x: a rule needs `alert:` or `record:`',
    );

    // A rule file kept among the runbooks is read as rules (not as a broken
    // runbook), and its rules are checked with the others.
    writeFileSync(
      join(dir, 'runbooks', 'api.rules.yml'),
      'groups:\n  - name: api-own\n    rules:\n      - alert: ApiGone\n        expr: absent(up)\n      - alert: ApiQueueFull\n        expr: queue > 100\n',
    );
    const folder = capture();
    expect(
      main(
        ['validate', '--rules', 'rules.yml', 'runbooks'],
        folder.output,
        {},
        dir,
      ),
    ).toBe(0);
    expect(folder.out).toEqual([
      'runbooks/api.rules.yml:6:1: warning: alert ApiQueueFull has no runbook: no trigger names it, and it has no runbook_url',
      'rules.yml:11:1: warning: alert ApiErrors has no runbook: no trigger names it, and its runbook_url https://wiki.example/api-errors is not a runbook page of the portal',
      'rules.yml:15:1: warning: alert ApiDownToo has no runbook: no trigger names it, and its runbook_url https://portal.example/reliability/alerts/{{ $labels.alertname }} leads to no runbook validated here',
      '2 file(s), 1 runbook(s); 6 alert(s), 3 without a runbook, 0 trigger(s) no rule fires: 0 error(s), 3 warning(s)',
    ]);
  });
});
