import { CodeSnippet, InfoCard, Link } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Checkbox from '@material-ui/core/Checkbox';
import Typography from '@material-ui/core/Typography';
import type {
  Incident,
  RunbookDetails,
  RunbookStep,
} from '@reliability-suite/plugin-reliability-common';
import useAsync from 'react-use/esm/useAsync';
import { incidentsApiRef } from '../api/IncidentsApi';
import { reliabilityApiRef } from '../api/ReliabilityApi';
import { EntityRefLinks } from '@backstage/plugin-catalog-react';
import { useRunbookLinks } from '../runbooks/useRunbookLinks';

// The sections an incident works through, in the order a commander does.
const SECTIONS: Array<[string, string]> = [
  ['diagnosis', 'Diagnosis'],
  ['immediateActions', 'Immediate actions'],
  ['steps', 'Steps'],
  ['recovery', 'Recovery'],
];

const stepText = (step: RunbookStep | string) =>
  typeof step === 'string'
    ? step
    : step.title ?? step.run ?? step.verify ?? step.manual ?? '';

/**
 * The attached runbooks' steps as a checklist: ticks are stored on the
 * incident, so everyone working it sees them (with who ticked), and each is
 * on the timeline.
 */
export const IncidentChecklist = ({
  incident,
  canTick,
  write,
}: {
  incident: Incident;
  canTick: boolean;
  write: (action: () => Promise<Incident>) => Promise<void>;
}) => {
  const reliability = useApi(reliabilityApiRef);
  const api = useApi(incidentsApiRef);
  const links = useRunbookLinks();
  const refs = incident.runbooks.map(r => `${r.namespace}/${r.name}`).join();
  const { value: runbooks = [] } = useAsync(
    () =>
      Promise.all(
        incident.runbooks.map(r =>
          reliability.getRunbook(r.namespace, r.name).catch(() => undefined),
        ),
      ),
    [reliability, refs],
  );
  if (incident.runbooks.length === 0) {
    return (
      <InfoCard title="Runbooks">
        <Typography variant="body2">
          No runbook is attached. Alerts attach the runbooks that answer them.
        </Typography>
      </InfoCard>
    );
  }
  return (
    <InfoCard title="Runbooks">
      {incident.runbooks.map((r, i) => {
        const runbook = runbooks[i] as RunbookDetails | undefined;
        const key = `${r.namespace}/${r.name}`;
        return (
          <Box key={key} mb={2}>
            <Typography variant="h6">
              <Link to={links.runbook(r.namespace, r.name)}>
                {r.title ?? r.name}
              </Link>
            </Typography>
            {!runbook && <Typography variant="caption">Loading…</Typography>}
            {runbook &&
              SECTIONS.map(([section, title]) => {
                const steps = ((runbook.document.spec as any)[section] ??
                  []) as RunbookStep[];
                if (!steps.length) return null;
                return (
                  <Box key={section} mt={1}>
                    <Typography variant="subtitle2">{title}</Typography>
                    {steps.map((step, index) => {
                      const id = `${section}[${index}]`;
                      const tick = incident.checklist.find(
                        t => t.runbook === key && t.step === id,
                      );
                      const label = `${title} ${index + 1}: ${stepText(
                        step,
                      ).slice(0, 80)}`;
                      return (
                        <Box key={id} display="flex" alignItems="flex-start">
                          <Checkbox
                            size="small"
                            checked={!!tick?.done}
                            disabled={!canTick}
                            inputProps={{ 'aria-label': label }}
                            onChange={e => {
                              const done = e.target.checked;
                              write(() =>
                                api.tickIncidentStep(incident.id, {
                                  runbook: key,
                                  step: id,
                                  done,
                                }),
                              );
                            }}
                          />
                          <Box
                            flexGrow={1}
                            minWidth={0}
                            style={{ opacity: tick?.done ? 0.6 : 1 }}
                          >
                            {typeof step !== 'string' && step.run ? (
                              <CodeSnippet
                                text={step.run}
                                language="bash"
                                showCopyCodeButton
                              />
                            ) : (
                              <Typography variant="body2">
                                {stepText(step)}
                              </Typography>
                            )}
                            {tick?.done && (
                              <Typography
                                variant="caption"
                                color="textSecondary"
                              >
                                done by{' '}
                                <EntityRefLinks
                                  entityRefs={[tick.by]}
                                  defaultKind="user"
                                />
                              </Typography>
                            )}
                          </Box>
                        </Box>
                      );
                    })}
                  </Box>
                );
              })}
          </Box>
        );
      })}
    </InfoCard>
  );
};
