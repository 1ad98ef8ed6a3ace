import {
  Content,
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { EntityAlertCoverageSection } from '../alerts/EntityAlertCoverageSection';
import { EntityIncidentsSection } from '../incidents/EntityIncidentsSection';
import { EntityPostmortemsSection } from '../postmortems/EntityPostmortemsSection';
import { EntityRecoverySection } from '../recovery/EntityRecoverySection';
import { EntityRunbooksSection } from '../runbooks/EntityRunbooksSection';
import { ReliabilityTargets } from './ReliabilityTargets';
import { useEntityOverview } from './useEntityOverview';
import { Timestamp } from './Timestamp';

/**
 * The "Reliability" tab of an entity page: how the service is kept alive.
 *
 * @public
 */
export const EntityReliabilityContent = () => {
  const { value, loading, error } = useEntityOverview();

  if (loading) {
    return <Progress />;
  }
  if (error) {
    return <ResponseErrorPanel error={error} />;
  }
  if (!value) {
    return null;
  }

  return (
    <Content>
      <Grid container spacing={3}>
        <Grid item xs={12} md={6}>
          <InfoCard title="Reliability targets" subheader={value.title}>
            <ReliabilityTargets overview={value} />
            <Typography variant="caption" color="textSecondary">
              Read by the reliability backend at{' '}
              <Timestamp value={value.generatedAt} />
            </Typography>
          </InfoCard>
        </Grid>
        <Grid item xs={12}>
          <EntityIncidentsSection />
        </Grid>
        <Grid item xs={12}>
          <EntityRunbooksSection />
        </Grid>
        <Grid item xs={12}>
          <EntityAlertCoverageSection />
        </Grid>
        <Grid item xs={12}>
          <EntityRecoverySection />
        </Grid>
        <Grid item xs={12}>
          <EntityPostmortemsSection />
        </Grid>
      </Grid>
    </Content>
  );
};
