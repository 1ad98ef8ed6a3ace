import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { alertApiRef, useApi, useRouteRef } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import { usePermission } from '@backstage/plugin-permission-react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import { reliabilityRecoveryEvidenceExportPermission } from '@reliability-suite/plugin-reliability-common';
import { downloadFile } from '../runbooks/downloadFile';
import { ViolationsTable } from './ViolationsTable';
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
  const alertApi = useApi(alertApiRef);
  const evidence = usePermission({
    permission: reliabilityRecoveryEvidenceExportPermission,
    resourceRef: entityRef,
  });
  // The last 90 days (the backend's default period).
  const exportEvidence = async () => {
    try {
      const file = await api.exportRecoveryEvidence({ entityRef });
      downloadFile(file.fileName, file.content);
    } catch (e) {
      alertApi.post({
        message: `Export failed: ${(e as Error).message}`,
        severity: 'error',
      });
    }
  };
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
      {value && value.length > 0 && (
        <Box mb={2}>
          <ViolationsTable entityRef={entityRef} />
        </Box>
      )}
      {value?.map(plan => (
        <RecoveryPlanView
          key={`${plan.namespace}/${plan.name}`}
          plan={plan}
          entityRef={entityRef.toLocaleLowerCase('en-US')}
          planLink={planLink(plan.namespace, plan.name)}
        />
      ))}
      {value && value.length > 0 && evidence.allowed && (
        <Box mt={2}>
          <Button variant="outlined" size="small" onClick={exportEvidence}>
            Export audit evidence (90 days)
          </Button>
          <Typography variant="caption" display="block" color="textSecondary">
            Targets, backups, drills and violations as JSON and CSV, with a
            SHA-256 manifest (check with <code>sha256sum -c SHA256SUMS</code>)
          </Typography>
        </Box>
      )}
    </InfoCard>
  );
};
