import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import { usePermission } from '@backstage/plugin-permission-react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import {
  entityKey,
  isOpenIncident,
  reliabilityIncidentCreatePermission,
} from '@reliability-suite/plugin-reliability-common';
import { useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { incidentsApiRef } from '../api/IncidentsApi';
import { DeclareIncidentDialog } from './DeclareIncidentDialog';
import { IncidentMetricsCard } from './IncidentMetricsCard';
import { IncidentTable } from './IncidentTable';
import { SeverityGuide } from './SeverityGuide';

/**
 * The entity's incidents on its Reliability tab: open ones and the recent
 * history, MTTA / MTTR, what makes an incident on it P1 / P2 / …, and
 * Declare incident.
 */
export const EntityIncidentsSection = () => {
  const { entity } = useEntity();
  const entityRef = entityKey(entity);
  const api = useApi(incidentsApiRef);
  const canDeclare = usePermission({
    permission: reliabilityIncidentCreatePermission,
  });
  const [declaring, setDeclaring] = useState(false);
  const { value, loading, error } = useAsync(
    async () => (await api.listIncidents({ entityRef })).items,
    [api, entityRef],
  );
  const open = (value ?? []).filter(isOpenIncident);
  const recent = (value ?? [])
    .filter(i => i.status === 'resolved')
    .slice(0, 10);
  return (
    <Grid container spacing={2}>
      <Grid item xs={12}>
        <Box display="flex" justifyContent="flex-end">
          {canDeclare.allowed && (
            <Button
              variant="contained"
              color="secondary"
              onClick={() => setDeclaring(true)}
            >
              Declare incident
            </Button>
          )}
        </Box>
        {loading && <Progress />}
        {error && <ResponseErrorPanel error={error} />}
        {value && (
          <IncidentTable
            title={`Open incidents (${open.length})`}
            incidents={open}
            emptyText="No open incident affects this entity."
          />
        )}
      </Grid>
      <Grid item xs={12} md={6}>
        {value && (
          <IncidentTable
            title="Recent incidents"
            incidents={recent}
            emptyText="No resolved incident yet."
          />
        )}
      </Grid>
      <Grid item xs={12} md={6}>
        <IncidentMetricsCard entityRef={entityRef} />
      </Grid>
      <Grid item xs={12}>
        <SeverityGuide entityRef={entityRef} />
      </Grid>
      <DeclareIncidentDialog
        open={declaring}
        onClose={() => setDeclaring(false)}
        entityRef={entityRef}
      />
    </Grid>
  );
};
