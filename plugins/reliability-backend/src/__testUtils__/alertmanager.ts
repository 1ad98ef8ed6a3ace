/** The runbook PostgresDown (namespace insights) alerts match. */
export const POSTGRES_DOWN_RUNBOOK = `apiVersion: reliability.io/v1alpha1
kind: Runbook
metadata: { name: postgres-down, title: PostgreSQL primary is down }
spec:
  entityRefs: [resource:insights-postgres, component:insights-api]
  severity: P1
  triggers: [{ alertName: PostgresDown, labels: { namespace: insights } }]
  diagnosis:
    - run: kubectl get pods -n insights -l app=postgresql
  steps:
    - run: kubectl rollout restart statefulset/postgresql -n insights
    - verify: pg_isready -h postgresql.insights.svc
      expect: accepting connections
`;

// Alertmanager's webhook payload, version 4, with the fields 0.34 added.
export function notification(
  status: 'firing' | 'resolved',
  alerts: Array<{ fingerprint: string; status?: string; alertname?: string }>,
  groupKey = '{}:{alertname="PostgresDown"}',
) {
  return {
    version: '4',
    groupKey,
    truncatedAlerts: 0,
    status,
    receiver: 'reliability',
    groupLabels: { alertname: 'PostgresDown' },
    commonLabels: { alertname: 'PostgresDown', namespace: 'insights' },
    commonAnnotations: { summary: 'PostgreSQL primary is down' },
    externalURL: 'http://alertmanager.local:9093',
    notification_reason: 'new_alert',
    routeLabels: { receiver: 'reliability' },
    alerts: alerts.map(a => ({
      status: a.status ?? status,
      labels: {
        alertname: a.alertname ?? 'PostgresDown',
        namespace: 'insights',
        severity: 'warning',
      },
      annotations: { summary: 'PostgreSQL primary is down' },
      startsAt: new Date(Date.now() - 120_000).toISOString(),
      endsAt:
        (a.status ?? status) === 'resolved'
          ? new Date().toISOString()
          : '0001-01-01T00:00:00Z',
      generatorURL: 'http://prometheus.local:9090/graph?g0.expr=pg_up+%3D%3D+0',
      fingerprint: a.fingerprint,
    })),
  };
}
