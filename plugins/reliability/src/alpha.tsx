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
import { incidentsApiRef } from './api/IncidentsApi';
import { IncidentsClient } from './api/IncidentsClient';
import { reliabilityApiRef } from './api/ReliabilityApi';
import { ReliabilityClient } from './api/ReliabilityClient';
import { rootRouteRef } from './routes';
import WarningIcon from '@material-ui/icons/Warning';

// The kinds whose pages get the Reliability tab and card: the things that are
// run, stored or grouped, where runbooks and recovery targets make sense.
const RELIABILITY_KINDS = 'kind:component,resource,system';

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
    filter: RELIABILITY_KINDS,
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
    filter: RELIABILITY_KINDS,
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
