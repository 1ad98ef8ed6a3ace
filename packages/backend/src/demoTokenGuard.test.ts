import { createBackendPlugin } from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import demoTokenGuard, {
  DEMO_TOKENS,
  demoTokenSubjects,
} from './demoTokenGuard';

const file = (name: string) =>
  parse(readFileSync(resolve(__dirname, '../../..', name), 'utf8'));

describe('the demo token guard', () => {
  it("knows every token of the demo's config", () => {
    const demo = file('app-config.yaml');
    expect(
      demo.backend.auth.externalAccess.map((e: any) => e.options.token).sort(),
    ).toEqual([...DEMO_TOKENS].sort());
    expect(
      demoTokenSubjects(mockServices.rootConfig({ data: demo })).sort(),
    ).toEqual([
      'alertmanager',
      'backup-reporter',
      'incident-import',
      'sre-backup-reporter',
      'the github webhook',
      'the gitlab webhook',
    ]);
  });

  it('finds none once the production config is layered on top', () => {
    const production = file('app-config.production.yaml');
    expect(production.backend.auth.externalAccess).toEqual([]);
    // Backstage replaces arrays of a later config file whole.
    const merged = {
      ...file('app-config.yaml'),
      backend: {
        ...file('app-config.yaml').backend,
        auth: production.backend.auth,
      },
      events: production.events,
    };
    expect(
      demoTokenSubjects(mockServices.rootConfig({ data: merged })),
    ).toEqual([]);
  });

  it('refuses to start a production backend with them, and starts one without', async () => {
    // The module belongs to the reliability plugin; a stand-in is enough.
    const plugin = createBackendPlugin({
      pluginId: 'reliability',
      register(reg) {
        reg.registerInit({ deps: {}, async init() {} });
      },
    });
    const start = (data: object) =>
      startTestBackend({
        features: [
          plugin,
          demoTokenGuard,
          mockServices.rootConfig.factory({ data }),
        ],
      });
    const before = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    try {
      await expect(start(file('app-config.yaml'))).rejects.toThrow(
        "The config holds the demo's public tokens and secrets (for backup-reporter, sre-backup-reporter, alertmanager, incident-import, the github webhook, the gitlab webhook): refusing to start in production",
      );
      const backend = await start({
        backend: { auth: { externalAccess: [] } },
      });
      await backend.stop();
    } finally {
      process.env.NODE_ENV = before;
    }
  });
});
