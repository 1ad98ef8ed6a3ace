import { mockCredentials } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  CONTEXT_MAX_ENTITIES,
  IncidentContextService,
} from './IncidentContextService';

// A catalog of `count` components, each depending on the one before it
// (c1 ← c2 ← c3 …), and a fan of `fan` dependents of c1.
function catalog(count: number, fan = 0) {
  const entities: Entity[] = [];
  const component = (name: string, relations: Entity['relations']) => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default' },
    spec: { owner: 'team' },
    relations,
  });
  for (let i = 1; i <= count; i++) {
    entities.push(
      component(`c${i}`, [
        ...(i < count
          ? [{ type: 'dependencyOf', targetRef: `component:default/c${i + 1}` }]
          : []),
        ...(i === 1
          ? Array.from({ length: fan }, (_, k) => ({
              type: 'dependencyOf',
              targetRef: `component:default/f${k}`,
            }))
          : []),
      ]),
    );
  }
  for (let k = 0; k < fan; k++) entities.push(component(`f${k}`, []));
  return catalogServiceMock({ entities });
}

function service(entities: ReturnType<typeof catalog>) {
  return new IncidentContextService({
    catalog: entities,
    runbookStore: {
      listRecoveryPlans: async () => [],
      listRunbooks: async () => [],
    } as any,
    eventStore: {} as any,
    incidentStore: {
      entityRefsInUse: async () => [],
      list: async () => [],
    } as any,
    postmortemStore: { getMany: async () => [] } as any,
    visibility: {
      visible: async (_c: unknown, items: unknown[]) => items,
      hiddenAmong: async () => [],
    } as any,
  });
}

const credentials = mockCredentials.user();

describe('the walk of an incident context', () => {
  it('goes two steps from the affected entity and says the graph goes on', async () => {
    const { entities, truncated } = await service(catalog(5)).context(
      { entityRefs: ['component:default/c1'], alertNames: [] },
      credentials,
    );
    expect(entities.map(e => [e.entityRef, e.depth, e.via])).toEqual([
      ['component:default/c1', 0, undefined],
      ['component:default/c2', 1, 'component:default/c1'],
      ['component:default/c3', 2, 'component:default/c2'],
    ]);
    expect(truncated).toBe(true);
    const whole = await service(catalog(3)).context(
      { entityRefs: ['component:default/c1'], alertNames: [] },
      credentials,
    );
    expect(whole.entities).toHaveLength(3);
    expect(whole.truncated).toBe(false);
  });

  it(`holds at most ${CONTEXT_MAX_ENTITIES} entities, however wide the fan`, async () => {
    const { entities, truncated } = await service(catalog(1, 200)).context(
      { entityRefs: ['component:default/c1'], alertNames: [] },
      credentials,
    );
    expect(entities).toHaveLength(CONTEXT_MAX_ENTITIES);
    expect(truncated).toBe(true);
  });

  it('reads each entity once, where two affected ones share dependents', async () => {
    const cat = catalog(4);
    const spy = jest.spyOn(cat, 'getEntitiesByRefs');
    const { entities } = await service(cat).context(
      {
        entityRefs: ['component:default/c1', 'Component:default/C2'],
        alertNames: [],
      },
      credentials,
    );
    expect(entities.map(e => [e.entityRef, e.relation])).toEqual([
      ['component:default/c1', 'affected'],
      ['component:default/c2', 'affected'],
      ['component:default/c3', 'dependent'],
      ['component:default/c4', 'dependent'],
    ]);
    const asked = spy.mock.calls.flatMap(([r]) => r.entityRefs);
    expect(asked.length).toBe(new Set(asked).size);
  });
});
