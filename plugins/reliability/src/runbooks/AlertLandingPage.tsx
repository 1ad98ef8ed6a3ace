import {
  CodeSnippet,
  Content,
  EmptyState,
  Header,
  Page,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { Navigate, useLocation, useParams } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import { isOpenIncident } from '@reliability-suite/plugin-reliability-common';
import { Link, WarningPanel } from '@backstage/core-components';
import { incidentsApiRef } from '../api/IncidentsApi';
import { reliabilityApiRef } from '../api/ReliabilityApi';
import { useIncidentLinks } from '../incidents/useIncidentLinks';
import { RunbookTable } from './RunbookTable';
import { useRunbookLinks } from './useRunbookLinks';
import { useSeverities } from '../shared/useSeverities';

const example = (alertName: string) => `spec:
  triggers:
    - alertName: ${alertName}`;

/**
 * `/reliability/alerts/:alertName`, where an alert's `runbook_url` points:
 * one runbook opens directly, several are listed, none says how to add one.
 * Query parameters are alert labels that narrow the match.
 */
export const AlertLandingPage = () => {
  const { alertName = '' } = useParams();
  const { search } = useLocation();
  const api = useApi(reliabilityApiRef);
  const links = useRunbookLinks();
  const severities = useSeverities();
  const labels = Object.fromEntries(new URLSearchParams(search));
  const incidentsApi = useApi(incidentsApiRef);
  const incidentLinks = useIncidentLinks();
  const { value, loading, error } = useAsync(
    () => api.findRunbooksByAlert(alertName, labels),
    [api, alertName, search],
  );
  // An incident already open for this alert: one click to it, first.
  const incidents = useAsync(
    async () =>
      (await incidentsApi.listIncidents({ alertName })).items.filter(
        isOpenIncident,
      ),
    [incidentsApi, alertName],
  );

  if (value?.length === 1 && incidents.value?.length === 0) {
    return (
      <Navigate replace to={links.runbook(value[0].namespace, value[0].name)} />
    );
  }
  return (
    <Page themeId="tool">
      <Header title={`Alert ${alertName}`} type="Runbooks for an alert" />
      <Content>
        {(loading || incidents.loading) && <Progress />}
        {error && <ResponseErrorPanel error={error} />}
        {incidents.value?.map(i => (
          <Box key={i.id} mb={2}>
            <WarningPanel
              severity="error"
              defaultExpanded
              title={`${i.reference} is ${i.status} for this alert`}
            >
              <Link to={incidentLinks.view(i.reference)}>
                Open {i.reference} ({i.severity}): {i.title}
              </Link>
            </WarningPanel>
          </Box>
        ))}
        {value && value.length === 1 && (incidents.value?.length ?? 0) > 0 && (
          <RunbookTable runbooks={value} severities={severities} />
        )}
        {value && value.length > 1 && (
          <>
            <Typography variant="body1" paragraph>
              {value.length} runbooks answer {alertName}. Pick the one for the
              entity that fired.
            </Typography>
            <RunbookTable runbooks={value} severities={severities} />
          </>
        )}
        {value && value.length === 0 && (
          <EmptyState
            missing="content"
            title={`No runbook answers ${alertName}`}
            description="No indexed runbook names this alert in its triggers. Add the alert to the runbook that covers it; the portal picks it up on its next index pass."
            action={
              <Box maxWidth={560}>
                <CodeSnippet
                  text={example(alertName)}
                  language="yaml"
                  showCopyCodeButton
                />
              </Box>
            }
          />
        )}
      </Content>
    </Page>
  );
};
