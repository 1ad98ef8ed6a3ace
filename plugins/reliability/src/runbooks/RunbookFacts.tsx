import { InfoCard, WarningPanel } from '@backstage/core-components';
import { EntityRefLinks } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Chip from '@material-ui/core/Chip';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import type { RunbookDetails } from '@reliability-suite/plugin-reliability-common';
import { OwnerLink } from '../components/OwnerLink';
import { relativeTime, Timestamp } from '../components/Timestamp';
import { FreshnessStatus } from './FreshnessStatus';
import { SeverityChip } from '../shared/SeverityChip';
import { useSeverities } from '../shared/useSeverities';

/** Whether a link can be opened in the browser (http or https). */
export const isWebUrl = (url: string) => /^https?:\/\//i.test(url);

/** Why this copy may not be the newest: a failed read, or errors in Git. */
export const RunbookBanners = ({ runbook }: { runbook: RunbookDetails }) => (
  <>
    {runbook.syncError && (
      <Grid item xs={12}>
        <WarningPanel
          severity="warning"
          title={`This copy is older than the last failed read of its source (${relativeTime(
            runbook.syncError.at,
          )})`}
          message={
            <>
              It was read <Timestamp value={runbook.lastSyncedAt} />. The read
              failed: {runbook.syncError.message}
            </>
          }
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
  </>
);

/** Severity, response target, owner, what it serves, where it comes from. */
export const RunbookFacts = ({
  runbook,
  checklistDone,
  onClearChecklist,
}: {
  runbook: RunbookDetails;
  checklistDone: number;
  onClearChecklist: () => void;
}) => {
  const severities = useSeverities();
  const { spec } = runbook.document;
  const level = severities.find(s => s.id === runbook.severity);
  return (
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
          <Typography variant="body2" component="div">
            Owner: <OwnerLink owner={spec.owner} />
          </Typography>
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
          Last synced <Timestamp value={runbook.lastSyncedAt} />
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
        <Button variant="outlined" size="small" onClick={() => window.print()}>
          Print
        </Button>
        <Button
          variant="outlined"
          size="small"
          onClick={onClearChecklist}
          disabled={checklistDone === 0}
        >
          Clear checklist ({checklistDone} done)
        </Button>
      </Box>
    </InfoCard>
  );
};
