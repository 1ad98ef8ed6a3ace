import { useRouteRef } from '@backstage/core-plugin-api';
import { rootRouteRef } from '../routes';

/** Links to the plugin's runbook and alert pages, wherever the app mounts them. */
export function useRunbookLinks() {
  const root = useRouteRef(rootRouteRef)();
  return {
    runbook: (namespace: string, name: string) =>
      `${root}/runbooks/${encodeURIComponent(namespace)}/${encodeURIComponent(
        name,
      )}`,
    alert: (alertName: string) =>
      `${root}/alerts/${encodeURIComponent(alertName)}`,
  };
}
