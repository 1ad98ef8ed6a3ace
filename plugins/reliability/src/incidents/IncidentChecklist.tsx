import { InfoCard, Link } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { EntityRefLinks } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import TextField from '@material-ui/core/TextField';
import type {
  Incident,
  IncidentTick,
  RunbookDetails,
  RunbookStep,
  StepOutcome,
} from '@reliability-suite/plugin-reliability-common';
import {
  OUTCOME_WORDS,
  RUNBOOK_STEP_SECTIONS,
  STEP_OUTCOMES,
} from '@reliability-suite/plugin-reliability-common';
import { useEffect, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { incidentsApiRef } from '../api/IncidentsApi';
import { reliabilityApiRef } from '../api/ReliabilityApi';
import { RunbookSteps } from '../runbooks/RunbookSteps';
import { useRunbookLinks } from '../runbooks/useRunbookLinks';

// `steps[3]` on the incident is `steps:3` in the runbook view's checklist.
const viewId = (step: string) => step.replace(/^(\w+)\[(\d+)\]$/, '$1:$2');
const incidentStep = (id: string) => id.replace(/^(\w+):(\d+)$/, '$1[$2]');

/**
 * How a recorded step went, by whom: done, skipped, failed or did not
 * help, with a note for what went wrong; changeable by those who may tick.
 */
const StepOutcomeLine = ({
  tick,
  canTick,
  onChange,
}: {
  tick: IncidentTick;
  canTick: boolean;
  onChange: (outcome: StepOutcome, note?: string) => void;
}) => {
  const [note, setNote] = useState(tick.note ?? '');
  useEffect(() => setNote(tick.note ?? ''), [tick.note]);
  const label = `How ${tick.step} went`;
  return (
    <Box display="flex" alignItems="center" flexWrap="wrap" style={{ gap: 8 }}>
      <span>
        {tick.outcome === 'done'
          ? 'done'
          : `marked “${OUTCOME_WORDS[tick.outcome]}”`}{' '}
        by <EntityRefLinks entityRefs={[tick.by]} defaultKind="user" />
      </span>
      {canTick && (
        <select
          aria-label={label}
          value={tick.outcome}
          onChange={e => onChange(e.target.value as StepOutcome, note)}
        >
          {STEP_OUTCOMES.map(o => (
            <option key={o} value={o}>
              {OUTCOME_WORDS[o]}
            </option>
          ))}
        </select>
      )}
      {canTick && tick.outcome !== 'done' && (
        <TextField
          size="small"
          placeholder="What happened?"
          inputProps={{ 'aria-label': `Note on ${tick.step}`, maxLength: 500 }}
          value={note}
          onChange={e => setNote(e.target.value)}
          onBlur={() => {
            if (note !== (tick.note ?? '')) onChange(tick.outcome, note);
          }}
          onKeyDown={e => {
            if (e.key === 'Enter') (e.target as HTMLInputElement).blur();
          }}
        />
      )}
      {!canTick && tick.note && <em>— {tick.note}</em>}
    </Box>
  );
};

/** One attached runbook's steps, ticked on the incident. */
const RunbookChecklist = ({
  incident,
  runbook,
  runbookRef,
  canTick,
  write,
}: {
  incident: Incident;
  runbook: RunbookDetails;
  runbookRef: string;
  canTick: boolean;
  write: (action: () => Promise<Incident>) => Promise<void>;
}) => {
  const api = useApi(incidentsApiRef);
  const ticks = incident.checklist.filter(t => t.runbook === runbookRef);
  const ticked = new Set(ticks.filter(t => t.done).map(t => viewId(t.step)));
  const record = (
    step: string,
    outcome: StepOutcome,
    note: string | undefined,
  ) =>
    write(() =>
      api.tickIncidentStep(incident.id, {
        runbook: runbookRef,
        step,
        done: true,
        outcome,
        ...(note ? { note } : {}),
      }),
    );
  const notes = Object.fromEntries(
    ticks
      .filter(t => t.done)
      .map(t => [
        viewId(t.step),
        <StepOutcomeLine
          key={t.step}
          tick={t}
          canTick={canTick}
          onChange={(outcome, note) => record(t.step, outcome, note)}
        />,
      ]),
  );
  return (
    <>
      {RUNBOOK_STEP_SECTIONS.map(({ key: section, title }) => {
        const steps = (runbook.document.spec as any)[section] as
          | RunbookStep[]
          | undefined;
        if (!steps?.length) return null;
        return (
          <Box key={section} mt={1}>
            <Typography variant="subtitle1">{title}</Typography>
            <RunbookSteps
              section={section}
              steps={steps}
              ticked={ticked}
              disabled={!canTick}
              notes={notes}
              onToggle={id =>
                write(() =>
                  api.tickIncidentStep(incident.id, {
                    runbook: runbookRef,
                    step: incidentStep(id),
                    done: !ticked.has(id),
                  }),
                )
              }
            />
          </Box>
        );
      })}
    </>
  );
};

/**
 * The attached runbooks' steps as a checklist: ticks are stored on the
 * incident, so everyone working it sees them (with who ticked), and each is
 * on the timeline. The runbook page's own checklist stays for use outside
 * an incident.
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
  return (
    <InfoCard title="Runbooks">
      {incident.runbooks.length === 0 && (
        <Typography variant="body2">
          No runbook is attached. Alerts attach the runbooks that answer them.
        </Typography>
      )}
      {incident.runbooks.map((r, i) => (
        <Box key={`${r.namespace}/${r.name}`} mb={2}>
          <Typography variant="h6">
            <Link to={links.runbook(r.namespace, r.name)}>
              {r.title ?? r.name}
            </Link>
          </Typography>
          {runbooks[i] ? (
            <RunbookChecklist
              incident={incident}
              runbook={runbooks[i]!}
              runbookRef={`${r.namespace}/${r.name}`}
              canTick={canTick}
              write={write}
            />
          ) : (
            <Typography variant="caption">Loading the runbook…</Typography>
          )}
        </Box>
      ))}
    </InfoCard>
  );
};
