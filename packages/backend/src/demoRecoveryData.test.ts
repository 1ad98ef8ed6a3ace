import {
  backupEventBatchSchema,
  evaluateComponent,
  parseRunbookFile,
} from '@reliability-suite/plugin-reliability-common';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  pgBackRestImporter,
  resticImporter,
} from '@reliability-suite/plugin-reliability-node';
import { demoRecoveryReports } from './demoRecoveryData';

// On first start the demo must tell the whole recovery story, whatever the
// time of day: PostgreSQL fine, the object store violated, Vault's drill
// stale, the stateless parts needing nothing.
describe('the demo recovery data', () => {
  const file = resolve(
    __dirname,
    '../../../examples/recovery/insights-platform.yaml',
  );
  const [plan] = parseRunbookFile(readFileSync(file, 'utf8'), {
    file,
  }).recoveryPlans!;
  const refOf = Object.fromEntries(
    plan.document.spec.components.map(c => [c.entityRef, c.name]),
  );

  it.each(['2026-11-21T00:30:00Z', '2026-11-21T13:00:00Z'])(
    'at %s: valid events, none in the future, and the intended states',
    nowText => {
      const now = new Date(nowText);
      const { events: pushed, imports } = demoRecoveryReports(now);
      // The recorded tool output goes through the real importers.
      const imported = imports.flatMap(
        ({ format, query, body }) =>
          (format === 'pgbackrest'
            ? pgBackRestImporter
            : resticImporter
          ).import(body, {
            target: { entityRef: query.entityRef, job: query.job },
            receivedAt: now,
          }).events,
      );
      expect(imported.filter(e => e.tool === 'pgbackrest')).toHaveLength(
        nowText.includes('T00:') ? 13 : 14,
      );
      const events = backupEventBatchSchema.parse({
        events: [...pushed, ...imported],
      }).events;
      for (const e of events) {
        expect(Date.parse(e.finishedAt!)).toBeLessThanOrEqual(now.getTime());
      }
      const states = Object.fromEntries(
        plan.document.spec.components.map(c => [
          c.name,
          evaluateComponent(
            c,
            plan.document.spec,
            events.filter(e => refOf[e.entityRef] === c.name),
            now,
          ).state,
        ]),
      );
      expect(states).toEqual({
        postgres: 'ok',
        'object-store': 'violated',
        vault: 'stale',
        redis: 'not-needed',
        api: 'not-needed',
        worker: 'not-needed',
      });
    },
  );
});
