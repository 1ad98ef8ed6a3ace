import {
  Content,
  Header,
  InfoCard,
  Page,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import Grid from '@material-ui/core/Grid';
import {
  reliabilityIncidentContributePermission,
  reliabilityIncidentUpdatePermission,
} from '@reliability-suite/plugin-reliability-common';
import { useParams } from 'react-router-dom';
import { incidentsApiRef } from '../api/IncidentsApi';
import { useSeverities } from '../shared/useSeverities';
import { IncidentChecklist } from './IncidentChecklist';
import { IncidentControls } from './IncidentControls';
import { IncidentFacts } from './IncidentFacts';
import { IncidentRoles } from './IncidentRoles';
import { IncidentTimeline } from './IncidentTimeline';
import { IncidentUpdates } from './IncidentUpdates';
import { useIncident } from './useIncident';
import { useIncidentLinks } from './useIncidentLinks';
import { IncidentContextPanel } from './IncidentContextPanel';

/**
 * `/reliability/incidents/:id` (its id or INC-42): the incident as the
 * commander works it — facts, status and severity, roles, the attached
 * runbooks as a shared checklist, status updates and notes, the timeline —
 * kept current while it is open.
 */
export const IncidentPage = () => {
  const { id = '' } = useParams();
  const severities = useSeverities();
  const links = useIncidentLinks();
  const { incident, error, reload, write } = useIncident(id);
  const api = useApi(incidentsApiRef);
  const resourceRef = incident?.id;
  const canUpdate = usePermission({
    permission: reliabilityIncidentUpdatePermission,
    resourceRef,
  });
  const canContribute = usePermission({
    permission: reliabilityIncidentContributePermission,
    resourceRef,
  });
  return (
    <Page themeId="tool">
      <Header
        title={incident ? `${incident.reference}: ${incident.title}` : id}
        type="Incidents"
        typeLink={links.list()}
      />
      <Content>
        {!incident && !error && <Progress />}
        {error && !incident && <ResponseErrorPanel error={error} />}
        {incident && (
          <Grid container spacing={2}>
            {canUpdate.allowed && (
              <Grid item xs={12}>
                <IncidentControls
                  key={`${incident.version}-${incident.severity}`}
                  incident={incident}
                  severities={severities}
                  write={write}
                  reload={reload}
                />
              </Grid>
            )}
            <Grid item xs={12} md={4}>
              <IncidentFacts
                incident={incident}
                severities={severities}
                onJudge={
                  canContribute.allowed
                    ? (fingerprint, verdict) =>
                        write(() =>
                          api.judgeIncidentAlert(
                            incident.id,
                            fingerprint,
                            verdict,
                          ),
                        )
                    : undefined
                }
              />
            </Grid>
            <Grid item xs={12} md={8}>
              <IncidentChecklist
                incident={incident}
                canTick={canContribute.allowed}
                write={write}
              />
            </Grid>
            <Grid item xs={12} md={4}>
              <IncidentRoles
                incident={incident}
                canChange={canUpdate.allowed}
                write={write}
              />
            </Grid>
            <Grid item xs={12} md={8}>
              <IncidentUpdates
                incident={incident}
                canWrite={canContribute.allowed}
                write={write}
              />
            </Grid>
            <Grid item xs={12}>
              <InfoCard title="Context: dependents and what happened before">
                <IncidentContextPanel
                  entityRefs={incident.entityRefs}
                  alertNames={[
                    ...new Set(incident.alerts.map(a => a.alertName)),
                  ]}
                  exclude={incident.id}
                />
              </InfoCard>
            </Grid>
            <Grid item xs={12}>
              <IncidentTimeline
                incident={incident}
                canPin={canContribute.allowed}
                write={write}
              />
            </Grid>
          </Grid>
        )}
      </Content>
    </Page>
  );
};
