import { stringifyEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { reliabilityApiRef } from '../api/ReliabilityApi';

/** Loads the backend's overview of the entity on the current page. */
export function useEntityOverview() {
  const { entity } = useEntity();
  const api = useApi(reliabilityApiRef);
  const entityRef = stringifyEntityRef(entity);
  return useAsyncRetry(
    () => api.getEntityOverview(entityRef),
    [api, entityRef],
  );
}
