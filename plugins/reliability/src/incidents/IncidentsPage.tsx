import {
  Content,
  Header,
  Link,
  Page,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import TextField from '@material-ui/core/TextField';
import {
  INCIDENT_STATUSES,
  reliabilityIncidentCreatePermission,
} from '@reliability-suite/plugin-reliability-common';
import { useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { type IncidentFilter, incidentsApiRef } from '../api/IncidentsApi';
import { ALL, FilterSelect } from '../components/FilterSelect';
import { usePagedList } from '../components/ListPager';
import { usePostmortemLinks } from '../postmortems/usePostmortemLinks';
import { useSeverities } from '../runbooks/useSeverities';
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
  const severities = useSeverities();
  const postmortemLinks = usePostmortemLinks();
  const canDeclare = usePermission({
    permission: reliabilityIncidentCreatePermission,
  });
  const [declaring, setDeclaring] = useState(false);
  const [filter, setFilter] = useState<IncidentFilter>({});
  const set = (key: keyof IncidentFilter, value: string) =>
    setFilter(f => ({ ...f, [key]: value || undefined }));
  const incidents = usePagedList(
    page => api.listIncidents({ ...filter, ...page }),
    JSON.stringify(filter),
  );
  const due = useAsync(() => api.listPostmortemsDue(), [api]);
  const text = (key: keyof IncidentFilter, label: string, type = 'text') => (
    <TextField
      id={`incident-filter-${key}`}
      label={label}
      type={type}
      InputLabelProps={type === 'date' ? { shrink: true } : undefined}
      value={filter[key] ?? ''}
      onChange={e => set(key, e.target.value)}
    />
  );
  return (
    <Page themeId="tool">
      <Header
        title="Incidents"
        subtitle="What is on fire, who leads it, and what it taught us"
      />
      <Content>
        <Grid container spacing={2}>
          <Grid item xs={12}>
            <Box
              display="flex"
              flexWrap="wrap"
              alignItems="flex-end"
              style={{ gap: 16 }}
            >
              <FilterSelect
                label="Severity"
                value={filter.severity ?? ALL}
                onChange={v => set('severity', v === ALL ? '' : v)}
                options={severities.map(s => ({
                  value: s.id,
                  label: `${s.id} · ${s.label}`,
                }))}
              />
              <FilterSelect
                label="Status"
                value={filter.status ?? ALL}
                onChange={v => set('status', v === ALL ? '' : v)}
                options={INCIDENT_STATUSES.map(s => ({ value: s, label: s }))}
              />
              {text('owner', 'Owner (ref)')}
              {text('entityRef', 'Entity (ref)')}
              {text('from', 'Started from', 'date')}
              {text('to', 'Started before', 'date')}
              <Box flexGrow={1} />
              <Link to={postmortemLinks.list()}>Postmortems</Link>
              {canDeclare.allowed && (
                <Button
                  variant="contained"
                  color="primary"
                  onClick={() => setDeclaring(true)}
                >
                  Declare incident
                </Button>
              )}
            </Box>
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
