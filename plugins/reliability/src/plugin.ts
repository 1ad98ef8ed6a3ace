import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { incidentsApiRef } from './api/IncidentsApi';
import { IncidentsClient } from './api/IncidentsClient';
import { reliabilityApiRef } from './api/ReliabilityApi';
import { ReliabilityClient } from './api/ReliabilityClient';
import { rootRouteRef } from './routes';

/**
 * The reliability plugin, for apps on Backstage's classic frontend system.
 *
 * @public
 */
export const reliabilityPlugin = createPlugin({
  id: 'reliability',
  routes: { root: rootRouteRef },
  apis: [
    createApiFactory({
      api: reliabilityApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new ReliabilityClient({ discoveryApi, fetchApi }),
    }),
    createApiFactory({
      api: incidentsApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new IncidentsClient({ discoveryApi, fetchApi }),
    }),
  ],
});

/**
 * The runbook and alert pages; mount at `/reliability`:
 * `<Route path="/reliability" element={<ReliabilityPage />} />`.
 *
 * @public
 */
export const ReliabilityPage = reliabilityPlugin.provide(
  createRoutableExtension({
    name: 'ReliabilityPage',
    component: () =>
      import('./ReliabilityRouter').then(m => m.ReliabilityRouter),
    mountPoint: rootRouteRef,
  }),
);

/**
 * The "Reliability" tab, for `EntityLayout.Route`: targets and runbooks.
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
