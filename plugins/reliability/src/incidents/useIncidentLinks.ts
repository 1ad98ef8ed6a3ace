import { useRouteRef } from '@backstage/core-plugin-api';
import { rootRouteRef } from '../routes';

/** Links to the incident pages, wherever the app mounts the plugin. */
export function useIncidentLinks() {
  const root = useRouteRef(rootRouteRef)();
  return {
    list: () => `${root}/incidents`,
    view: (reference: string) =>
      `${root}/incidents/${encodeURIComponent(reference)}`,
  };
}
