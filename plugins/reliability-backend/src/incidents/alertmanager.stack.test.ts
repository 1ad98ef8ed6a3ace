import { mockCredentials, TestDatabases } from '@backstage/backend-test-utils';
import { startRecoveryBackend } from '../__testUtils__/recoveryBackend';

// The real thing: Debian's Prometheus evaluates a rule that fires, Debian's
// Alertmanager routes it to the running backend's webhook with a bearer
// token, and the rule stopping resolves it. The script that starts them is
// plugins/reliability-backend/scripts/alerting-stack.js.
// eslint-disable-next-line @backstage/no-relative-monorepo-imports
const { startAlertingStack } = require('../../scripts/alerting-stack.js');

const databases = TestDatabases.create();
jest.setTimeout(120_000);

const RUNBOOK = `apiVersion: reliability.io/v1alpha1
kind: Runbook
metadata: { name: postgres-down, title: PostgreSQL primary is down }
spec:
  entityRefs: [resource:insights-postgres]
  severity: P1
  triggers: [{ alertName: PostgresDown, labels: { namespace: insights } }]
  steps: [kubectl rollout restart statefulset/postgresql -n insights]
`;

const rule = {
  alert: 'PostgresDown',
  labels: { namespace: 'insights', severity: 'warning' },
  annotations: { summary: 'PostgreSQL primary is down' },
};

async function until<T>(
  what: string,
  read: () => Promise<T>,
  ok: (value: T) => boolean,
): Promise<T> {
  let last: T | undefined;
  for (let i = 0; i < 240; i++) {
    last = await read();
    if (ok(last)) return last;
    await new Promise(r => setTimeout(r, 250));
  }
  throw new Error(`${what} did not happen: ${JSON.stringify(last)}`);
}

describe.each(databases.eachSupportedId())(
  'a real Prometheus and Alertmanager on %s',
  databaseId => {
    it('a firing rule opens an incident with its runbook and severity; the rule stopping mitigates it', async () => {
      const backend = await startRecoveryBackend(databases, databaseId, {
        files: { 'postgres-down.yaml': RUNBOOK },
      });
      const port = (backend.server as any).port();
      const stack = await startAlertingStack({
        webhookUrl: `http://127.0.0.1:${port}/api/reliability/webhooks/alertmanager`,
        token: mockCredentials.service.token(),
        rules: [rule],
      });
      try {
        const [summary] = await until(
          'an incident opened by Alertmanager',
          async () => (await backend.get('/incidents')).body.items ?? [],
          items => items.length > 0,
        );
        const incident = (await backend.get(`/incidents/${summary.id}`)).body;
        expect(incident).toMatchObject({
          title: 'PostgreSQL primary is down',
          // The runbook's severity, not the label's.
          severity: 'P1',
          status: 'open',
          entityRefs: ['resource:default/insights-postgres'],
          runbooks: [expect.objectContaining({ name: 'postgres-down' })],
          alerts: [
            expect.objectContaining({
              alertName: 'PostgresDown',
              status: 'firing',
              labels: expect.objectContaining({ namespace: 'insights' }),
              generatorURL: expect.stringMatching(
                /^http:\/\/.*\/graph\?g0\.expr=/,
              ),
            }),
          ],
        });

        await stack.setRules([{ ...rule, firing: false }]);
        const mitigated = await until(
          'the incident mitigated',
          async () => (await backend.get(`/incidents/${summary.id}`)).body,
          i => i.status === 'mitigated',
        );
        expect(mitigated.alerts[0]).toMatchObject({
          status: 'resolved',
          endsAt: expect.any(String),
        });
        expect(
          mitigated.timeline
            .map((e: any) => e.type)
            .filter((t: string) => t.startsWith('alert')),
        ).toEqual(['alert-fired', 'alert-resolved']);
        // Alertmanager's repeats never opened a second incident.
        expect((await backend.get('/incidents')).body.items).toHaveLength(1);
      } finally {
        await stack.stop();
      }
    });
  },
);
