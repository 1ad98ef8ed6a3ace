import { useRouteRef } from '@backstage/core-plugin-api';
import { rootRouteRef } from '../routes';

/** Links to the postmortem pages, wherever the app mounts the plugin. */
export function usePostmortemLinks() {
  const root = useRouteRef(rootRouteRef)();
  return {
    list: () => `${root}/postmortems`,
    view: (id: string) => `${root}/postmortems/${encodeURIComponent(id)}`,
    create: (entityRef?: string) =>
      `${root}/postmortems/new${
        entityRef ? `?${new URLSearchParams({ entityRef })}` : ''
      }`,
  };
}
