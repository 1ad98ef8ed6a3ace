import {
  Content,
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import Grid from '@material-ui/core/Grid';
import Tab from '@material-ui/core/Tab';
import Tabs from '@material-ui/core/Tabs';
import Typography from '@material-ui/core/Typography';
import type { ReactNode } from 'react';
import { Link, Route, Routes, useParams } from 'react-router-dom';
import { EntityAlertCoverageSection } from '../alerts/EntityAlertCoverageSection';
import { EntityIncidentsSection } from '../incidents/EntityIncidentsSection';
import { EntityPostmortemsSection } from '../postmortems/EntityPostmortemsSection';
import { EntityRecoverySection } from '../recovery/EntityRecoverySection';
import { EntityRunbooksSection } from '../runbooks/EntityRunbooksSection';
import { ReliabilitySummary, RELIABILITY_VIEWS } from './ReliabilitySummary';
import { ReliabilityTargets } from './ReliabilityTargets';
import { useEntityOverview } from './useEntityOverview';
import { Timestamp } from './Timestamp';

const Section = ({ children }: { children: ReactNode }) => (
  <Grid item xs={12}>
    {children}
  </Grid>
);

// Each sub-view's sections: one subject, readable without scrolling past
// the others.
const VIEWS: Record<string, ReactNode> = {
  runbooks: (
    <>
      <Section>
        <EntityRunbooksSection />
      </Section>
      <Section>
        <EntityAlertCoverageSection />
      </Section>
    </>
  ),
  incidents: (
    <Section>
      <EntityIncidentsSection />
    </Section>
  ),
  recovery: (
    <Section>
      <EntityRecoverySection />
    </Section>
  ),
  postmortems: (
    <Section>
      <EntityPostmortemsSection />
    </Section>
  ),
};

// The bar of sub-views: links, so each view has its own address.
const ViewBar = () => {
  const current = useParams()['*']?.split('/')[0] || 'overview';
  const views = [{ path: 'overview', label: 'Overview' }, ...RELIABILITY_VIEWS];
  return (
    <Tabs
      value={views.some(v => v.path === current) ? current : 'overview'}
      indicatorColor="primary"
      textColor="primary"
      aria-label="Reliability views"
    >
      {views.map(v => (
        <Tab
          key={v.path}
          value={v.path}
          label={v.label}
          component={Link}
          to={v.path === 'overview' ? '.' : v.path}
        />
      ))}
    </Tabs>
  );
};

/**
 * The "Reliability" tab of an entity page: how the service is kept alive.
 * At the top, the targets and one row of cards (open incidents, recovery,
 * runbooks, postmortems), each a link to its own view under the tab
 * (`…/reliability/runbooks`, `/incidents`, `/recovery`, `/postmortems`); the
 * overview below them holds every section.
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
        {/* The summary first, the whole width: the targets' two columns
            did not fit beside it (the values were cut off at 1280 px). */}
        <Grid item xs={12}>
          <ReliabilitySummary />
        </Grid>
        <Grid item xs={12} md={7} lg={6}>
          <InfoCard title="Reliability targets" subheader={value.title}>
            <ReliabilityTargets overview={value} />
            <Typography variant="caption" color="textSecondary">
              Read by the reliability backend at{' '}
              <Timestamp value={value.generatedAt} />
            </Typography>
          </InfoCard>
        </Grid>
        <Grid item xs={12}>
          <ViewBar />
        </Grid>
        <Routes>
          {Object.entries(VIEWS).map(([path, element]) => (
            <Route key={path} path={`${path}/*`} element={element} />
          ))}
          <Route
            path="*"
            element={
              <>
                {VIEWS.incidents}
                {VIEWS.runbooks}
                {VIEWS.recovery}
                {VIEWS.postmortems}
              </>
            }
          />
        </Routes>
      </Grid>
    </Content>
  );
};
