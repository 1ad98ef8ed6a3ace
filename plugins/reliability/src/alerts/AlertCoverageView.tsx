import { Link, Table, type TableColumn } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import { EntityRefLinks } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import {
  RUNBOOK_FOLDER_RULE_SOURCE,
  type AlertCoverage,
  AlertCoverageEntry,
  AlertRuleFigures,
  CoverageRunbook,
  RunbookUrlVerdict,
} from '@reliability-suite/plugin-reliability-common';
import { Timestamp } from '../components/Timestamp';
import { rootRouteRef } from '../routes';

/** What a rule's `runbook_url` leads to, in words. */
export const LINK_WORDS: Record<RunbookUrlVerdict, string> = {
  runbook: 'runbook in the portal',
  'dead-link': 'dead link into the portal',
  foreign: 'links elsewhere',
  missing: 'no runbook_url',
};

const RunbookLinks = ({ runbooks }: { runbooks: CoverageRunbook[] }) => {
  const root = useRouteRef(rootRouteRef)();
  if (!runbooks.length) return <>—</>;
  return (
    <>
      {runbooks.map((r, i) => (
        <span key={`${r.namespace}/${r.name}`}>
          {i > 0 && ', '}
          <Link
            to={`${root}/runbooks/${encodeURIComponent(
              r.namespace,
            )}/${encodeURIComponent(r.name)}`}
          >
            {r.title}
          </Link>
        </span>
      ))}
    </>
  );
};

const LinkVerdict = ({ alert }: { alert: AlertCoverageEntry }) => {
  const { link } = alert;
  const bad = !alert.covered && (link === 'dead-link' || link === 'foreign');
  return (
    <Box display="flex" flexDirection="column" alignItems="flex-start">
      <Chip
        size="small"
        label={LINK_WORDS[link]}
        color={bad ? 'secondary' : 'default'}
        variant={link === 'runbook' ? 'default' : 'outlined'}
      />
      {alert.rule.runbookUrl && link !== 'runbook' && (
        <Typography variant="caption" style={{ wordBreak: 'break-all' }}>
          {alert.rule.runbookUrl}
        </Typography>
      )}
    </Box>
  );
};

/** How often a rule fired into incidents, how often for nothing, how fast it was acknowledged. */
export const RuleFigures = ({ figures }: { figures?: AlertRuleFigures }) => {
  if (!figures) return <>—</>;
  const judged = figures.actionable + figures.noise + figures.duplicate;
  const parts = [`fired ${figures.fired}×`];
  if (judged > 0) parts.push(`noise ${figures.noise} of ${judged}`);
  if (figures.duplicate > 0) parts.push(`duplicate ${figures.duplicate}`);
  if (figures.medianMinutesToAcknowledge !== undefined) {
    parts.push(
      `acknowledged in ${figures.medianMinutesToAcknowledge} min (median)`,
    );
  }
  return (
    <Typography
      variant="caption"
      component="span"
      // Mostly noise: what to look at first.
      style={figures.noise > figures.actionable ? { fontWeight: 700 } : {}}
    >
      {parts.join(' · ')}
    </Typography>
  );
};

/**
 * The alerts of a coverage answer, those no runbook answers first: each with
 * its runbooks, where its `runbook_url` leads and where it is written.
 */
export const AlertCoverageTable = ({
  title,
  alerts,
  showOwners = false,
  figures,
}: {
  title: string;
  alerts: AlertCoverageEntry[];
  showOwners?: boolean;
  /** Each rule's figures from the incidents, by alert name. */
  figures?: Map<string, AlertRuleFigures>;
}) => {
  const columns: TableColumn<AlertCoverageEntry>[] = [
    {
      title: 'Alert',
      field: 'rule.name',
      render: a => (
        <>
          <Typography variant="body2">
            <strong>{a.rule.name}</strong>
          </Typography>
          {a.rule.summary && (
            <Typography variant="caption" color="textSecondary">
              {a.rule.summary}
            </Typography>
          )}
        </>
      ),
    },
    {
      title: 'Runbook',
      render: a =>
        a.covered ? (
          <RunbookLinks runbooks={a.runbooks} />
        ) : (
          <Chip size="small" color="secondary" label="none" />
        ),
    },
    { title: 'runbook_url', render: a => <LinkVerdict alert={a} /> },
    ...(figures
      ? [
          {
            title: 'In incidents',
            render: (a: AlertCoverageEntry) => (
              <RuleFigures figures={figures.get(a.rule.name)} />
            ),
          },
        ]
      : []),
    ...(showOwners
      ? [
          {
            title: 'Owner',
            render: (a: AlertCoverageEntry) =>
              a.owners.length ? (
                <EntityRefLinks entityRefs={a.owners} defaultKind="group" />
              ) : (
                '—'
              ),
          },
        ]
      : []),
    {
      title: 'Rule',
      render: a => (
        <Typography variant="caption">
          {a.rule.group}
          {a.rule.file &&
            ` · ${a.rule.file}${a.rule.line ? `:${a.rule.line}` : ''}`}
          {/* A runbook folder's source is named by its file already. */}
          {a.source.startsWith(RUNBOOK_FOLDER_RULE_SOURCE)
            ? ''
            : ` · ${a.source}`}
        </Typography>
      ),
    },
  ];
  const data = [...alerts].sort(
    (x, y) =>
      Number(x.covered) - Number(y.covered) ||
      x.rule.name.localeCompare(y.rule.name),
  );
  return (
    <Table
      title={title}
      options={{
        paging: data.length > 20,
        pageSize: 20,
        padding: 'dense',
        search: data.length > 20,
      }}
      columns={columns}
      data={data}
    />
  );
};

