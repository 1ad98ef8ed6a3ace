import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
  StructuredMetadataTable,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import useAsync from 'react-use/esm/useAsync';
import { isOpenIncident } from '@reliability-suite/plugin-reliability-common';
import { incidentsApiRef } from '../api/IncidentsApi';
import { reliabilityApiRef } from '../api/ReliabilityApi';
import { ComplianceLight } from '../recovery/ComponentStatus';
import { overdueForReview } from '../runbooks/freshness';
import { ReliabilityTargets } from './ReliabilityTargets';
import { useEntityOverview } from './useEntityOverview';

const RunbookCounts = () => {
  const { entity } = useEntity();
  const entityRef = stringifyEntityRef(entity);
  const api = useApi(reliabilityApiRef);
  const incidentsApi = useApi(incidentsApiRef);
  const { value, error } = useAsync(async () => {
    const [runbooks, status, facts, incidents] = await Promise.all([
      api.listRunbooks(entityRef),
      api.getRunbookIndexStatus(entityRef),
      api.getRecoveryFacts(entityRef),
      incidentsApi.listIncidents({
        entityRef: entityRef.toLocaleLowerCase('en-US'),
      }),
    ]);
    return {
      runbooks,
      status,
      recovery: facts.items[0],
      open: incidents.items.filter(isOpenIncident),
    };
  }, [api, incidentsApi, entityRef]);
  if (error) return <ResponseErrorPanel error={error} />;
  if (!value) return null;
  const stale = overdueForReview(value.runbooks);
  const errors = value.status.problems.filter(
    p => p.severity === 'error',
  ).length;
  return (
    <StructuredMetadataTable
      options={{ titleFormat: (key: string) => key }}
      metadata={{
        'Open incidents': value.open.length
          ? value.open.map(i => `${i.reference} (${i.severity})`).join(', ')
          : 'none',
        Runbooks: String(value.runbooks.length),
        'Overdue for review': String(stale),
        'Index problems': `${errors} error(s), ${
          value.status.problems.length - errors
        } warning(s)`,
        'Backups & recovery': value.recovery ? (
          <ComplianceLight state={value.recovery.state} />
        ) : (
          'no recovery plan'
        ),
      }}
    />
  );
};

/**
 * The overview card for an entity's main page.
 *
 * @public
 */
export const EntityReliabilityCard = () => {
  const { value, loading, error } = useEntityOverview();
  return (
    <InfoCard
      title="Reliability"
      deepLink={{ title: 'Runbooks and targets', link: 'reliability' }}
    >
      {loading && <Progress />}
      {error && <ResponseErrorPanel error={error} />}
      {value && <ReliabilityTargets overview={value} />}
      <RunbookCounts />
    </InfoCard>
  );
};
