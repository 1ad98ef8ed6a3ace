import { mockCredentials, TestDatabases } from '@backstage/backend-test-utils';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startRecoveryBackend } from '../__testUtils__/recoveryBackend';

jest.setTimeout(60_000);

// The API's runbook folder holds its own alerting rules beside its runbooks:
// one a runbook answers, one no runbook answers (and whose labels name no
// entity), and a recording rule.
const RULES = `groups:
  - name: insights-api
    rules:
      - record: job:http_errors:rate5m
        expr: sum(rate(http_requests_total{code=~"5.."}[5m]))
      - alert: InsightsApiDown
        expr: up{job="insights-api"} == 0
        labels: { severity: critical }
      - alert: InsightsApiSlow
        expr: histogram_quantile(0.99, rate(http_duration_seconds_bucket[5m])) > 2
        labels: { severity: warning }
`;

const RUNBOOK = `apiVersion: reliability.io/v1alpha1
kind: Runbook
metadata:
  name: api-down
  title: Insights API down
spec:
  triggers:
    - alertName: InsightsApiDown
    - alertName: InsightsApiGone
  steps:
    - title: Restart it
      manual: Restart the deployment.
`;

const databases = TestDatabases.create();

describe.each(databases.eachSupportedId())(
  'rule files in runbook folders on %s',
  databaseId => {
    const refresh = (backend: { post: Function }) =>
      backend.post('/runbooks/refresh', {
        entityRef: 'component:default/insights-api',
      });
    const coverage = async (backend: { get: Function }, query = '') =>
      (
        await backend.get(
          `/alerts/coverage${query}`,
          mockCredentials.user.header(),
        )
      ).body;

    it("reads the folder's rule files as the entity's rules, keeps them while the file is broken, and forgets them when it is gone", async () => {
      const backend = await startRecoveryBackend(databases, databaseId, {
        files: { 'api-down.yaml': RUNBOOK, 'api.rules.yml': RULES },
        config: {
          reliability: { alerts: { ruleFilesInRunbookFolders: true } },
        },
      });
      const first = await coverage(
        backend,
        '?entityRef=component:default/insights-api',
      );
      expect(first.sources).toEqual([
        expect.objectContaining({
          id: 'runbooks:entity:component:default/insights-api',
          entityRef: 'component:default/insights-api',
          target: './runbooks',
          rules: 2,
          lastSuccessAt: expect.any(String),
        }),
      ]);
      expect(
        first.alerts.map((a: any) => [
          a.rule.name,
          a.rule.file,
          a.rule.line,
          a.covered,
          a.entityRefs,
          a.because,
        ]),
      ).toEqual([
        [
          'InsightsApiDown',
          expect.stringMatching(/runbooks\/api\.rules\.yml$/),
          6,
          true,
          ['component:default/insights-api'],
          'runbook api-down answers InsightsApiDown',
        ],
        [
          'InsightsApiSlow',
          expect.stringMatching(/runbooks\/api\.rules\.yml$/),
          9,
          false,
          ['component:default/insights-api'],
          'its rule file is in the runbook folder of component:default/insights-api',
        ],
      ]);
      expect(first.alerts[1].owners).toEqual(['group:default/platform-team']);
      // The folder's rules are a source: a trigger no rule fires is dead.
      expect(first.deadTriggers.map((t: any) => t.alertName)).toEqual([
        'InsightsApiGone',
      ]);
      // For scorecards: the same, per entity.
      const facts = (
        await backend.get(
          '/facts/alerts?entityRef=component:default/insights-api',
          mockCredentials.user.header(),
        )
      ).body;
      expect(facts).toEqual({
        generatedAt: expect.any(String),
        sourcesOk: true,
        items: [
          {
            entityRef: 'component:default/insights-api',
            alerts: 2,
            covered: 1,
            coveragePercent: 50,
            uncovered: ['InsightsApiSlow'],
            badLinks: 0,
            deadTriggers: 1,
          },
        ],
      });
      // The runbook file is no broken runbook.
      const location = (
        await backend.get(
          '/runbooks/index-status?entityRef=component:default/insights-api',
          mockCredentials.user.header(),
        )
      ).body;
      expect(location.locations).toHaveLength(1);
      expect(location.problems).toEqual([]);

      // The file breaks: its rules are kept, and the problem is the
      // location's, with file and line.
      writeFileSync(
        join(backend.runbooksDir, 'api.rules.yml'),
        `${RULES}      - expr: up\n`,
      );
      await refresh(backend);
      const broken = await coverage(backend);
      expect(broken.alerts.map((a: any) => a.rule.name)).toEqual([
        'InsightsApiDown',
        'InsightsApiSlow',
      ]);
      const problems = (
        await backend.get(
          '/runbooks/index-status?entityRef=component:default/insights-api',
          mockCredentials.user.header(),
        )
      ).body;
      expect(JSON.stringify(problems)).toMatch(
        /api\.rules\.yml.*a rule needs `alert:` or `record:`/,
      );

      // The file is gone: so are its rules, and the source.
      rmSync(join(backend.runbooksDir, 'api.rules.yml'));
      await refresh(backend);
      const gone = await coverage(backend);
      expect(gone.sources).toEqual([]);
      expect(gone.alerts).toEqual([]);
    });

    it("shows a folder's source only to who may read its entity, and only beside it", async () => {
      const backend = await startRecoveryBackend(databases, databaseId, {
        files: { 'api.rules.yml': RULES },
        config: {
          reliability: { alerts: { ruleFilesInRunbookFolders: true } },
        },
        hide: {
          user: 'user:default/mock',
          entityRefs: ['component:default/insights-api'],
        },
      });
      const hidden = await coverage(backend);
      expect(hidden.sources).toEqual([]);
      expect(hidden.alerts).toEqual([]);
      const facts = await backend.get(
        '/facts/alerts',
        mockCredentials.user.header(),
      );
      expect(facts.body.items).toEqual([]);
      // Who may read it sees it.
      const seen = (
        await backend.get(
          '/facts/alerts',
          mockCredentials.user.header('user:default/owner'),
        )
      ).body;
      expect(seen.items.map((f: any) => f.entityRef)).toEqual([
        'component:default/insights-api',
      ]);
      const other = (
        await backend.get(
          '/alerts/coverage?entityRef=component:default/insights-web',
          mockCredentials.user.header('user:default/owner'),
        )
      ).body;
      expect(other.alerts).toEqual([]);
      expect(other.sources).toEqual([]);
    });

    it('leaves rule files in runbook folders alone unless configured', async () => {
      const backend = await startRecoveryBackend(databases, databaseId, {
        files: { 'api.rules.yml': RULES },
      });
      const body = await coverage(backend);
      expect(body.sources).toEqual([]);
      // Still no broken runbook.
      const locations = (
        await backend.get(
          '/runbooks/index-status?entityRef=component:default/insights-api',
          mockCredentials.user.header(),
        )
      ).body;
      expect(locations.locations).toHaveLength(1);
      expect(locations.problems).toEqual([]);
    });
  },
);
