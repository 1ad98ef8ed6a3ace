import { ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import Card from '@material-ui/core/Card';
import CardActionArea from '@material-ui/core/CardActionArea';
import CardContent from '@material-ui/core/CardContent';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import {
  entityKey,
  isOpenIncident,
} from '@reliability-suite/plugin-reliability-common';
import type { ReactNode } from 'react';
import { Link as RouterLink } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import { incidentsApiRef } from '../api/IncidentsApi';
import { reliabilityApiRef } from '../api/ReliabilityApi';
import { ComplianceLight } from '../recovery/ComponentStatus';
import { overdueForReview } from '../runbooks/freshness';
import { SeverityChip } from '../shared/SeverityChip';
import { useSeverities } from '../shared/useSeverities';
import { Timestamp } from './Timestamp';

/** The sub-views of the Reliability tab, by their path under it. */
export const RELIABILITY_VIEWS = [
  { path: 'runbooks', label: 'Runbooks' },
  { path: 'incidents', label: 'Incidents' },
  { path: 'recovery', label: 'Recovery' },
  { path: 'postmortems', label: 'Postmortems' },
] as const;

const SummaryCard = (props: {
  to: string;
  title: string;
  children: ReactNode;
}) => (
  <Card variant="outlined" style={{ height: '100%' }}>
    <CardActionArea
      component={RouterLink}
      to={props.to}
      // It navigates: a link to assistive technology too, not a button.
      role="link"
      aria-label={props.title}
      style={{ height: '100%' }}
    >
      <CardContent>
        <Typography variant="overline" color="textSecondary">
          {props.title}
        </Typography>
        {props.children}
      </CardContent>
    </CardActionArea>
  </Card>
);

/**
 * One row of compact cards at the top of the Reliability tab: the open
 * incidents, the state of recovery, the runbooks and their freshness, the
 * postmortems — each a link to its sub-view, for a commander to reach the
 * runbook in one click instead of a long scroll.
 */
export const ReliabilitySummary = () => {
  const { entity } = useEntity();
  const entityRef = entityKey(entity);
  const api = useApi(reliabilityApiRef);
  const incidentsApi = useApi(incidentsApiRef);
  const levels = useSeverities();
  const { value, error } = useAsync(async () => {
    const [runbooks, facts, incidents, postmortems] = await Promise.all([
      api.listRunbooks(entityRef),
      api.getRecoveryFacts(entityRef),
      incidentsApi.listIncidents({ entityRef }),
      api.listPostmortems({ entityRef, limit: 1 }),
    ]);
    return {
      runbooks,
      recovery: facts.items[0],
      open: incidents.items.filter(isOpenIncident),
      postmortems: postmortems.totalCount,
    };
  }, [api, incidentsApi, entityRef]);
  if (error) return <ResponseErrorPanel error={error} />;
  if (!value) return null;
  const overdue = overdueForReview(value.runbooks);
  const lastSynced = value.runbooks
    .map(r => r.lastSyncedAt)
    .sort()
    .at(-1);
  // The most severe open one, by the configured order.
  const rank = (id: string) => {
    const i = levels.findIndex(l => l.id === id);
    return i < 0 ? levels.length : i;
  };
  const worst = value.open
    .map(i => i.severity)
    .sort((a, b) => rank(a) - rank(b))
    .at(0);
  return (
    <Grid container spacing={2} aria-label="Reliability at a glance">
      <Grid item xs={12} sm={6} md={3}>
        <SummaryCard to="incidents" title="Open incidents">
          <Typography variant="h5">
            {value.open.length ? value.open.length : 'None'}{' '}
            {worst && <SeverityChip severity={worst} levels={levels} />}
          </Typography>
          <Typography variant="body2" color="textSecondary">
            {value.open.length
              ? value.open.map(i => i.reference).join(', ')
              : 'Nothing affects it now'}
          </Typography>
        </SummaryCard>
      </Grid>
      <Grid item xs={12} sm={6} md={3}>
        <SummaryCard to="recovery" title="Recovery">
          {value.recovery ? (
            <>
              <ComplianceLight state={value.recovery.state} />
              <Typography variant="body2" color="textSecondary">
                {value.recovery.plans.length} plan(s),{' '}
                {Object.values(value.recovery.components).reduce(
                  (a, b) => a + b,
                  0,
                )}{' '}
                component(s)
              </Typography>
            </>
          ) : (
            <Typography variant="body2">No recovery plan</Typography>
          )}
        </SummaryCard>
      </Grid>
      <Grid item xs={12} sm={6} md={3}>
        <SummaryCard to="runbooks" title="Runbooks">
          <Typography variant="h5">{value.runbooks.length}</Typography>
          <Typography variant="body2" color="textSecondary">
            {overdue ? `${overdue} overdue for review · ` : ''}
            {lastSynced ? (
              <>
                read <Timestamp value={lastSynced} />
              </>
            ) : (
              'none indexed'
            )}
          </Typography>
        </SummaryCard>
      </Grid>
      <Grid item xs={12} sm={6} md={3}>
        <SummaryCard to="postmortems" title="Postmortems">
          <Typography variant="h5">{value.postmortems}</Typography>
          <Typography variant="body2" color="textSecondary">
            What incidents on it taught
          </Typography>
        </SummaryCard>
      </Grid>
    </Grid>
  );
};
