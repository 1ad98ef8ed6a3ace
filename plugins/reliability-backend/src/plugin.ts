import {
  coreServices,
  createBackendPlugin,
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
} from '@backstage/backend-plugin-api';
import { ScmIntegrations } from '@backstage/integration';
import { readDurationFromConfig } from '@backstage/config';
import { durationToMilliseconds } from '@backstage/types';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { retryingCatalog } from './entities/retryingCatalog';
import { cachedPermissions } from './auth/cachedPermissions';
import {
  reliabilityIncidentCommandPermission,
  reliabilityIncidentContributePermission,
  reliabilityIncidentUpdatePermission,
  reliabilityPermissions,
  reliabilityPostmortemDeletePermission,
  reliabilityPostmortemPublishPermission,
  reliabilityPostmortemUpdatePermission,
} from '@reliability-suite/plugin-reliability-common';
import { notificationService } from '@backstage/plugin-notifications-node';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import { BackupIngest } from './backups/BackupIngest';
import { BackupSourceRunner } from './backups/BackupSourceRunner';
import { ReporterScopes } from './backups/reporterScopes';
import { DatabaseBackupEventStore } from './backups/DatabaseBackupEventStore';
import { DatabaseRecoveryStateStore } from './recovery/DatabaseRecoveryStateStore';
import { RecoveryEvaluator } from './recovery/RecoveryEvaluator';
import { DatabaseRecoveryViolationStore } from './recovery/DatabaseRecoveryViolationStore';
import { DatabasePostmortemStore } from './postmortems/DatabasePostmortemStore';
import {
  type BackupEventSource,
  type BackupImporter,
  incidentPermissionRules,
  incidentResourceRef,
  pgBackRestImporter,
  postmortemPermissionRules,
  postmortemResourceRef,
  reliabilityAlertRulesExtensionPoint,
  reliabilityBackupsExtensionPoint,
  type AlertRuleSource,
  resticImporter,
} from '@reliability-suite/plugin-reliability-node';
import { EntityOverviewService } from './entities/EntityOverviewService';
import { DatabaseHealth } from './health/DatabaseHealth';
import { DatabaseRunbookStore } from './runbooks/DatabaseRunbookStore';
import { RunbookIndexer } from './runbooks/RunbookIndexer';
import { subscribeToPushes } from './runbooks/pushSubscription';
import { AlertMatcher } from './incidents/AlertMatcher';
import { AlertCoverageService } from './alerts/AlertCoverageService';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import { registerReliabilityActions } from './actions/reliabilityActions';
import { auditedScheduler } from './service/auditedScheduler';
import { AlertDigest, readAlertDigestConfig } from './alerts/AlertDigest';
import { AlertRuleRunner } from './alerts/AlertRuleRunner';
import { DatabaseAlertRuleStore } from './alerts/DatabaseAlertRuleStore';
import { ruleFileSources } from './alerts/RuleFileSource';
import { DatabaseIncidentStore } from './incidents/DatabaseIncidentStore';
import { readIncidentConfig } from './incidents/incidentConfig';
import { IncidentService } from './incidents/IncidentService';
import { createRouter } from './service/router';
import { readSeverities } from './severities/severityConfig';

/**
 * The reliability backend plugin: runbooks, backups, severities, incidents and
 * postmortems, served under /api/reliability.
 *
 * @public
 */
