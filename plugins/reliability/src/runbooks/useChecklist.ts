import { useCallback, useEffect, useState } from 'react';

const PREFIX = 'reliability:checklist:';

/**
 * The ticked steps of one runbook, remembered in this browser (localStorage),
 * so a reload in the middle of an incident loses nothing.
 */
export function useChecklist(runbookKey: string) {
  const storageKey = `${PREFIX}${runbookKey}`;
  const [ticked, setTicked] = useState<Set<string>>(() => read(storageKey));

  useEffect(() => setTicked(read(storageKey)), [storageKey]);

  const toggle = useCallback(
    (stepId: string) => {
      setTicked(previous => {
        const next = new Set(previous);
        if (next.has(stepId)) next.delete(stepId);
        else next.add(stepId);
        write(storageKey, next);
        return next;
      });
    },
    [storageKey],
  );
  const reset = useCallback(() => {
    write(storageKey, new Set());
    setTicked(new Set());
  }, [storageKey]);

  return { ticked, toggle, reset };
}

function read(key: string): Set<string> {
  try {
    const value = JSON.parse(window.localStorage.getItem(key) ?? '[]');
    return new Set(
      Array.isArray(value) ? value.filter(v => typeof v === 'string') : [],
    );
  } catch {
    return new Set();
  }
}

function write(key: string, ticked: Set<string>) {
  try {
    if (ticked.size === 0) window.localStorage.removeItem(key);
    else window.localStorage.setItem(key, JSON.stringify([...ticked]));
  } catch {
    // Storage full or disabled: the ticks still work for this page view.
  }
}
