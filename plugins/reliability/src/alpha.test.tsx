import type { Entity } from '@backstage/catalog-model';
import { createExtensionTester } from '@backstage/frontend-test-utils';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import plugin from './alpha';

const entity = (
  kind: string,
  annotations: Record<string, string> = {},
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind,
  metadata: { name: 'x', annotations },
});

describe('the Reliability tab and card in the new frontend system', () => {
  const filters = {
    tab: createExtensionTester(
      plugin.getExtension('entity-content:reliability'),
    ).get(EntityContentBlueprint.dataRefs.filterFunction),
    card: createExtensionTester(
      plugin.getExtension('entity-card:reliability'),
    ).get(EntityCardBlueprint.dataRefs.filterFunction),
  };

  it.each(Object.entries(filters))(
    'the %s shows on an entity that says what the suite can show, of any kind',
    (_name, found) => {
      if (!found) throw new Error('the extension has no filter function');
      const filter = found;
      expect(
        filter(entity('API', { 'reliability.io/runbooks': './runbooks' })),
      ).toBe(true);
      expect(filter(entity('Group', { 'reliability.io/tier': '1' }))).toBe(
        true,
      );
      // Without an annotation of its own: not on an API or a group…
      expect(filter(entity('API'))).toBe(false);
      expect(filter(entity('Group', { 'reliability.io/rpo': ' ' }))).toBe(
        false,
      );
      // …but on what is run, stored or grouped, which another entity's
      // runbooks, plans or incidents may name.
      for (const kind of ['Component', 'Resource', 'System']) {
        expect(filter(entity(kind))).toBe(true);
      }
    },
  );
});
