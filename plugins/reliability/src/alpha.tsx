import {
  ApiBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import type { Entity } from '@backstage/catalog-model';
import { isReliabilityAvailable } from '@reliability-suite/plugin-reliability-common';
import { incidentsApiRef } from './api/IncidentsApi';
import { IncidentsClient } from './api/IncidentsClient';
import { reliabilityApiRef } from './api/ReliabilityApi';
import { ReliabilityClient } from './api/ReliabilityClient';
import { rootRouteRef } from './routes';
import WarningIcon from '@material-ui/icons/Warning';

// The kinds that are run, stored or grouped: their pages get the Reliability
// tab and card even without an annotation of their own, because another
// entity's runbooks, recovery plans or incidents may name them.
const RELIABILITY_KINDS = ['component', 'resource', 'system'];

/**
 * Whether an entity's page shows the Reliability tab and card: an entity of
 * any kind that says something the suite can show (`isReliabilityAvailable`:
 * runbooks, tier, RPO, RTO), or one of the kinds above.
 *
 * @alpha
 */
export const showsReliability = (entity: Entity): boolean =>
  isReliabilityAvailable(entity) ||
  RELIABILITY_KINDS.includes(entity.kind.toLocaleLowerCase('en-US'));

const reliabilityApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: reliabilityApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new ReliabilityClient({ discoveryApi, fetchApi }),
    }),
});

const incidentsApi = ApiBlueprint.make({
  name: 'incidents',
  params: defineParams =>
    defineParams({
      api: incidentsApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new IncidentsClient({ discoveryApi, fetchApi }),
    }),
});

// The runbook, alert and postmortem pages, under /reliability.
const reliabilityPage = PageBlueprint.make({
  params: {
    path: '/reliability',
    routeRef: rootRouteRef,
    // In the sidebar: incidents (and from there postmortems and recovery).
    title: 'Incidents',
    icon: <WarningIcon />,
    noHeader: true,
    loader: () =>
      import('./ReliabilityRouter').then(m => <m.ReliabilityRouter />),
  },
});

const reliabilityEntityContent = EntityContentBlueprint.make({
  params: {
    path: 'reliability',
    title: 'Reliability',
    filter: showsReliability,
    loader: () =>
      import('./components/EntityReliabilityContent').then(m => (
        <m.EntityReliabilityContent />
      )),
  },
});

const reliabilityEntityCard = EntityCardBlueprint.make({
  params: {
    // Beside the About card, where an incident commander looks first.
    type: 'info',
    filter: showsReliability,
    loader: () =>
      import('./components/EntityReliabilityCard').then(m => (
        <m.EntityReliabilityCard />
      )),
  },
});

/**
 * The reliability plugin for Backstage's new frontend system.
 *
 * @alpha
 */
export default createFrontendPlugin({
  pluginId: 'reliability',
  title: 'Reliability',
  info: { packageJson: () => import('../package.json') },
  routes: { root: rootRouteRef },
  extensions: [
    reliabilityApi,
    incidentsApi,
    reliabilityPage,
    reliabilityEntityContent,
    reliabilityEntityCard,
  ],
});