/** Each rule source's last read, and its error while it fails. */
export const RuleSources = ({ coverage }: { coverage: AlertCoverage }) => (
  <Box mb={1}>
    {coverage.sources.map(source => (
      <Typography
        key={source.id}
        variant="body2"
        color={source.lastError ? 'error' : 'textSecondary'}
      >
        {source.entityRef ? (
          <>
            Rule files in the runbook folder <code>{source.target}</code> of{' '}
            <EntityRefLinks
              entityRefs={[source.entityRef]}
              defaultKind="component"
            />
          </>
        ) : (
          source.id
        )}
        :{' '}
        {source.lastError ? (
          <>
            the last read failed ({source.lastError}); the rules read{' '}
            <Timestamp value={source.lastSuccessAt} /> are shown
          </>
        ) : (
          <>
            {source.rules ?? 0} alerting rule(s), read{' '}
            <Timestamp value={source.lastSuccessAt} />
          </>
        )}
      </Typography>
    ))}
  </Box>
);

/** Runbook triggers that no rule of any source fires. */
export const DeadTriggers = ({ coverage }: { coverage: AlertCoverage }) => {
  if (!coverage.deadTriggers.length) return null;
  return (
    <Box mt={2}>
      <Typography variant="subtitle2">
        Runbooks for alerts no rule fires ({coverage.deadTriggers.length})
      </Typography>
      {coverage.deadTriggers.map(t => (
        <Typography
          variant="body2"
          key={`${t.runbook.namespace}/${t.runbook.name}/${
            t.alertName
          }/${JSON.stringify(t.labels ?? {})}`}
        >
          <RunbookLinks runbooks={[t.runbook]} /> answers{' '}
          <code>{t.alertName}</code>
          {t.labels && Object.keys(t.labels).length
            ? ` (${Object.entries(t.labels)
                .map(([k, v]) => `${k}=${v}`)
                .join(', ')})`
            : ''}
          , which no rule of any source fires
        </Typography>
      ))}
    </Box>
  );
};

/** "4 of 6 alerts have a runbook". */
export const coverageLine = (coverage: AlertCoverage) => {
  const { alerts, covered, badLinks } = coverage.totals;
  if (!alerts)
    return 'No alerting rule of the configured sources is about this.';
  return `${covered} of ${alerts} alert(s) have a runbook (${Math.round(
    (100 * covered) / alerts,
  )}%)${badLinks ? `; ${badLinks} link(s) elsewhere or into nothing` : ''}.`;
};

/** Sources, the alerts and the dead triggers of one coverage answer. */
export const AlertCoverageView = ({
  coverage,
  showOwners,
  figures,
}: {
  coverage: AlertCoverage;
  showOwners?: boolean;
  figures?: AlertRuleFigures[];
}) => {
  if (!coverage.sources.length) {
    return (
      <Typography variant="body2">
        No alert rules are read. Name rule files in{' '}
        <code>reliability.alerts.ruleFiles</code>, a Prometheus rules API in{' '}
        <code>reliability.alerts.prometheus</code>, or keep rule files beside
        the runbooks with{' '}
        <code>reliability.alerts.ruleFilesInRunbookFolders</code>, and each
        alert is checked against the runbooks.
      </Typography>
    );
  }
  return (
    <>
      <RuleSources coverage={coverage} />
      <Typography variant="body1" gutterBottom>
        {coverageLine(coverage)}
      </Typography>
      {coverage.alerts.length > 0 && (
        <AlertCoverageTable
          title="Alerting rules"
          alerts={coverage.alerts}
          showOwners={showOwners}
          figures={figures && new Map(figures.map(f => [f.alertName, f]))}
        />
      )}
      <DeadTriggers coverage={coverage} />
    </>
  );
};
