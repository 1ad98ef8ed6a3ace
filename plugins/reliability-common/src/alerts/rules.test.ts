import {
  alertFacts,
  expandRunbookUrl,
  parsePrometheusRules,
  portalTarget,
  triggerMatches,
} from './rules';

describe('parsePrometheusRules', () => {
  it('reads alerting rules with their line, group, labels and runbook_url; recording rules are skipped', () => {
    const { rules, problems } = parsePrometheusRules(
      `groups:
  - name: api
    rules:
      - record: job:up:sum
        expr: sum(up)
      - alert: ApiDown
        expr: up == 0
        for: 5m
        labels: { severity: critical, tier: 1 }
        annotations:
          runbook_url: https://portal.example/reliability/alerts/ApiDown
          summary: The API is down
  - name: disk
    rules:
      - alert: DiskFull
        expr: disk_free < 0.1
`,
      'rules/api.yml',
    );
    expect(problems).toEqual([]);
    expect(rules).toEqual([
      {
        name: 'ApiDown',
        group: 'api',
        labels: { severity: 'critical', tier: '1' },
        runbookUrl: 'https://portal.example/reliability/alerts/ApiDown',
        summary: 'The API is down',
        file: 'rules/api.yml',
        line: 6,
      },
      {
        name: 'DiskFull',
        group: 'disk',
        labels: {},
        file: 'rules/api.yml',
        line: 15,
      },
    ]);
  });

  it('says which file and line is wrong, and what', () => {
    expect(
      parsePrometheusRules(
        'groups:\n  - name: a\n    rules:\n      - expr: up\n',
        'r.yml',
      ).problems,
    ).toEqual([
      {
        severity: 'error',
        file: 'r.yml',
        line: 4,
        column: 9,
        message: 'group a: a rule needs `alert:` or `record:`',
      },
    ]);
    expect(
      parsePrometheusRules('apiVersion: v1\n', 'r.yml').problems[0],
    ).toMatchObject({
      line: 1,
      message: 'is not a rule file: it has no `groups:` list',
    });
    expect(
      parsePrometheusRules('groups: [\n', 'r.yml').problems[0],
    ).toMatchObject({
      file: 'r.yml',
      severity: 'error',
      line: 2,
      message: 'unexpected end of the stream within a flow collection',
    });
    expect(
      parsePrometheusRules(
        'groups:\n  - name: a\n    name: b\n    rules: []\n',
        'r.yml',
      ).problems,
    ).toEqual([
      {
        severity: 'error',
        file: 'r.yml',
        line: 3,
        column: 5,
        message: 'duplicated mapping key',
      },
    ]);
  });

  it('reads aliases once, however often a hostile file repeats them', () => {
    // Nine levels of ten aliases each would be a billion rules if expanded.
    const levels = ['a0: &a0 [{ alert: Boom, expr: up }]'];
    for (let i = 1; i <= 9; i++) {
      levels.push(
        `a${i}: &a${i} [${Array(10)
          .fill(`*a${i - 1}`)
          .join(', ')}]`,
      );
    }
    const text = `x:\n${levels.map(l => `  ${l}`).join('\n')}
groups:
  - name: bomb
    rules: *a9
`;
    const started = Date.now();
    const { rules, problems } = parsePrometheusRules(text, 'bomb.yml');
    expect(Date.now() - started).toBeLessThan(2000);
    // The list holds ten entries, each an alias: nothing is flattened.
    expect(rules).toEqual([]);
    expect(problems).toHaveLength(10);
    expect(problems[0].message).toBe('group bomb: a rule must be a mapping');
  });
});

