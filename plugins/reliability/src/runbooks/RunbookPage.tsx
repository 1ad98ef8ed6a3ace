import {
  Content,
  Header,
  InfoCard,
  Link,
  Page,
  Progress,
  ResponseErrorPanel,
  WarningPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { EntityRefLinks } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Chip from '@material-ui/core/Chip';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import type {
  RunbookDetails,
  RunbookStep,
} from '@reliability-suite/plugin-reliability-common';
import { useParams } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import { reliabilityApiRef } from '../api/ReliabilityApi';
import { ActionItemsTable } from '../postmortems/ActionItemsTable';
import { PRINT_CSS, PrintableSection } from '../components/PrintableSection';
import { FreshnessStatus } from './FreshnessStatus';
import { RunbookSteps } from './RunbookSteps';
import { SafeMarkdown } from './SafeMarkdown';
import { SeverityChip } from './SeverityChip';
import { useChecklist } from './useChecklist';
import { useSeverities } from './useSeverities';

const isWebUrl = (url: string) => /^https?:\/\//i.test(url);

// Open postmortem action items that change this runbook: what people
// following it should know is about to change.
const RunbookActionItems = ({
  namespace,
  name,
}: {
  namespace: string;
  name: string;
}) => {
  const api = useApi(reliabilityApiRef);
  const { value } = useAsync(
    () => api.listActionItems({ runbook: `${namespace}/${name}` }),
    [api, namespace, name],
  );
  if (!value || value.length === 0) return null;
  return (
    <Grid item xs={12} className="reliability-section">
      <ActionItemsTable
        items={value}
        title="Open postmortem action items on this runbook"
      />
    </Grid>
  );
};

/** One runbook, every section, in the order an incident commander needs them. */
export const RunbookView = ({ runbook }: { runbook: RunbookDetails }) => {
  const severities = useSeverities();
  const { ticked, toggle, reset } = useChecklist(
    `${runbook.namespace}/${runbook.name}`,
    runbook.revision,
  );
  const { spec, metadata } = runbook.document;
  const level = severities.find(s => s.id === runbook.severity);

  const stepSection = (key: string, title: string, steps?: RunbookStep[]) =>
    steps && steps.length > 0 ? (
      <PrintableSection key={key} title={title}>
        <RunbookSteps
          section={key}
          steps={steps}
          ticked={ticked}
          onToggle={toggle}
        />
      </PrintableSection>
    ) : null;

  return (
    <Grid container spacing={2}>
      <style>{PRINT_CSS}</style>
      {runbook.syncError && (
        <Grid item xs={12}>
          <WarningPanel
            severity="warning"
            title={`This copy is older than the last failed read of its source (${new Date(
              runbook.syncError.at,
            ).toLocaleString()})`}
            message={`It was read on ${new Date(
              runbook.lastSyncedAt,
            ).toLocaleString()}. The read failed: ${runbook.syncError.message}`}
          />
        </Grid>
      )}
      {runbook.stale && (
        <Grid item xs={12}>
          <WarningPanel
            severity="warning"
            title="The latest version of this runbook in Git has errors"
            message="This is the last good copy. The entity's Reliability tab lists the errors."
          />
        </Grid>
      )}
      <Grid item xs={12}>
        <InfoCard>
          <Box
            display="flex"
            flexWrap="wrap"
            alignItems="center"
            style={{ gap: 12 }}
          >
            <SeverityChip severity={runbook.severity} levels={severities} />
            {level && (
              <Typography variant="body2">
                Respond within <b>{level.responseTarget}</b>
                {level.pages ? ' · pages on-call' : ''}
              </Typography>
            )}
            {spec.category && <Chip size="small" label={spec.category} />}
            {spec.owner && (
              <Typography variant="body2">Owner: {spec.owner}</Typography>
            )}
            <FreshnessStatus review={runbook.review} />
          </Box>
          <Box mt={1}>
            <Typography variant="body2" component="div">
              Serves:{' '}
              <EntityRefLinks
                entityRefs={runbook.entityRefs}
                defaultKind="component"
              />
            </Typography>
            {spec.triggers && spec.triggers.length > 0 && (
              <Typography variant="body2">
                Alerts:{' '}
                {spec.triggers
                  .map(
                    t =>
                      `${t.alertName}${
                        t.labels
                          ? ` {${Object.entries(t.labels)
                              .map(([k, v]) => `${k}="${v}"`)
                              .join(', ')}}`
                          : ''
                      }`,
                  )
                  .join(', ')}
              </Typography>
            )}
            <Typography variant="caption" color="textSecondary" display="block">
              Last synced {new Date(runbook.lastSyncedAt).toLocaleString()}
              {runbook.revision
                ? ` · revision ${runbook.revision.slice(0, 12)}`
                : ''}{' '}
              · source {runbook.sourceUrl}
            </Typography>
          </Box>
          <Box
            mt={2}
            display="flex"
            style={{ gap: 8 }}
            className="reliability-no-print"
          >
            {isWebUrl(runbook.sourceUrl) && (
              <Button
                variant="outlined"
                size="small"
                href={runbook.sourceUrl}
                target="_blank"
                rel="noopener noreferrer"
              >
                Edit in Git
              </Button>
            )}
            <Button
              variant="outlined"
              size="small"
              onClick={() => window.print()}
            >
              Print
            </Button>
            <Button
              variant="outlined"
              size="small"
              onClick={reset}
              disabled={ticked.size === 0}
            >
              Clear checklist ({ticked.size} done)
            </Button>
          </Box>
        </InfoCard>
      </Grid>
      {(spec.summary || metadata.description || spec.impact) && (
        <PrintableSection title="Summary and impact">
          {metadata.description && (
            <SafeMarkdown content={metadata.description} />
          )}
          {spec.summary && <SafeMarkdown content={spec.summary} />}
          {spec.impact && (
            <>
              <Typography variant="subtitle2">Impact</Typography>
              <SafeMarkdown content={spec.impact} />
            </>
          )}
        </PrintableSection>
      )}
      {spec.symptoms && spec.symptoms.length > 0 && (
        <PrintableSection title="Symptoms">
          <ul>
            {spec.symptoms.map((s, i) => (
              <li key={i}>
                <SafeMarkdown content={s} />
              </li>
            ))}
          </ul>
        </PrintableSection>
      )}
      {spec.preconditions && spec.preconditions.length > 0 && (
        <PrintableSection title="Preconditions">
          <RunbookSteps
            section="preconditions"
            steps={spec.preconditions.map(p => ({
              title: 'Check',
              manual: p.check,
              description: p.description,
            }))}
            ticked={ticked}
            onToggle={toggle}
          />
        </PrintableSection>
      )}
      {stepSection('diagnosis', 'Diagnosis', spec.diagnosis)}
      {stepSection(
        'immediateActions',
        'Immediate actions',
        spec.immediateActions,
      )}
      {stepSection('steps', 'Steps', spec.steps)}
      {stepSection('recovery', 'Recovery', spec.recovery)}
      {typeof spec.rollback === 'string' ? (
        <PrintableSection title="Rollback">
          <SafeMarkdown content={spec.rollback} />
        </PrintableSection>
      ) : (
        stepSection('rollback', 'Rollback', spec.rollback)
      )}
      {spec.escalation && (
        <PrintableSection title="Escalation">
          {spec.escalation.contacts && spec.escalation.contacts.length > 0 && (
            <Typography variant="body2">
              In order: {spec.escalation.contacts.join(' → ')}
            </Typography>
          )}
          {spec.escalation.after && (
            <Typography variant="body2">
              Escalate when not mitigated after <b>{spec.escalation.after}</b>.
            </Typography>
          )}
          {spec.escalation.notes && (
            <SafeMarkdown content={spec.escalation.notes} />
          )}
        </PrintableSection>
      )}
      {spec.postmortemQuestions && spec.postmortemQuestions.length > 0 && (
        <PrintableSection title="Postmortem questions">
          <ul>
            {spec.postmortemQuestions.map((q, i) => (
              <li key={i}>
                <SafeMarkdown content={q} />
              </li>
            ))}
          </ul>
        </PrintableSection>
      )}
      <RunbookActionItems namespace={runbook.namespace} name={runbook.name} />
      {spec.links && spec.links.length > 0 && (
        <PrintableSection title="Links">
          <ul>
            {spec.links
              .filter(l => isWebUrl(l.url))
              .map(l => (
                <li key={l.url}>
                  <Link to={l.url} target="_blank" rel="noopener noreferrer">
                    {l.title}
                  </Link>
                </li>
              ))}
          </ul>
        </PrintableSection>
      )}
    </Grid>
  );
};

/** The page at `/reliability/runbooks/:namespace/:name`. */
export const RunbookPage = () => {
  const { namespace = 'default', name = '' } = useParams();
  const api = useApi(reliabilityApiRef);
  const { value, loading, error } = useAsync(
    () => api.getRunbook(namespace, name),
    [api, namespace, name],
  );
  return (
    <Page themeId="tool">
      <Header
        title={value?.title ?? name}
        subtitle={`Runbook ${namespace}/${name}`}
        type="Runbook"
      />
      <Content>
        {loading && <Progress />}
        {error && <ResponseErrorPanel error={error} />}
        {value && <RunbookView runbook={value} />}
      </Content>
    </Page>
  );
};
