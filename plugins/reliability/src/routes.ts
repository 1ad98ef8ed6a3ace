import { createRouteRef } from '@backstage/core-plugin-api';

/**
 * The plugin's pages: `/reliability/runbooks/:namespace/:name`,
 * `/reliability/alerts/:alertName`, `/reliability/postmortems`.
 *
 * @public
 */
export const rootRouteRef = createRouteRef({ id: 'reliability' });
