import type {
  BackstageCredentials,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { InputError, NotAllowedError, NotFoundError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { reliabilityBackupReportPermission } from '@reliability-suite/plugin-reliability-common';
import type { BackupImporter } from '@reliability-suite/plugin-reliability-node';
import type express from 'express';
import { entityRefParam } from '../runbooks/runbookRoutes';
import type { SpecRouter } from '../schema/openapi/generated/router';
import type { BackupIngest } from './BackupIngest';
import type { BackupSourceRunner } from './BackupSourceRunner';

/** Who reported: the user, or the static token's subject. */
function reporter(credentials: BackstageCredentials): string {
  const principal = credentials.principal as {
    type: string;
    userEntityRef?: string;
    subject?: string;
  };
  return principal.userEntityRef ?? principal.subject ?? principal.type;
}

/**
 * `POST /backups/events` (backup runs and restore drills, as a CronJob or a
 * drill script reports them with a static token), `POST /backups/import/
 * {format}` (a tool's own output: pgBackRest, restic, and what modules add),
 * `GET /backups/sources`. Every event is checked before any is stored; an
 * event id already stored changes nothing.
 */
export function registerBackupRoutes(
  router: SpecRouter,
  options: {
    httpAuth: HttpAuthService;
    permissions: PermissionsService;
    ingest: BackupIngest;
    importers: Map<string, BackupImporter>;
    sources: BackupSourceRunner;
  },
) {
  const { httpAuth, permissions, ingest, importers, sources } = options;

  async function reportingCredentials(req: express.Request) {
    const credentials = await httpAuth.credentials(req, {
      allow: ['service', 'user'],
    });
    const [decision] = await permissions.authorize(
      [{ permission: reliabilityBackupReportPermission }],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError('You may not report backups');
    }
    return credentials;
  }

  router.post('/backups/events', async (req, res) => {
    const credentials = await reportingCredentials(req);
    // The document has checked the batch's shape; each event is checked
    // again, with the times and the plans, before any is stored.
    const { events } = req.body as { events: unknown[] };
    res.json(await ingest.ingestAll(events, reporter(credentials)));
  });

  router.post('/backups/import/:format', async (req, res) => {
    const credentials = await reportingCredentials(req);
    const importer = importers.get(req.params.format);
    if (!importer) {
      throw new NotFoundError(
        `No importer for ${JSON.stringify(req.params.format)}; there are: ${[
          ...importers.keys(),
        ].join(', ')}`,
      );
    }
    const query = req.query as Record<string, string | undefined>;
    const target = {
      entityRef: entityRefParam(query.entityRef),
      ...(query.component ? { component: query.component } : {}),
      ...(query.job ? { job: query.job } : {}),
    };
    const { events, notes } = importer.import(req.body, {
      target,
      receivedAt: new Date(),
    });
    if (events.length > 5000) {
      throw new InputError(
        `The ${importer.format} output holds ${events.length} backups; import at most 5000 at a time`,
      );
    }
    const stored = events.length
      ? await ingest.ingestAll(events, reporter(credentials))
      : { accepted: 0, duplicates: 0 };
    res.json({
      format: importer.format,
      events: events.length,
      ...stored,
      notes,
    });
  });

  router.get('/backups/sources', async (req, res) => {
    await httpAuth.credentials(req, { allow: ['user', 'service'] });
    res.json({
      importers: [...importers.values()].map(i => ({
        format: i.format,
        description: i.description,
      })),
      sources: await sources.list(),
    });
  });
}
