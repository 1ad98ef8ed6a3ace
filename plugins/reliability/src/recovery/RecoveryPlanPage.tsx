import {
  Content,
  Header,
  Page,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { EntityRefLinks } from '@backstage/plugin-catalog-react';
import Typography from '@material-ui/core/Typography';
import { useParams } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import { reliabilityApiRef } from '../api/ReliabilityApi';
import { RecoveryPlanView } from './RecoveryPlanView';

/**
 * One recovery plan on its own page (`/reliability/recovery/plans/…`),
 * reached from each entity's card: every field the plan holds, the entities
 * it covers, and how each component stands.
 */
export const RecoveryPlanPage = () => {
  const { namespace = 'default', name = '' } = useParams();
  const api = useApi(reliabilityApiRef);
  const { value, loading, error } = useAsync(
    () => api.getRecoveryPlan(namespace, name),
    [api, namespace, name],
  );
  return (
    <Page themeId="tool">
      <Header
        title={value?.title ?? name}
        subtitle="Recovery plan: what holds state, how it comes back, how it is proved"
      />
      <Content>
        {loading && <Progress />}
        {error && <ResponseErrorPanel error={error} />}
        {value && (
          <>
            <Typography variant="body2" gutterBottom component="div">
              Covers{' '}
              <EntityRefLinks
                entityRefs={value.entityRefs}
                defaultKind="component"
              />
            </Typography>
            <RecoveryPlanView plan={value} titled={false} />
          </>
        )}
      </Content>
    </Page>
  );
};
