import { useCallback, useEffect, useState } from 'react';

const PREFIX = 'reliability:checklist:';
// Ticks are for one incident: older ones are forgotten, so the next incident
// does not open with steps already greyed out as done.
const MAX_AGE_MS = 12 * 60 * 60 * 1000;

type Stored = { ticks: string[]; at: number; revision?: string };

/**
 * The ticked steps of one runbook, remembered in this browser (localStorage)
 * for twelve hours, so a reload in the middle of an incident loses nothing.
 * Ticks of another revision of the runbook are dropped: a changed runbook
 * may have its steps in other places.
 */
export function useChecklist(runbookKey: string, revision?: string) {
  const storageKey = `${PREFIX}${runbookKey}`;
  const [ticked, setTicked] = useState<Set<string>>(() =>
    read(storageKey, revision),
  );

  useEffect(
    () => setTicked(read(storageKey, revision)),
    [storageKey, revision],
  );

  const toggle = useCallback(
    (stepId: string) => {
      setTicked(previous => {
        const next = new Set(previous);
        if (next.has(stepId)) next.delete(stepId);
        else next.add(stepId);
        write(storageKey, next, revision);
        return next;
      });
    },
    [storageKey, revision],
  );
  const reset = useCallback(() => {
    write(storageKey, new Set(), revision);
    setTicked(new Set());
  }, [storageKey, revision]);

  return { ticked, toggle, reset };
}

function read(key: string, revision?: string): Set<string> {
  try {
    const value = JSON.parse(
      window.localStorage.getItem(key) ?? 'null',
    ) as Stored | null;
    if (
      !value ||
      !Array.isArray(value.ticks) ||
      typeof value.at !== 'number' ||
      Date.now() - value.at > MAX_AGE_MS ||
      (value.revision ?? undefined) !== revision
    ) {
      return new Set();
    }
    return new Set(value.ticks.filter(v => typeof v === 'string'));
  } catch {
    return new Set();
  }
}

function write(key: string, ticked: Set<string>, revision?: string) {
  try {
    if (ticked.size === 0) {
      window.localStorage.removeItem(key);
    } else {
      const value: Stored = { ticks: [...ticked], at: Date.now(), revision };
      window.localStorage.setItem(key, JSON.stringify(value));
    }
  } catch {
    // Storage full or disabled: the ticks still work for this page view.
  }
}
