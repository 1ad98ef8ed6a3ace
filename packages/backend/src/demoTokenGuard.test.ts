import { mockServices } from '@backstage/backend-test-utils';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { DEMO_TOKENS, demoTokenSubjects } from './demoTokenGuard';

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
    };
    expect(
      demoTokenSubjects(mockServices.rootConfig({ data: merged })),
    ).toEqual([]);
  });
});