describe('alertFacts', () => {
  it('counts per entity: an alert of two entities counts for both, a dead trigger for its runbook entities', () => {
    const rule = (name: string) => ({ name, group: 'g', labels: {} });
    const facts = alertFacts({
      sources: [{ id: 'a' }, { id: 'b', lastError: 'down' }],
      alerts: [
        {
          rule: rule('Down'),
          source: 'a',
          runbooks: [],
          link: 'runbook',
          covered: true,
          entityRefs: ['component:default/api', 'resource:default/db'],
          owners: [],
        },
        {
          rule: rule('Slow'),
          source: 'a',
          runbooks: [],
          link: 'foreign',
          covered: false,
          entityRefs: ['component:default/api'],
          owners: [],
        },
        {
          rule: rule('Orphan'),
          source: 'a',
          runbooks: [],
          link: 'missing',
          covered: false,
          entityRefs: [],
          owners: [],
        },
      ],
      deadTriggers: [
        {
          runbook: { namespace: 'default', name: 'x', title: 'X' },
          alertName: 'Gone',
          entityRefs: ['system:default/shop'],
        },
      ],
      totals: { alerts: 3, covered: 1, badLinks: 1, deadTriggers: 1 },
      generatedAt: '2026-12-07T10:00:00.000Z',
    });
    expect(facts).toEqual({
      generatedAt: '2026-12-07T10:00:00.000Z',
      sourcesOk: false,
      items: [
        {
          entityRef: 'component:default/api',
          alerts: 2,
          covered: 1,
          coveragePercent: 50,
          uncovered: ['Slow'],
          badLinks: 1,
          deadTriggers: 0,
        },
        {
          entityRef: 'resource:default/db',
          alerts: 1,
          covered: 1,
          coveragePercent: 100,
          uncovered: [],
          badLinks: 0,
          deadTriggers: 0,
        },
        {
          entityRef: 'system:default/shop',
          alerts: 0,
          covered: 0,
          coveragePercent: 100,
          uncovered: [],
          badLinks: 0,
          deadTriggers: 1,
        },
      ],
    });
  });
});

describe('portalTarget', () => {
  const portal = 'https://portal.example';
  it('knows a runbook page and an alert landing page of this portal, and nothing else', () => {
    expect(
      portalTarget(
        `${portal}/reliability/runbooks/default/db-failover`,
        portal,
      ),
    ).toEqual({ kind: 'runbook', namespace: 'default', name: 'db-failover' });
    expect(
      portalTarget(`${portal}/reliability/alerts/Api%20Down?x=1`, portal),
    ).toEqual({ kind: 'alert', alertName: 'Api Down' });
    expect(
      portalTarget('https://wiki.example/reliability/alerts/ApiDown', portal),
    ).toBeUndefined();
    expect(
      portalTarget(`${portal}/catalog/default/component/api`, portal),
    ).toBeUndefined();
    expect(portalTarget('not a url', portal)).toBeUndefined();
    // A portal under a path.
    expect(
      portalTarget(
        'https://example.com/backstage/reliability/alerts/ApiDown',
        'https://example.com/backstage/',
      ),
    ).toEqual({ kind: 'alert', alertName: 'ApiDown' });
  });
});

describe('expandRunbookUrl', () => {
  it("fills in the alert's name and the labels the rule sets", () => {
    const rule = { name: 'PostgresDown', labels: { namespace: 'insights' } };
    expect(
      expandRunbookUrl(
        'https://portal.example/reliability/alerts/{{ $labels.alertname }}?namespace={{$labels.namespace}}&pod={{ $labels.pod }}',
        rule,
      ),
    ).toBe(
      'https://portal.example/reliability/alerts/PostgresDown?namespace=insights&pod={{ $labels.pod }}',
    );
    expect(expandRunbookUrl('https://x/{{ .Labels.alertname }}', rule)).toBe(
      'https://x/PostgresDown',
    );
  });
});

describe('triggerMatches', () => {
  it('matches the name, unless a label the trigger names is set to another value', () => {
    const trigger = { alertName: 'ApiDown', labels: { severity: 'critical' } };
    expect(triggerMatches(trigger, 'ApiDown', { severity: 'critical' })).toBe(
      true,
    );
    // The series may bring the label.
    expect(triggerMatches(trigger, 'ApiDown', {})).toBe(true);
    expect(triggerMatches(trigger, 'ApiDown', { severity: 'warning' })).toBe(
      false,
    );
    expect(triggerMatches(trigger, 'ApiSlow', { severity: 'critical' })).toBe(
      false,
    );
  });
});
