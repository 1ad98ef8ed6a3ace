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
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import TextField from '@material-ui/core/TextField';
import { POSTMORTEM_STATUSES } from '@reliability-suite/plugin-reliability-common';
import { useState } from 'react';
import {
  type PostmortemFilter,
  reliabilityApiRef,
} from '../api/ReliabilityApi';
import { useSeverities } from '../runbooks/useSeverities';
import { ActionItemsTable } from './ActionItemsTable';
import { ALL, FilterSelect } from '../components/FilterSelect';
import { usePagedList } from '../components/ListPager';
import { PostmortemTable } from './PostmortemTable';
import { usePostmortemLinks } from './usePostmortemLinks';

/** `/reliability/postmortems`: postmortems across the catalog, and the open action items. */
export const PostmortemsPage = () => {
  const api = useApi(reliabilityApiRef);
  const severities = useSeverities();
  const links = usePostmortemLinks();
  const canCreate = usePermission({
    permission: reliabilityPostmortemCreatePermission,
  });
  const [filter, setFilter] = useState<PostmortemFilter>({});
  const set = (key: keyof PostmortemFilter, value: string) =>
    setFilter(f => ({ ...f, [key]: value || undefined }));

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
            <Box
              display="flex"
              flexWrap="wrap"
              alignItems="flex-end"
              style={{ gap: 16 }}
            >
              <FilterSelect
                label="Severity"
                value={filter.severity ?? ALL}
                onChange={v => set('severity', v === ALL ? '' : v)}
                options={severities.map(s => ({
                  value: s.id,
                  label: `${s.id} · ${s.label}`,
                }))}
              />
              <FilterSelect
                label="Status"
                value={filter.status ?? ALL}
                onChange={v => set('status', v === ALL ? '' : v)}
                options={POSTMORTEM_STATUSES.map(s => ({ value: s, label: s }))}
              />
              <TextField
                id="pm-filter-owner"
                label="Owner (ref)"
                value={filter.owner ?? ''}
                onChange={e => set('owner', e.target.value)}
              />
              <TextField
                id="pm-filter-entity"
                label="Entity (ref)"
                value={filter.entityRef ?? ''}
                onChange={e => set('entityRef', e.target.value)}
              />
              <TextField
                id="pm-filter-from"
                label="Started from"
                type="date"
                InputLabelProps={{ shrink: true }}
                value={filter.from ?? ''}
                onChange={e => set('from', e.target.value)}
              />
              <TextField
                id="pm-filter-to"
                label="Started before"
                type="date"
                InputLabelProps={{ shrink: true }}
                value={filter.to ?? ''}
                onChange={e => set('to', e.target.value)}
              />
              <Box flexGrow={1} />
              {canCreate.allowed && (
                <LinkButton
                  to={links.create()}
                  variant="contained"
                  color="primary"
                >
                  New postmortem
                </LinkButton>
              )}
            </Box>
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
