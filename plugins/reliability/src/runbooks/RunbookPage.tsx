import {
  Content,
  Header,
  Link,
  Page,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import type {
  RunbookDetails,
  RunbookStep,
} from '@reliability-suite/plugin-reliability-common';
import { RUNBOOK_STEP_SECTIONS } from '@reliability-suite/plugin-reliability-common';
import { useParams } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import { reliabilityApiRef } from '../api/ReliabilityApi';
import { ActionItemsTable } from '../postmortems/ActionItemsTable';
import { PRINT_CSS, PrintableSection } from '../components/PrintableSection';
import { RunbookStatisticsSection } from './RunbookStatisticsSection';
import { RunbookSteps } from './RunbookSteps';
import { SafeMarkdown } from '../shared/SafeMarkdown';
import { useChecklist } from './useChecklist';
import { isWebUrl, RunbookBanners, RunbookFacts } from './RunbookFacts';

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
  if (!value || value.items.length === 0) return null;
  return (
    <Grid item xs={12} className="reliability-section">
      <ActionItemsTable
        items={value.items}
        totalCount={value.totalCount}
        title="Open postmortem action items on this runbook"
      />
    </Grid>
  );
};

/** One runbook, every section, in the order an incident commander needs them. */
export const RunbookView = ({ runbook }: { runbook: RunbookDetails }) => {
  const { ticked, toggle, reset } = useChecklist(
    `${runbook.namespace}/${runbook.name}`,
    runbook.revision,
  );
  const { spec, metadata } = runbook.document;

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
      <RunbookBanners runbook={runbook} />
      <Grid item xs={12}>
        <RunbookFacts
          runbook={runbook}
          checklistDone={ticked.size}
          onClearChecklist={reset}
        />
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
      {RUNBOOK_STEP_SECTIONS.map(({ key, title }) =>
        stepSection(key, title, spec[key]),
      )}
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
      <RunbookStatisticsSection
        namespace={runbook.namespace}
        name={runbook.name}
      />
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
