import {
  Content,
  Header,
  Page,
  Progress,
  ResponseErrorPanel,
  WarningPanel,
} from '@backstage/core-components';
import { alertApiRef, useApi } from '@backstage/core-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import type { ResponseError } from '@backstage/errors';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import {
  type PostmortemContent,
  type PostmortemContentInput,
  reliabilityPostmortemPublishPermission,
  reliabilityPostmortemUpdatePermission,
} from '@reliability-suite/plugin-reliability-common';
import { type ReactNode, useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { reliabilityApiRef } from '../api/ReliabilityApi';
import { useSeverities } from '../shared/useSeverities';
import { contentOf, emptyPostmortem } from './form/content';
import { PostmortemForm } from './form/PostmortemForm';
import { PostmortemView } from './PostmortemView';
import { usePostmortemLinks } from './usePostmortemLinks';

export { PostmortemView };

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
  // The content the open form started from; undefined when not editing.
  const [draft, setDraft] = useState<PostmortemContentInput | undefined>(
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
        const created = await api.createPostmortem(content);
        alertApi.post({
          message: 'Postmortem created',
          severity: 'success',
          display: 'transient',
        });
        setDraft(undefined);
        navigate(links.view(created.id));
        return;
      }
      await api.updatePostmortem(pm!.id, baseVersion ?? pm!.version, content);
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
        <PostmortemForm
          initial={draft}
          severities={severities}
          saving={saving}
          submitLabel={isNew ? 'Create postmortem' : 'Save'}
          onSubmit={save}
          onCancel={
            isNew
              ? undefined
              : () => {
                  setDraft(undefined);
                  setBaseVersion(undefined);
                }
          }
        />
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
