import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import useAsync from 'react-use/esm/useAsync';
import { incidentsApiRef } from '../api/IncidentsApi';
import { reliabilityApiRef } from '../api/ReliabilityApi';
import { rootRouteRef } from '../routes';
import { AlertCoverageView } from './AlertCoverageView';

/**
 * The entity's alerting rules against its runbooks: alerts no runbook
 * answers, links that lead nowhere, runbooks for alerts no rule fires.
 */
export const EntityAlertCoverageSection = () => {
  const { entity } = useEntity();
  const entityRef = stringifyEntityRef(entity).toLocaleLowerCase('en-US');
  const api = useApi(reliabilityApiRef);
  const page = `${useRouteRef(rootRouteRef)()}/alert-coverage`;
  const incidents = useApi(incidentsApiRef);
  const { value, loading, error } = useAsync(
    async () => ({
      coverage: await api.getAlertCoverage(entityRef),
      figures: await incidents.getAlertFigures(entityRef),
    }),
    [api, incidents, entityRef],
  );
  return (
    <InfoCard
      title="Alerts and runbooks"
      deepLink={{ title: 'Across the catalog', link: page }}
    >
      {loading && <Progress />}
      {error && <ResponseErrorPanel error={error} />}
      {value && (
        <AlertCoverageView coverage={value.coverage} figures={value.figures} />
      )}
    </InfoCard>
  );
};
