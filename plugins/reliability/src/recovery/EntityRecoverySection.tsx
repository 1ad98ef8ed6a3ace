import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import { reliabilityApiRef } from '../api/ReliabilityApi';
import { rootRouteRef } from '../routes';
import { RecoveryPlanView } from './RecoveryPlanView';

/**
 * The entity's recovery plans: what holds state and how it comes back, the
 * scenarios planned for, and what still works when a part is missing.
 */
export const EntityRecoverySection = () => {
  const { entity } = useEntity();
  const entityRef = stringifyEntityRef(entity);
  const api = useApi(reliabilityApiRef);
  const recoveryLink = `${useRouteRef(rootRouteRef)()}/recovery`;
  const planLink = (namespace: string, name: string) =>
    `${recoveryLink}/plans/${encodeURIComponent(
      namespace,
    )}/${encodeURIComponent(name)}`;
  const { value, loading, error } = useAsync(
    () => api.listRecoveryPlans(entityRef),
    [api, entityRef],
  );
  return (
    <InfoCard
      title="Backups & recovery"
      deepLink={{ title: 'Across the catalog', link: recoveryLink }}
    >
      {loading && <Progress />}
      {error && <ResponseErrorPanel error={error} />}
      {value && value.length === 0 && (
        <Typography variant="body2">
          No recovery plan covers this entity. Add a{' '}
          <code>kind: RecoveryPlan</code> document next to its runbooks: its
          components, backups, RPO and RTO, scenarios, restore drills and
          degraded modes.
        </Typography>
      )}
      {value?.map(plan => (
        <RecoveryPlanView
          key={`${plan.namespace}/${plan.name}`}
          plan={plan}
          entityRef={entityRef.toLocaleLowerCase('en-US')}
          planLink={planLink(plan.namespace, plan.name)}
        />
      ))}
    </InfoCard>
  );
};
