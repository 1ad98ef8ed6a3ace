import { useApi } from '@backstage/core-plugin-api';
import type { Incident } from '@reliability-suite/plugin-reliability-common';
import { useCallback, useEffect, useState } from 'react';
import { incidentsApiRef } from '../api/IncidentsApi';

/** How often an open incident page asks for what others changed. */
export const INCIDENT_POLL_MS = 4000;

/**
 * One incident, kept current: read again every few seconds while the page is
 * open (what another person ticks or writes shows up without a reload), and
 * replaced by what each write answers.
 */
export function useIncident(idOrReference: string) {
  const api = useApi(incidentsApiRef);
  const [incident, setIncident] = useState<Incident>();
  const [error, setError] = useState<Error>();

  const reload = useCallback(async () => {
    try {
      setIncident(await api.getIncident(idOrReference));
      setError(undefined);
    } catch (e) {
      setError(e as Error);
    }
  }, [api, idOrReference]);

  useEffect(() => {
    reload();
    const timer = setInterval(() => {
      if (document.visibilityState !== 'hidden') reload();
    }, INCIDENT_POLL_MS);
    return () => clearInterval(timer);
  }, [reload]);

  // Runs a write; its answer (the incident as changed) replaces what is shown.
  const write = useCallback(
    async (action: () => Promise<Incident | void>) => {
      const answer = await action();
      if (answer) setIncident(answer);
      else await reload();
    },
    [reload],
  );

  return { incident, error, reload, write };
}
