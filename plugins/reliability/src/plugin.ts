import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { reliabilityApiRef } from './api/ReliabilityApi';
import { ReliabilityClient } from './api/ReliabilityClient';

/**
 * The reliability plugin, for apps on Backstage's classic frontend system.
 *
 * @public
 */
export const reliabilityPlugin = createPlugin({
  id: 'reliability',
  apis: [
    createApiFactory({
      api: reliabilityApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new ReliabilityClient({ discoveryApi, fetchApi }),
    }),
  ],
});

/**
 * The "Reliability" tab, for `EntityLayout.Route`.
 *
 * @public
 */
export const EntityReliabilityContent = reliabilityPlugin.provide(
  createComponentExtension({
    name: 'EntityReliabilityContent',
    component: {
      lazy: () =>
        import('./components/EntityReliabilityContent').then(
          m => m.EntityReliabilityContent,
        ),
    },
  }),
);

/**
 * The overview card for an entity's main page.
 *
 * @public
 */
export const EntityReliabilityCard = reliabilityPlugin.provide(
  createComponentExtension({
    name: 'EntityReliabilityCard',
    component: {
      lazy: () =>
        import('./components/EntityReliabilityCard').then(
          m => m.EntityReliabilityCard,
        ),
    },
  }),
);
