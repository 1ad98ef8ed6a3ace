import {
  Content,
  Header,
  InfoCard,
  Page,
  Progress,
  ResponseErrorPanel,
  WarningPanel,
} from '@backstage/core-components';
import { alertApiRef, useApi } from '@backstage/core-plugin-api';
import { EntityRefLinks } from '@backstage/plugin-catalog-react';
import { usePermission } from '@backstage/plugin-permission-react';
import type { ResponseError } from '@backstage/errors';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import {
  isActionItemOverdue,
  type Postmortem,
  type PostmortemContent,
  reliabilityPostmortemPublishPermission,
  reliabilityPostmortemUpdatePermission,
} from '@reliability-suite/plugin-reliability-common';
import { type ReactNode, useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { reliabilityApiRef } from '../api/ReliabilityApi';
import { SafeMarkdown } from '../runbooks/SafeMarkdown';
import { SeverityChip } from '../runbooks/SeverityChip';
import { useSeverities } from '../runbooks/useSeverities';
import { ActionItemsTable } from './ActionItemsTable';
import { PRINT_CSS, PrintableSection } from '../components/PrintableSection';
import {
  contentOf,
  emptyPostmortem,
  PostmortemEditor,
} from './PostmortemEditor';
import { StatusChip } from './StatusChip';
import { usePostmortemLinks } from './usePostmortemLinks';

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
            <Typography variant="body2">
              v{entry.version} · {new Date(entry.at).toLocaleString()} ·{' '}
              {entry.actor} · {entry.action}
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

/** The readable (and printable) view of a postmortem. */
export const PostmortemView = ({
  postmortem: pm,
}: {
  postmortem: Postmortem;
}) => {
  const severities = useSeverities();
  const when = (iso?: string) => (iso ? new Date(iso).toLocaleString() : '—');
  const today = new Date().toISOString().slice(0, 10);
  return (
    <Grid container spacing={2}>
      <style>{PRINT_CSS}</style>
      <Grid item xs={12}>
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
              <Typography variant="body2">Owner: {pm.owner}</Typography>
            )}
            <Typography variant="body2">
              Authors: {pm.authors.join(', ') || '—'}
            </Typography>
          </Box>
          <Box mt={1}>
            <Typography variant="body2" component="div">
              Affected:{' '}
              <EntityRefLinks
                entityRefs={pm.entityRefs}
                defaultKind="component"
              />
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
              Time to detect: {pm.timeToDetectMinutes ?? '—'} min · time to
              resolve: {pm.timeToResolveMinutes ?? '—'} min
              {pm.usersAffected !== undefined
                ? ` · users affected: ${pm.usersAffected}`
                : ''}
              {pm.slaBreached ? ' · SLA breached' : ''}
            </Typography>
            <Typography variant="caption" color="textSecondary">
              Version {pm.version} · updated {when(pm.updatedAt)} by{' '}
              {pm.updatedBy}
              {pm.publishedAt ? ` · published ${when(pm.publishedAt)}` : ''}
            </Typography>
          </Box>
        </InfoCard>
      </Grid>
      <PrintableSection title="Milestones (UTC)">
        <Typography variant="body2" component="div">
          {(
            [
              'started',
              'detected',
              'acknowledged',
              'mitigated',
              'resolved',
            ] as const
          ).map(m => (
            <div key={m}>
              <b>{m}</b>: {pm.milestones[m] ?? '—'}
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
                  <code>{t.at}</code> {t.event}
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

/** `/reliability/postmortems/:id` (view, edit, publish) and `/reliability/postmortems/new`. */
export const PostmortemPage = () => {
  const { id } = useParams();
  const isNew = id === undefined || id === 'new';
  const [search] = useSearchParams();
  const api = useApi(reliabilityApiRef);
  const alertApi = useApi(alertApiRef);
  const navigate = useNavigate();
  const links = usePostmortemLinks();
  const severities = useSeverities();
  const [draft, setDraft] = useState<PostmortemContent | undefined>(
    isNew ? emptyPostmortem(search.get('entityRef') ?? undefined) : undefined,
  );
  // The version the open form was started from: what a save is based on.
  const [baseVersion, setBaseVersion] = useState<number | undefined>();
  const [saveError, setSaveError] = useState<Error | undefined>();
  const [conflict, setConflict] = useState(false);
  const [saving, setSaving] = useState(false);

  const loaded = useAsyncRetry(
    async () => (isNew ? undefined : api.getPostmortem(id!)),
    [api, id, isNew],
  );
  const pm = loaded.value;
  const canEdit = usePermission({
    permission: reliabilityPostmortemUpdatePermission,
    resourceRef: pm?.id,
  });
  const canPublish = usePermission({
    permission: reliabilityPostmortemPublishPermission,
    resourceRef: pm?.id,
  });

  const save = async (content: PostmortemContent) => {
    setSaving(true);
    setSaveError(undefined);
    setConflict(false);
    try {
      if (isNew) {
        const created = await api.createPostmortem(contentOf(content));
        alertApi.post({
          message: 'Postmortem created',
          severity: 'success',
          display: 'transient',
        });
        setDraft(undefined);
        navigate(links.view(created.id));
        return;
      }
      await api.updatePostmortem(
        pm!.id,
        baseVersion ?? pm!.version,
        contentOf(content),
      );
      alertApi.post({
        message: 'Postmortem saved',
        severity: 'success',
        display: 'transient',
      });
      setDraft(undefined);
      setBaseVersion(undefined);
      loaded.retry();
    } catch (e) {
      // A ResponseError from the client; 409: someone saved a newer version.
      if ((e as ResponseError)?.statusCode === 409) {
        setConflict(true); // the edits stay in the form
        if (!draft) loaded.retry(); // a publish or review click: show the newer version
      } else {
        setSaveError(e as Error);
      }
    } finally {
      setSaving(false);
    }
  };

  let body: ReactNode;
  if (loaded.loading && !pm) body = <Progress />;
  else if (loaded.error) body = <ResponseErrorPanel error={loaded.error} />;
  else if (draft) {
    body = (
      <>
        {conflict && (
          <Box mb={2}>
            <WarningPanel
              severity="error"
              defaultExpanded
              title="Someone else saved this postmortem after you opened it"
              message="Nothing was overwritten, and your edits are still in the form. Copy what you need, load their version, and apply your change again."
            >
              <Button
                variant="outlined"
                onClick={() => {
                  setDraft(undefined);
                  setBaseVersion(undefined);
                  setConflict(false);
                  loaded.retry();
                }}
              >
                Load the latest version (discard my edits)
              </Button>
            </WarningPanel>
          </Box>
        )}
        {saveError && (
          <Box mb={2}>
            <ResponseErrorPanel error={saveError} />
          </Box>
        )}
        {/* Nothing typed while a save is under way can be lost: the form waits. */}
        <fieldset
          disabled={saving}
          style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}
        >
          <PostmortemEditor
            value={draft}
            onChange={setDraft}
            severities={severities}
          />
        </fieldset>
        <Box mt={2} display="flex" style={{ gap: 8 }}>
          <Button
            variant="contained"
            color="primary"
            disabled={saving}
            onClick={() => save(draft)}
          >
            {isNew ? 'Create postmortem' : 'Save'}
          </Button>
          {!isNew && (
            <Button
              onClick={() => {
                setDraft(undefined);
                setBaseVersion(undefined);
              }}
              disabled={saving}
            >
              Cancel
            </Button>
          )}
        </Box>
      </>
    );
  } else if (pm) {
    body = (
      <>
        <Box
          mb={2}
          display="flex"
          style={{ gap: 8 }}
          className="reliability-no-print"
        >
          {canEdit.allowed && (
            <Button
              variant="outlined"
              onClick={() => {
                setBaseVersion(pm.version);
                setDraft(contentOf(pm));
              }}
            >
              Edit
            </Button>
          )}
          {canEdit.allowed &&
            canPublish.allowed &&
            pm.status !== 'published' && (
              <Button
                variant="contained"
                color="primary"
                disabled={saving}
                onClick={() => save({ ...contentOf(pm), status: 'published' })}
              >
                Publish
              </Button>
            )}
          {canEdit.allowed && pm.status === 'draft' && (
            <Button
              variant="outlined"
              disabled={saving}
              onClick={() => save({ ...contentOf(pm), status: 'in-review' })}
            >
              Ask for review
            </Button>
          )}
          <Button variant="outlined" onClick={() => window.print()}>
            Print
          </Button>
        </Box>
        {saveError && (
          <Box mb={2}>
            <ResponseErrorPanel error={saveError} />
          </Box>
        )}
        {conflict && (
          <Box mb={2}>
            <WarningPanel
              severity="error"
              title="Someone else saved this postmortem meanwhile: reload and try again"
            />
          </Box>
        )}
        <PostmortemView postmortem={pm} />
      </>
    );
  }

  return (
    <Page themeId="tool">
      <Header
        title={isNew ? 'New postmortem' : pm?.title ?? 'Postmortem'}
        type="Postmortem"
      />
      <Content>{body}</Content>
    </Page>
  );
};
