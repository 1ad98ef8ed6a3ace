import { InfoCard } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import { incidentsApiRef } from '../api/IncidentsApi';
import { SeverityChip } from '../shared/SeverityChip';
import { useSeverities } from '../shared/useSeverities';

/**
 * "What makes an incident on this service P1 / P2 / …": each level with the
 * configured rules and the service's own degraded modes of that severity.
 */
export const SeverityGuide = ({ entityRef }: { entityRef: string }) => {
  const api = useApi(incidentsApiRef);
  const severities = useSeverities();
  const { value } = useAsync(
    () => api.classifyIncident({ entityRef }),
    [api, entityRef],
  );
  return (
    <InfoCard title="What makes an incident on this service…">
      {value?.guide.map(level => (
        <Box key={level.severity} mb={1.5}>
          <SeverityChip severity={level.severity} levels={severities} />
          <ul style={{ margin: '4px 0 0', paddingLeft: 20 }}>
            {level.rules.map(r => (
              <li key={r}>
                <Typography variant="body2">{r}</Typography>
              </li>
            ))}
            {level.degradedModes.map(d => (
              <li key={`${d.plan}/${d.component}`}>
                <Typography variant="body2">
                  Without <strong>{d.component}</strong>
                  {d.impact ? `: ${d.impact}` : ''}
                  {d.workaround ? ` (workaround: ${d.workaround})` : ''}
                </Typography>
              </li>
            ))}
          </ul>
        </Box>
      ))}
    </InfoCard>
  );
};
