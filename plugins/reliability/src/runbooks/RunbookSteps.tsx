import { CodeSnippet } from '@backstage/core-components';
import { SafeMarkdown } from '../shared/SafeMarkdown';
import Box from '@material-ui/core/Box';
import Checkbox from '@material-ui/core/Checkbox';
import Typography from '@material-ui/core/Typography';
import type { RunbookStep } from '@reliability-suite/plugin-reliability-common';
import type { ReactNode } from 'react';

function stepKind(step: RunbookStep): string {
  if (step.run) return 'Run';
  if (step.verify) return 'Verify';
  return 'Do';
}

/**
 * Ordered steps: commands in code blocks with a copy button, checks with
 * their expected result, manual instructions as Markdown (rendered without
 * raw HTML: a script in a runbook shows as text). Each step can be ticked.
 */
export const RunbookSteps = ({
  section,
  steps,
  ticked,
  onToggle,
  disabled = false,
  notes = {},
}: {
  section: string;
  steps: RunbookStep[];
  ticked: Set<string>;
  onToggle: (stepId: string) => void;
  /** The boxes show the ticks but cannot be changed. */
  disabled?: boolean;
  /** A line under a step, by step id: who ticked it. */
  notes?: Record<string, ReactNode>;
}) => (
  <ol style={{ paddingLeft: 24, margin: 0 }}>
    {steps.map((step, index) => {
      const id = `${section}:${index}`;
      const done = ticked.has(id);
      const label = step.title ?? stepKind(step);
      return (
        <li key={id} style={{ marginBottom: 16 }}>
          <Box display="flex" alignItems="flex-start">
            <Checkbox
              className="reliability-no-print-checkbox"
              checked={done}
              disabled={disabled}
              onChange={() => onToggle(id)}
              inputProps={{
                'aria-label': `Done: ${section} step ${index + 1}`,
              }}
              size="small"
              style={{ marginTop: -6 }}
            />
            <Box flexGrow={1} minWidth={0} style={{ opacity: done ? 0.6 : 1 }}>
              <Typography variant="subtitle2">{label}</Typography>
              {step.run && (
                <CodeSnippet
                  text={step.run}
                  language="bash"
                  showCopyCodeButton
                />
              )}
              {step.verify && (
                <>
                  <CodeSnippet
                    text={step.verify}
                    language="bash"
                    showCopyCodeButton
                  />
                  {step.expect && (
                    <Typography variant="body2">
                      <b>Expected:</b> {step.expect}
                    </Typography>
                  )}
                </>
              )}
              {step.manual && <SafeMarkdown content={step.manual} />}
              {step.description && (
                <Typography
                  variant="body2"
                  color="textSecondary"
                  component="div"
                >
                  <SafeMarkdown content={step.description} />
                </Typography>
              )}
              {step.timeout && (
                <Typography variant="caption" color="textSecondary">
                  Escalate if this takes more than {step.timeout}.
                </Typography>
              )}
              {notes[id] && (
                <Typography
                  variant="caption"
                  color="textSecondary"
                  component="div"
                >
                  {notes[id]}
                </Typography>
              )}
            </Box>
          </Box>
        </li>
      );
    })}
  </ol>
);
