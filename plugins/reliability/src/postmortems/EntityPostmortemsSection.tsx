import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  LinkButton,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import { reliabilityPostmortemCreatePermission } from '@reliability-suite/plugin-reliability-common';
import { useEntity } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { reliabilityApiRef } from '../api/ReliabilityApi';
import { usePagedList } from '../components/ListPager';
import { PostmortemTable } from './PostmortemTable';
import { usePostmortemLinks } from './usePostmortemLinks';

/** The entity's postmortems, newest first, and a way to write one. */
export const EntityPostmortemsSection = () => {
  const { entity } = useEntity();
  const entityRef = stringifyEntityRef(entity);
  const api = useApi(reliabilityApiRef);
  const links = usePostmortemLinks();
  const canCreate = usePermission({
    permission: reliabilityPostmortemCreatePermission,
  });
  const { value, loading, error, position } = usePagedList(
    page => api.listPostmortems({ entityRef, ...page }),
    entityRef,
  );
  if (loading && !value) return <Progress />;
  if (error) return <ResponseErrorPanel error={error} />;
  return (
    <>
      <PostmortemTable
        postmortems={value?.items ?? []}
        position={position}
        emptyContent={
          <Box p={2}>
            <Typography variant="body2">
              No postmortem concerns this entity yet.
            </Typography>
          </Box>
        }
      />
      <Box mt={1} display="flex" justifyContent="flex-end">
        {canCreate.allowed && (
          <LinkButton
            to={links.create(entityRef)}
            variant="outlined"
            size="small"
          >
            New postmortem
          </LinkButton>
        )}
      </Box>
    </>
  );
};