export const reliabilityPlugin = createBackendPlugin({
  pluginId: 'reliability',
  register(env) {
    // Backup importers and sources: the built-in importers (pgBackRest,
    // restic) are added the way a module adds its own.
    const importers = new Map<string, BackupImporter>();
    const sources: BackupEventSource[] = [];
    const ruleSources: AlertRuleSource[] = [];
    env.registerExtensionPoint(reliabilityAlertRulesExtensionPoint, {
      addRuleSource(...added) {
        ruleSources.push(...added);
      },
    });
    env.registerExtensionPoint(reliabilityBackupsExtensionPoint, {
      addImporter(...added) {
        for (const importer of added) {
          if (importers.has(importer.format)) {
            throw new Error(
              `A backup importer for ${importer.format} was added twice`,
            );
          }
          importers.set(importer.format, importer);
        }
      },
      addSource(...added) {
        sources.push(...added);
      },
    });
    importers.set(pgBackRestImporter.format, pgBackRestImporter);
    importers.set(resticImporter.format, resticImporter);

    env.registerInit({
      deps: {
        logger: coreServices.logger,
        config: coreServices.rootConfig,
        auth: coreServices.auth,
        httpAuth: coreServices.httpAuth,
        auditor: coreServices.auditor,
        httpRouter: coreServices.httpRouter,
        database: coreServices.database,
        scheduler: coreServices.scheduler,
        urlReader: coreServices.urlReader,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        catalog: catalogServiceRef,
        notifications: notificationService,
        discovery: coreServices.discovery,
        actionsRegistry: actionsRegistryServiceRef,
        events: eventsServiceRef,
      },
      async init({
        logger,
        config,
        auth,
        httpAuth,
        auditor,
        httpRouter,
        database,
        scheduler: pluginScheduler,
        urlReader,
        permissions,
        permissionsRegistry,
        catalog: catalogClient,
        notifications,
        events,
        discovery,
        actionsRegistry,
      }) {
        // Every run of the plugin's scheduled jobs in the audit log.
        const scheduler = auditedScheduler(pluginScheduler, auditor);
        // The suite's answers and actions for agents (MCP), as the caller.
        registerReliabilityActions({ actionsRegistry, auth, discovery });
        permissionsRegistry.addPermissions(reliabilityPermissions);
        // Its reads tried once more when a kept-alive connection was reset.
        const catalog = retryingCatalog(catalogClient);
        const severities = readSeverities(config);
        const runbookStore = await DatabaseRunbookStore.create({ database });
        const postmortemStore = await DatabasePostmortemStore.create({
          database,
        });
        const backupEventStore = await DatabaseBackupEventStore.create({
          database,
        });
        const recoveryStateStore = await DatabaseRecoveryStateStore.create({
          database,
        });
        const recoveryViolationStore =
          await DatabaseRecoveryViolationStore.create({ database });
        const backupIngest = new BackupIngest(runbookStore, backupEventStore);
        const backupSources = new BackupSourceRunner({
          store: backupEventStore,
          ingest: backupIngest,
          scheduler,
          logger: logger.child({ task: 'backup-sources' }),
        });
        for (const source of sources) backupSources.add(source);
        await backupSources.start();
        // Postmortems are resources of this plugin: policies can decide on
        // them with conditions (author, owner, owner of a linked entity).
        permissionsRegistry.addResourceType({
          resourceRef: postmortemResourceRef,
          permissions: [
            reliabilityPostmortemUpdatePermission,
            reliabilityPostmortemPublishPermission,
            reliabilityPostmortemDeletePermission,
          ],
          rules: Object.values(postmortemPermissionRules),
          getResources: ids => postmortemStore.getMany(ids),
        });
        // Incidents: the record, the Alertmanager bridge, the service.
        const incidentConfig = readIncidentConfig(config, severities);
        const incidentStore = await DatabaseIncidentStore.create({
          database,
          severities,
          // The configured lead role holds the commander.
          leadRole: incidentConfig.roles.find(r => r.lead)!,
          maxNotes: incidentConfig.maxNotes,
        });
        permissionsRegistry.addResourceType({
          resourceRef: incidentResourceRef,
          permissions: [
            reliabilityIncidentUpdatePermission,
            reliabilityIncidentCommandPermission,
            reliabilityIncidentContributePermission,
          ],
          rules: Object.values(incidentPermissionRules),
          getResources: ids => incidentStore.getMany(ids),
        });
        const alertMatcher = new AlertMatcher({
          runbookStore,
          catalog,
          auth,
          severities,
          mapping: incidentConfig.alerts,
        });
        const incidentService = new IncidentService({
          store: incidentStore,
          matcher: alertMatcher,
          runbookStore,
          postmortemStore,
          catalog,
          auth,
          notifications,
          severities,
          config: incidentConfig,
          logger: logger.child({ task: 'incidents' }),
        });
        // Status updates due, postmortems due: each reminded once.
        await scheduler.scheduleTask({
          id: 'reliability-incident-reminders',
          scope: 'global',
          frequency: { minutes: 1 },
          timeout: { minutes: 1 },
          initialDelay: { seconds: 30 },
          fn: async signal => {
            await incidentService.remind(new Date(), signal);
          },
        });

        // Alerting rules from the sources modules add, the configured rule
        // files and (when asked) the rule files beside the runbooks, checked
        // against the runbooks.
        const alertRules = new AlertRuleRunner({
          store: await DatabaseAlertRuleStore.create({ database }),
          scheduler,
          logger: logger.child({ task: 'alert-rules' }),
          folders:
            config.getOptionalBoolean(
              'reliability.alerts.ruleFilesInRunbookFolders',
            ) ?? false,
        });
        alertRules.add(...ruleFileSources(config), ...ruleSources);
        await alertRules.start();
        const alertCoverage = new AlertCoverageService({
          rules: alertRules,
          runbookStore,
          matcher: alertMatcher,
          portalBaseUrl: config.getOptionalString('app.baseUrl') ?? '',
          catalog,
          auth,
        });
        // Coverage by owner once an hour, one row per day and owner.
        await scheduler.scheduleTask({
          id: 'reliability-alert-coverage-snapshot',
          scope: 'global',
          frequency: { hours: 1 },
          timeout: { minutes: 5 },
          initialDelay: { minutes: 1 },
          fn: async () => {
            await alertCoverage.snapshot();
          },
        });
        // The weekly alert digest to each owning team, when configured.
        const digest = readAlertDigestConfig(config);
        if (digest.enabled) {
          const alertDigest = new AlertDigest({
            store: incidentStore,
            catalog,
            auth,
            notifications,
            logger: logger.child({ task: 'alert-digest' }),
            days: digest.days,
          });
          await scheduler.scheduleTask({
            id: 'reliability-alert-digest',
            scope: 'global',
            ...digest.schedule,
            fn: async () => {
              await alertDigest.send();
            },
          });
        }

        const runbookIndexer = new RunbookIndexer({
          store: runbookStore,
          catalog,
          auth,
          urlReader,
          integrations: ScmIntegrations.fromConfig(config),
          logger: logger.child({ task: 'runbook-index' }),
          config,
          severities: severities.map(s => s.id),
          alertRules,
        });

        // Global scope: with PostgreSQL, one backend instance at a time runs it.
        const scheduleKey = 'reliability.runbooks.schedule';
        await scheduler.scheduleTask({
          id: 'reliability-runbook-index',
          scope: 'global',
          ...(config.has(scheduleKey)
            ? readSchedulerServiceTaskScheduleDefinitionFromConfig(
                config.getConfig(scheduleKey),
              )
            : {
                frequency: { minutes: 10 },
                timeout: { minutes: 5 },
                initialDelay: { seconds: 20 },
              }),
          fn: signal => runbookIndexer.indexAll({ signal }),
        });
        // A push to a repository holding runbooks re-reads its locations at
        // once (GitHub, GitLab or any module publishing pushes).
        if (
          config.getOptionalBoolean('reliability.runbooks.pushEvents') ??
          true
        ) {
          await subscribeToPushes({
            events,
            indexer: runbookIndexer,
            auditor,
            logger: logger.child({ task: 'runbook-push' }),
          });
        }

        // Every plan judged on a schedule: state changes kept, the owners of
        // newly violated or stale components notified (once, across
        // instances: global scope and a compare-and-set per change).
        const recoveryEvaluator = new RecoveryEvaluator({
          runbookStore,
          eventStore: backupEventStore,
          stateStore: recoveryStateStore,
          violationStore: recoveryViolationStore,
          remindEveryMs: config.has(
            'reliability.recovery.violations.remindEvery',
          )
            ? durationToMilliseconds(
                readDurationFromConfig(config, {
                  key: 'reliability.recovery.violations.remindEvery',
                }),
              )
            : 24 * 3600_000,
          notifications,
          logger: logger.child({ task: 'recovery-evaluation' }),
          history: {
            maxEventsPerComponent:
              config.getOptionalNumber(
                'reliability.backups.history.maxEventsPerComponent',
              ) ?? 500,
            maxTransitionsPerComponent:
              config.getOptionalNumber(
                'reliability.backups.history.maxTransitionsPerComponent',
              ) ?? 100,
          },
        });
        const evaluationKey = 'reliability.backups.evaluation.schedule';
        await scheduler.scheduleTask({
          id: 'reliability-recovery-evaluation',
          scope: 'global',
          ...(config.has(evaluationKey)
            ? readSchedulerServiceTaskScheduleDefinitionFromConfig(
                config.getConfig(evaluationKey),
              )
            : {
                frequency: { minutes: 5 },
                timeout: { minutes: 2 },
                initialDelay: { seconds: 30 },
              }),
          fn: async signal => {
            await recoveryEvaluator.evaluateAll(new Date(), signal);
          },
        });

        httpRouter.use(
          await createRouter({
            portalBaseUrl: config.getOptionalString('app.baseUrl'),
            httpAuth,
            auditor,
            logger,
            databaseHealth: new DatabaseHealth(() => database.getClient()),
            entityOverview: new EntityOverviewService(catalog),
            // Each decision kept a few seconds per principal (default 5 s).
            permissions: cachedPermissions(permissions, {
              ttlMs:
                (config.getOptionalNumber(
                  'reliability.permissions.decisionCacheSeconds',
                ) ?? 5) * 1000,
            }),
            auth,
            catalog,
            runbookStore,
            runbookIndexer,
            alertCoverage,
            postmortemStore,
            backupEventStore,
            recoveryStateStore,
            recoveryViolationStore,
            backupIngest,
            backupImporters: importers,
            backupSources,
            reporterScopes: ReporterScopes.fromConfig(config, {
              catalog,
              auth,
            }),
            incidentStore,
            incidentService,
            incidentRoles: incidentConfig.roles,
            postmortemRules: permissionsRegistry.getPermissionRuleset(
              postmortemResourceRef,
            ),
            severities,
            startedAt: new Date(),
          }),
        );
        // Load balancers and uptime probes call the health check without a
        // token; editors fetch the runbook schema without one.
        httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });
        httpRouter.addAuthPolicy({
          path: '/schemas',
          allow: 'unauthenticated',
        });
      },
    });
  },
});
