import {
  Content,
  Header,
  LinkButton,
  Page,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import { reliabilityPostmortemCreatePermission } from '@reliability-suite/plugin-reliability-common';
import Grid from '@material-ui/core/Grid';
import { POSTMORTEM_STATUSES } from '@reliability-suite/plugin-reliability-common';
import {
  type PostmortemFilter,
  reliabilityApiRef,
} from '../api/ReliabilityApi';
import { ListFilterBar, useListFilter } from '../shared/ListFilterBar';
import { ActionItemsTable } from './ActionItemsTable';
import { usePagedList } from '../components/ListPager';
import { PostmortemTable } from './PostmortemTable';
import { usePostmortemLinks } from './usePostmortemLinks';

/** `/reliability/postmortems`: postmortems across the catalog, and the open action items. */
export const PostmortemsPage = () => {
  const api = useApi(reliabilityApiRef);
  const links = usePostmortemLinks();
  const canCreate = usePermission({
    permission: reliabilityPostmortemCreatePermission,
  });
  const { draft, filter, set } = useListFilter<PostmortemFilter>();

  const postmortems = usePagedList(
    page => api.listPostmortems({ ...filter, ...page }),
    JSON.stringify(filter),
  );
  const items = usePagedList(page => api.listActionItems(page), '');

  return (
    <Page themeId="tool">
      <Header
        title="Postmortems"
        subtitle="What happened, what we learned, and what is left to do"
      />
      <Content>
        <Grid container spacing={2}>
          <Grid item xs={12}>
            <ListFilterBar
              idPrefix="pm-filter"
              statuses={POSTMORTEM_STATUSES}
              value={draft}
              onChange={set}
            >
              {canCreate.allowed && (
                <LinkButton
                  to={links.create()}
                  variant="contained"
                  color="primary"
                >
                  New postmortem
                </LinkButton>
              )}
            </ListFilterBar>
          </Grid>
          <Grid item xs={12}>
            {postmortems.loading && <Progress />}
            {postmortems.error && (
              <ResponseErrorPanel error={postmortems.error} />
            )}
            {postmortems.value && (
              <PostmortemTable
                postmortems={postmortems.value.items}
                position={postmortems.position}
              />
            )}
          </Grid>
          <Grid item xs={12}>
            {items.error && <ResponseErrorPanel error={items.error} />}
            {items.value && (
              <ActionItemsTable
                items={items.value.items}
                position={items.position}
              />
            )}
          </Grid>
        </Grid>
      </Content>
    </Page>
  );
};
