import {
  Content,
  Header,
  Link,
  Page,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import { rootRouteRef } from '../routes';
import { usePermission } from '@backstage/plugin-permission-react';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import {
  INCIDENT_STATUSES,
  reliabilityIncidentCreatePermission,
} from '@reliability-suite/plugin-reliability-common';
import { useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { type IncidentFilter, incidentsApiRef } from '../api/IncidentsApi';
import { usePagedList } from '../components/ListPager';
import { usePostmortemLinks } from '../postmortems/usePostmortemLinks';
import { ListFilterBar, useListFilter } from '../shared/ListFilterBar';
import { DeclareIncidentDialog } from './DeclareIncidentDialog';
import { IncidentMetricsCard } from './IncidentMetricsCard';
import { IncidentTable } from './IncidentTable';

/**
 * `/reliability/incidents`: open incidents first, filtered by severity,
 * status, owner, entity and time; declare one; the postmortems that are due;
 * the figures.
 */
export const IncidentsPage = () => {
  const api = useApi(incidentsApiRef);
  const postmortemLinks = usePostmortemLinks();
  const root = useRouteRef(rootRouteRef)();
  const canDeclare = usePermission({
    permission: reliabilityIncidentCreatePermission,
  });
  const [declaring, setDeclaring] = useState(false);
  const { draft, filter, set } = useListFilter<IncidentFilter>();
  const incidents = usePagedList(
    page => api.listIncidents({ ...filter, ...page }),
    JSON.stringify(filter),
  );
  const due = useAsync(() => api.listPostmortemsDue(), [api]);
  return (
    <Page themeId="tool">
      <Header
        title="Incidents"
        subtitle="What is on fire, who leads it, and what it taught us"
      />
      <Content>
        <Grid container spacing={2}>
          <Grid item xs={12}>
            <ListFilterBar
              idPrefix="incident-filter"
              statuses={INCIDENT_STATUSES}
              value={draft}
              onChange={set}
            >
              <Link to={postmortemLinks.list()}>Postmortems</Link>
              <Link to={`${root}/alert-coverage`}>Alert coverage</Link>
              {canDeclare.allowed && (
                <Button
                  variant="contained"
                  color="primary"
                  onClick={() => setDeclaring(true)}
                >
                  Declare incident
                </Button>
              )}
            </ListFilterBar>
          </Grid>
          <Grid item xs={12}>
            {incidents.loading && <Progress />}
            {incidents.error && <ResponseErrorPanel error={incidents.error} />}
            {incidents.value && (
              <IncidentTable
                title={`Incidents (${incidents.value.totalCount.toLocaleString(
                  'en-US',
                )})`}
                incidents={incidents.value.items}
                position={incidents.position}
              />
            )}
          </Grid>
          <Grid item xs={12} md={6}>
            {due.error && <ResponseErrorPanel error={due.error} />}
            {due.value && (
              <IncidentTable
                title={`Postmortems due (${due.value.length})`}
                incidents={due.value}
                emptyText="Every incident that needs a postmortem has one."
              />
            )}
          </Grid>
          <Grid item xs={12} md={6}>
            <IncidentMetricsCard />
          </Grid>
        </Grid>
        <DeclareIncidentDialog
          open={declaring}
          onClose={() => setDeclaring(false)}
        />
      </Content>
    </Page>
  );
};
