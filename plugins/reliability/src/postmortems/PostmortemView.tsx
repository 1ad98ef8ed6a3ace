import { InfoCard } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { EntityRefLinks } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import {
  isActionItemOverdue,
  POSTMORTEM_MILESTONES,
  type Postmortem,
} from '@reliability-suite/plugin-reliability-common';
import useAsync from 'react-use/esm/useAsync';
import { reliabilityApiRef } from '../api/ReliabilityApi';
import { PRINT_CSS, PrintableSection } from '../components/PrintableSection';
import { Timestamp } from '../components/Timestamp';
import { SafeMarkdown } from '../shared/SafeMarkdown';
import { SeverityChip } from '../shared/SeverityChip';
import { useSeverities } from '../shared/useSeverities';
import { ActionItemsTable } from './ActionItemsTable';
import { StatusChip } from './StatusChip';

const List = ({ items }: { items: string[] }) =>
  items.length ? (
    <ul>
      {items.map((i, n) => (
        <li key={n}>
          <SafeMarkdown content={i} />
        </li>
      ))}
    </ul>
  ) : (
    <Typography variant="body2" color="textSecondary">
      —
    </Typography>
  );

// Who changed what, and when: the audit trail, newest first.
const PostmortemHistory = ({
  id,
  version,
}: {
  id: string;
  version: number;
}) => {
  const api = useApi(reliabilityApiRef);
  const { value } = useAsync(
    () => api.getPostmortemAudit(id),
    [api, id, version],
  );
  if (!value || value.length === 0) return null;
  return (
    <PrintableSection title="History">
      <ul>
        {[...value].reverse().map(entry => (
          <li key={`${entry.version}-${entry.action}`}>
            <Typography variant="body2" component="div">
              v{entry.version} · <Timestamp value={entry.at} /> ·{' '}
              <EntityRefLinks entityRefs={[entry.actor]} defaultKind="user" /> ·{' '}
              {entry.action}
              {entry.fields.length > 0 && entry.action === 'update'
                ? `: ${entry.fields.join(', ')}`
                : ''}
            </Typography>
          </li>
        ))}
      </ul>
    </PrintableSection>
  );
};

// Severity, status, people and figures: the card at the top.
const PostmortemFacts = ({ pm }: { pm: Postmortem }) => {
  const severities = useSeverities();
  return (
    <InfoCard>
      <Box
        display="flex"
        flexWrap="wrap"
        alignItems="center"
        style={{ gap: 12 }}
      >
        <SeverityChip severity={pm.severity} levels={severities} />
        <StatusChip status={pm.status} />
        {pm.category && (
          <Typography variant="body2">Category: {pm.category}</Typography>
        )}
        {pm.owner && (
          <Typography variant="body2" component="div">
            Owner:{' '}
            <EntityRefLinks entityRefs={[pm.owner]} defaultKind="group" />
          </Typography>
        )}
        <Typography variant="body2" component="div">
          Authors:{' '}
          {pm.authors.length ? (
            <EntityRefLinks entityRefs={pm.authors} defaultKind="user" />
          ) : (
            '—'
          )}
        </Typography>
      </Box>
      <Box mt={1}>
        <Typography variant="body2" component="div">
          Affected:{' '}
          <EntityRefLinks entityRefs={pm.entityRefs} defaultKind="component" />
        </Typography>
        {pm.alerts.length > 0 && (
          <Typography variant="body2">
            Alerts: {pm.alerts.join(', ')}
          </Typography>
        )}
        {pm.runbooks.length > 0 && (
          <Typography variant="body2">
            Runbooks used: {pm.runbooks.join(', ')}
          </Typography>
        )}
        <Typography variant="body2">
          Time to detect: {pm.timeToDetectMinutes ?? '—'} min · time to resolve:{' '}
          {pm.timeToResolveMinutes ?? '—'} min
          {pm.usersAffected !== undefined
            ? ` · users affected: ${pm.usersAffected}`
            : ''}
          {pm.slaBreached ? ' · SLA breached' : ''}
        </Typography>
        <Typography variant="caption" color="textSecondary" component="div">
          Version {pm.version} · updated <Timestamp value={pm.updatedAt} /> by{' '}
          <EntityRefLinks entityRefs={[pm.updatedBy]} defaultKind="user" />
          {pm.publishedAt && (
            <>
              {' '}
              · published <Timestamp value={pm.publishedAt} />
            </>
          )}
        </Typography>
      </Box>
    </InfoCard>
  );
};

/** The readable (and printable) view of a postmortem. */
export const PostmortemView = ({
  postmortem: pm,
}: {
  postmortem: Postmortem;
}) => {
  const today = new Date().toISOString().slice(0, 10);
  return (
    <Grid container spacing={2}>
      <style>{PRINT_CSS}</style>
      <Grid item xs={12}>
        <PostmortemFacts pm={pm} />
      </Grid>
      <PrintableSection title="Milestones">
        <Typography variant="body2" component="div">
          {POSTMORTEM_MILESTONES.map(m => (
            <div key={m}>
              <b>{m}</b>:{' '}
              <Timestamp value={pm.milestones[m]} relative={false} />
            </div>
          ))}
        </Typography>
      </PrintableSection>
      {[
        ['Summary', pm.summary],
        ['Impact', pm.impact],
        ['Detection', pm.detection],
        ['Trigger', pm.trigger],
        ['Resolution', pm.resolution],
      ]
        .filter(([, v]) => v)
        .map(([title, v]) => (
          <PrintableSection key={title} title={title!}>
            <SafeMarkdown content={v!} />
          </PrintableSection>
        ))}
      <PrintableSection title="Root causes and contributing factors">
        <Typography variant="subtitle2">Root causes</Typography>
        <List items={pm.rootCauses} />
        <Typography variant="subtitle2">Contributing factors</Typography>
        <List items={pm.contributingFactors} />
      </PrintableSection>
      <PrintableSection title="Lessons">
        <Typography variant="subtitle2">What went well</Typography>
        <List items={pm.lessons.wentWell} />
        <Typography variant="subtitle2">What went wrong</Typography>
        <List items={pm.lessons.wentWrong} />
        <Typography variant="subtitle2">Where we got lucky</Typography>
        <List items={pm.lessons.gotLucky} />
      </PrintableSection>
      <PrintableSection title="Timeline">
        {pm.timeline.length === 0 ? (
          <Typography variant="body2" color="textSecondary">
            —
          </Typography>
        ) : (
          <ul>
            {[...pm.timeline]
              .sort((a, b) => a.at.localeCompare(b.at))
              .map((t, i) => (
                <li key={i}>
                  <Timestamp value={t.at} relative={false} /> {t.event}
                </li>
              ))}
          </ul>
        )}
      </PrintableSection>
      <PostmortemHistory id={pm.id} version={pm.version} />
      <Grid item xs={12} className="reliability-section">
        <ActionItemsTable
          title="Action items"
          items={pm.actionItems.map(i => ({
            ...i,
            postmortemId: pm.id,
            postmortemTitle: pm.title,
            overdue: isActionItemOverdue(i, today),
          }))}
        />
      </Grid>
    </Grid>
  );
};
