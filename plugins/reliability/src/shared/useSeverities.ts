import { useApi } from '@backstage/core-plugin-api';
import type { SeverityLevel } from '@reliability-suite/plugin-reliability-common';
import useAsync from 'react-use/esm/useAsync';
import { reliabilityApiRef } from '../api/ReliabilityApi';

/** The configured severity levels (empty while loading or when unavailable). */
export function useSeverities(): SeverityLevel[] {
  const api = useApi(reliabilityApiRef);
  const { value } = useAsync(() => api.listSeverities(), [api]);
  return value ?? [];
}
