import { InfoCard, Link } from '@backstage/core-components';
import { EntityRefLinks } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import {
  ALERT_VERDICTS,
  type AlertVerdict,
  formatAge,
  type Incident,
  type SeverityLevel,
  VERDICT_WORDS,
} from '@reliability-suite/plugin-reliability-common';
import type { ReactNode } from 'react';
import { Timestamp } from '../components/Timestamp';
import { usePostmortemLinks } from '../postmortems/usePostmortemLinks';
import { SeverityChip } from '../shared/SeverityChip';
import { useRunbookLinks } from '../runbooks/useRunbookLinks';
import { IncidentStatusChip } from './IncidentStatusChip';

const Fact = ({ label, children }: { label: string; children: ReactNode }) => (
  <Box mb={1}>
    <Typography variant="caption" color="textSecondary" component="div">
      {label}
    </Typography>
    <Typography variant="body2" component="div">
      {children}
    </Typography>
  </Box>
);

/**
 * What the commander needs first: severity, status, who leads, how long it
 * has run against the severity's response target, when the next status
 * update is due, the alerts, the links.
 */
export const IncidentFacts = ({
  incident,
  severities,
  now = Date.now(),
  onJudge,
}: {
  incident: Incident;
  severities: SeverityLevel[];
  now?: number;
  /** Says what an alert was; absent for those who may not. */
  onJudge?: (fingerprint: string, verdict: AlertVerdict | null) => void;
}) => {
  const pmLinks = usePostmortemLinks();
  const runbookLinks = useRunbookLinks();
  const level = severities.find(s => s.id === incident.severity);
  const end = incident.milestones.resolved ?? incident.milestones.mitigated;
  const elapsed =
    ((end ? Date.parse(end) : now) - Date.parse(incident.milestones.started)) /
    1000;
  const acked = incident.milestones.acknowledged;
  const toAck = acked
    ? (Date.parse(acked) - Date.parse(incident.milestones.started)) / 60_000
    : undefined;
  const late =
    level?.responseMinutes !== undefined &&
    (toAck ?? elapsed / 60) > level.responseMinutes;
  return (
    <InfoCard title={`${incident.reference}: ${incident.title}`}>
      <Box display="flex" style={{ gap: 8 }} mb={2}>
        <SeverityChip severity={incident.severity} levels={severities} />
        <IncidentStatusChip status={incident.status} />
      </Box>
      <Fact label="Commander">
        {incident.commander ? (
          <EntityRefLinks
            entityRefs={[incident.commander]}
            defaultKind="user"
          />
        ) : (
          <Typography color="error" variant="body2">
            Nobody leads it yet: assign a commander
          </Typography>
        )}
      </Fact>
      {incident.imported && (
        <Fact label="Imported">
          From another tool ({incident.imported.externalId}) by{' '}
          {/^(user|group):/.test(incident.imported.by) ? (
            <EntityRefLinks
              entityRefs={[incident.imported.by]}
              defaultKind="user"
            />
          ) : (
            incident.imported.by
          )}
          : the people its history names did not record it here
        </Fact>
      )}
      <Fact label={end ? 'Lasted' : 'Running for'}>
        {formatAge(Math.max(0, elapsed)) || 'under a minute'} — started{' '}
        <Timestamp value={incident.milestones.started} />
      </Fact>
      {level && (
        <Fact label="Response target">
          <span
            style={late ? { color: '#c62828', fontWeight: 600 } : undefined}
          >
            {level.responseTarget}
            {acked
              ? `; acknowledged after ${
                  formatAge(Math.max(0, (toAck ?? 0) * 60)) || 'under a minute'
                }`
              : '; not acknowledged yet'}
            {late ? ' (missed)' : ''}
          </span>
        </Fact>
      )}
      {incident.statusUpdateDueAt && (
        <Fact label="Next status update due">
          <Timestamp value={incident.statusUpdateDueAt} />
        </Fact>
      )}
      <Fact label="Affects">
        {incident.entityRefs.length ? (
          <EntityRefLinks
            entityRefs={incident.entityRefs}
            defaultKind="component"
          />
        ) : (
          '—'
        )}
      </Fact>
      {incident.alerts.length > 0 && (
        <Fact label="Alerts">
          {incident.alerts.map(a => (
            <div key={a.fingerprint}>
              <Link to={runbookLinks.alert(a.alertName)}>{a.alertName}</Link>{' '}
              {a.status} since{' '}
              <Timestamp
                value={a.status === 'firing' ? a.startsAt : a.endsAt}
              />
              {onJudge ? (
                <>
                  {' '}
                  <select
                    aria-label={`What ${a.alertName} was`}
                    value={a.verdict ?? ''}
                    onChange={e =>
                      onJudge(
                        a.fingerprint,
                        (e.target.value || null) as AlertVerdict | null,
                      )
                    }
                  >
                    <option value="">not judged</option>
                    {ALERT_VERDICTS.map(v => (
                      <option key={v} value={v}>
                        {VERDICT_WORDS[v]}
                      </option>
                    ))}
                  </select>
                </>
              ) : (
                a.verdict && ` · ${VERDICT_WORDS[a.verdict]}`
              )}
            </div>
          ))}
        </Fact>
      )}
      {incident.links.length > 0 && (
        <Fact label="Links">
          {incident.links.map(l => (
            <div key={l.url}>
              <Link to={l.url}>{l.title ?? `${l.kind}: ${l.url}`}</Link>
            </div>
          ))}
        </Fact>
      )}
      {incident.postmortemId && (
        <Fact label="Postmortem">
          <Link to={pmLinks.view(incident.postmortemId)}>
            Open the postmortem
          </Link>
        </Fact>
      )}
    </InfoCard>
  );
};
