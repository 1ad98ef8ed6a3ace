import { InfoCard, Link } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import type {
  RunbookIndexStatus,
  RunbookProblem,
} from '@reliability-suite/plugin-reliability-common';
import type { ReactNode } from 'react';
import { Timestamp } from '../components/Timestamp';

function fileLink(problem: RunbookProblem) {
  const where =
    problem.line > 0
      ? `${problem.file}:${problem.line}:${problem.column}`
      : problem.file;
  return /^https?:\/\//i.test(problem.file) ? (
    <Link to={problem.file} target="_blank" rel="noopener noreferrer">
      {where}
    </Link>
  ) : (
    <code>{where}</code>
  );
}

// A document naming an entity its location may not speak for: said with
// the entity's title, not its ref (the message, with refs, is the API's).
const Refused = ({ problem }: { problem: RunbookProblem }) => (
  <>
    {problem.runbook ? <b>{problem.runbook}</b> : 'A document'} names{' '}
    <EntityRefLink entityRef={problem.entityRef!} />, which its location may not
    speak for (another owner's): it was left out. Its owner can allow it with
    the <code>reliability.io/runbooks-from</code> annotation.
  </>
);

/** Sync state of the entity's runbook locations, and what the index found wrong. */
export const IndexProblems = ({
  status,
  action,
}: {
  status: RunbookIndexStatus;
  action?: ReactNode;
}) => {
  const errors = status.problems.filter(p => p.severity === 'error').length;
  const warnings = status.problems.length - errors;
  return (
    <InfoCard
      title="Runbook index"
      subheader={`${errors} error(s), ${warnings} warning(s)`}
      action={action}
    >
      {status.locations.map(l => (
        <Typography key={l.id} variant="body2" gutterBottom>
          <b>Source</b> <code>{l.target}</code>
          {l.lastSuccessAt && (
            <>
              {' '}
              · last read <Timestamp value={l.lastSuccessAt} />
            </>
          )}
          {l.revision && ` · revision ${l.revision.slice(0, 12)}`}
          {l.lastError && (
            <Typography
              component="span"
              variant="body2"
              color="error"
              display="block"
            >
              Last attempt <Timestamp value={l.lastAttemptAt} /> failed:{' '}
              {l.lastError}
            </Typography>
          )}
        </Typography>
      ))}
      {status.problems.length > 0 && (
        <List dense>
          {status.problems.map((p, i) => (
            <ListItem key={i} divider>
              <ListItemText
                primary={
                  <>
                    <Typography
                      component="span"
                      variant="body2"
                      color={p.severity === 'error' ? 'error' : 'textSecondary'}
                      style={{ fontWeight: 600, marginRight: 8 }}
                    >
                      {p.severity}
                    </Typography>
                    {p.entityRef ? <Refused problem={p} /> : p.message}
                  </>
                }
                secondary={fileLink(p)}
              />
            </ListItem>
          ))}
        </List>
      )}
    </InfoCard>
  );
};
