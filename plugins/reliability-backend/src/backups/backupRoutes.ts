import type {
  BackstageCredentials,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { InputError, NotAllowedError, NotFoundError } from '@backstage/errors';
import { requirePermission } from '../auth/authorize';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { reliabilityBackupReportPermission } from '@reliability-suite/plugin-reliability-common';
import type { BackupImporter } from '@reliability-suite/plugin-reliability-node';
import { entityRefParam } from '../service/params';
import type { SpecRouter } from '../schema/openapi/generated/router';
import type { BackupIngest } from './BackupIngest';
import type { BackupSourceRunner } from './BackupSourceRunner';
import type { ReporterScopes } from './reporterScopes';
import {
  isMachineToken,
  principalRef,
  readerCredentials,
  type ApiRequest,
} from '../auth/credentials';

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
    scopes: ReporterScopes;
  },
) {
  const { httpAuth, permissions, ingest, importers, sources, scopes } = options;

  async function reportingCredentials(req: ApiRequest) {
    const credentials = await httpAuth.credentials(req, {
      allow: ['service', 'user'],
    });
    // A token held to other jobs is refused before its body is read (its
    // restrictions decide by the permission's name alone).
    if (isMachineToken(credentials)) {
      await requirePermission(
        permissions,
        credentials,
        reliabilityBackupReportPermission,
        'This token may not report backups',
        'component:default/any',
      );
    }
    return credentials;
  }

  /**
   * Reports speak for entities: a user's are decided by the policy on each
   * entity (the demo's: its owners), a machine token's by its entry in
   * `reliability.backups.reporters` as well.
   */
  const authorizeFor =
    (credentials: BackstageCredentials) => async (entityRefs: string[]) => {
      if (isMachineToken(credentials)) {
        const subject = principalRef(credentials);
        if (!scopes.has(subject)) {
          throw new NotAllowedError(
            `The token of ${subject} reports for no entity: give it an entry in reliability.backups.reporters`,
          );
        }
        const outside = await scopes.outside(subject, entityRefs);
        if (outside.length) {
          throw new NotAllowedError(
            `The token of ${subject} may not report backups of ${outside.join(
              ', ',
            )}`,
          );
        }
      }
      const decisions = await permissions.authorize(
        entityRefs.map(resourceRef => ({
          permission: reliabilityBackupReportPermission,
          resourceRef,
        })),
        { credentials },
      );
      const denied = entityRefs.filter(
        (_, i) => decisions[i].result !== AuthorizeResult.ALLOW,
      );
      if (denied.length) {
        throw new NotAllowedError(
          `You may not report backups of ${denied.join(', ')}`,
        );
      }
    };

  router.post('/backups/events', async (req, res) => {
    const credentials = await reportingCredentials(req);
    // The document has checked the batch's shape; each event is checked
    // again, with the times and the plans, before any is stored.
    const { events } = req.body as { events: unknown[] };
    res.json(
      await ingest.ingestAll(
        events,
        principalRef(credentials),
        authorizeFor(credentials),
      ),
    );
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
    // Nothing to store still says nothing to whom it may not.
    if (events.length === 0)
      await authorizeFor(credentials)([target.entityRef]);
    const stored = events.length
      ? await ingest.ingestAll(
          events,
          principalRef(credentials),
          authorizeFor(credentials),
        )
      : { accepted: 0, duplicates: 0 };
    res.json({
      format: importer.format,
      events: events.length,
      ...stored,
      notes,
    });
  });

  router.get('/backups/sources', async (req, res) => {
    await readerCredentials(httpAuth, req);
    res.json({
      importers: [...importers.values()].map(i => ({
        format: i.format,
        description: i.description,
      })),
      sources: await sources.list(),
    });
  });
}
