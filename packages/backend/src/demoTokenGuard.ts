/*
 * Refuses to start a production backend that accepts the demo's machine
 * tokens. They are public — they are written in app-config.yaml and the
 * README — so a deployment that kept them (app-config.yaml layered under a
 * production config that does not replace backend.auth.externalAccess)
 * would let anyone deliver alerts, report backups and import incidents.
 */
import {
  coreServices,
  createBackendModule,
  type RootConfigService,
} from '@backstage/backend-plugin-api';

/** The static tokens app-config.yaml gives the demo's machines. */
export const DEMO_TOKENS = [
  'demo-backup-reporter-token',
  'demo-sre-backup-token',
  'demo-alertmanager-token',
  'demo-import-token',
];

/** The subjects of configured static tokens that are the demo's. */
export function demoTokenSubjects(config: RootConfigService): string[] {
  const entries =
    config.getOptionalConfigArray('backend.auth.externalAccess') ?? [];
  const webhooks = ['github', 'gitlab'].filter(host =>
    config
      .getOptionalString(`events.modules.${host}.webhookSecret`)
      ?.startsWith('demo-'),
  );
  return [
    ...entries
      .filter(e => e.getOptionalString('type') === 'static')
      .filter(e => {
        const token = e.getOptionalString('options.token') ?? '';
        return DEMO_TOKENS.includes(token) || token.startsWith('demo-');
      })
      .map(e => e.getOptionalString('options.subject') ?? '(no subject)'),
    ...webhooks.map(host => `the ${host} webhook`),
  ];
}

export default createBackendModule({
  pluginId: 'reliability',
  moduleId: 'demo-token-guard',
  register(reg) {
    reg.registerInit({
      deps: { config: coreServices.rootConfig, logger: coreServices.logger },
      async init({ config, logger }) {
        const subjects = demoTokenSubjects(config);
        if (subjects.length === 0) return;
        const message = `The config holds the demo's public tokens and secrets (for ${subjects.join(
          ', ',
        )})`;
        if (process.env.NODE_ENV === 'production') {
          throw new Error(
            `${message}: refusing to start in production. Replace backend.auth.externalAccess and events.modules.*.webhookSecret with tokens of your own (app-config.production.yaml shows how) or remove them.`,
          );
        }
        logger.warn(`${message}: fine for the demo, never for production.`);
      },
    });
  },
});
