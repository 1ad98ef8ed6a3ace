import { useApi } from '@backstage/core-plugin-api';
import type { Incident } from '@reliability-suite/plugin-reliability-common';
import { useCallback, useEffect, useRef, useState } from 'react';
import { incidentsApiRef } from '../api/IncidentsApi';

/** How often an open incident page asks for what others changed. */
export const INCIDENT_POLL_MS = 4000;

/**
 * One incident, kept current: asked again every few seconds while the page
 * is open (what another person ticks or writes shows up without a reload) —
 * with the ETag of the copy shown, so that an incident that did not change
 * is a 304, not its every note again — and replaced by what each write
 * answers.
 */
export function useIncident(idOrReference: string) {
  const api = useApi(incidentsApiRef);
  const [incident, setIncident] = useState<Incident>();
  const [error, setError] = useState<Error>();
  const etag = useRef<{ of: string; etag?: string }>();

  const reload = useCallback(async () => {
    try {
      const held =
        etag.current?.of === idOrReference ? etag.current.etag : undefined;
      const answer = await api.getIncidentIfChanged(idOrReference, held);
      if (answer) {
        etag.current = { of: idOrReference, etag: answer.etag };
        setIncident(answer.incident);
      }
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
