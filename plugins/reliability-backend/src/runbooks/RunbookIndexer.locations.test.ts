import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { ScmIntegrations } from '@backstage/integration';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { mkdirSync, mkdtempSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileComponent } from '../__testUtils__/entities';
import { DatabaseRunbookStore } from './DatabaseRunbookStore';
import { RunbookIndexer } from './RunbookIndexer';

// An entity's annotation naming several folders, as the scheduled pass
// reads it: each folder a location, and a file moved from a folder the
// annotation stops naming into one it still names is no duplicate.

const databases = TestDatabases.create();

const runbook = (name: string) => `apiVersion: reliability.io/v1alpha1
kind: Runbook
metadata: { name: ${name} }
spec: { severity: P2 }
`;

const service = (dir: string, annotation: string) =>
  fileComponent('billing', dir, annotation);

describe.each(databases.eachSupportedId())(
  'runbook locations of one entity on %s',
  databaseId => {
    it('indexes each folder the annotation names and follows a file moved between them', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'runbook-locations-'));
      mkdirSync(join(dir, 'runbooks'));
      mkdirSync(join(dir, 'ops'));
      writeFileSync(join(dir, 'runbooks', 'a.yaml'), runbook('billing-down'));
      writeFileSync(join(dir, 'ops', 'b.yaml'), runbook('billing-slow'));

      const knex = await databases.init(databaseId);
      const store = await DatabaseRunbookStore.create({
        database: mockServices.database({ knex }),
      });
      const config = new ConfigReader({});
      const indexer = (annotation: string) =>
        new RunbookIndexer({
          store,
          catalog: catalogServiceMock({
            entities: [service(dir, annotation)],
          }),
          auth: mockServices.auth(),
          urlReader: mockServices.urlReader.mock(),
          integrations: ScmIntegrations.fromConfig(config),
          logger: mockServices.logger.mock(),
          config,
          severities: ['P1', 'P2', 'P3', 'P4'],
        });
      const entityRef = 'component:default/billing';

      await indexer('./runbooks, ./ops').indexAll();
      expect(
        (await store.listLocations({ entityRef })).map(l => l.id).sort(),
      ).toEqual([`entity:${entityRef}`, `entity:${entityRef}:./ops`]);
      expect(
        (await store.getRunbook('default', 'billing-slow'))?.sourceUrl,
      ).toBe('ops/b.yaml');

      // The team moves ops/b.yaml into runbooks/ and drops ops from the
      // annotation: one pass later the runbook is served from its new
      // file, with no duplicate against its old copy.
      renameSync(join(dir, 'ops', 'b.yaml'), join(dir, 'runbooks', 'b.yaml'));
      await indexer('./runbooks').indexAll();
      expect((await store.listLocations({ entityRef })).map(l => l.id)).toEqual(
        [`entity:${entityRef}`],
      );
      expect(await store.listProblems({ entityRef })).toEqual([]);
      expect(
        (await store.getRunbook('default', 'billing-slow'))?.sourceUrl,
      ).toBe('runbooks/b.yaml');
    });
  },
);
