import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { ReliabilityTargets } from './ReliabilityTargets';
import { useEntityOverview } from './useEntityOverview';

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
      deepLink={{ title: 'Open', link: 'reliability' }}
    >
      {loading && <Progress />}
      {error && <ResponseErrorPanel error={error} />}
      {value && <ReliabilityTargets overview={value} />}
    </InfoCard>
  );
};
