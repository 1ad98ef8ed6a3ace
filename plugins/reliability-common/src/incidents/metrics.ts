import type { IncidentMetrics, IncidentSummary } from './types';

const minutes = (from: string, to: string) =>
  (Date.parse(to) - Date.parse(from)) / 60_000;
const mean = (values: number[]) =>
  values.length ? values.reduce((a, b) => a + b, 0) / values.length : undefined;

// The Monday (UTC) of the week a time falls in, as YYYY-MM-DD.
function weekOf(iso: string): string {
  const d = new Date(iso);
  const day = (d.getUTCDay() + 6) % 7;
  const monday = Date.UTC(
    d.getUTCFullYear(),
    d.getUTCMonth(),
    d.getUTCDate() - day,
  );
  return new Date(monday).toISOString().slice(0, 10);
}

/**
 * MTTA (started → acknowledged), MTTR (started → recovered: mitigated, or
 * resolved when it never was; of the recovered ones), MTBF ((window − time
 * spent in incidents) / incidents; overlapping incidents counted once, open
 * ones until the end of the window or now) and availability
 * MTBF / (MTBF + MTTR) — the Wesago handbook's formula — of the incidents
 * started within the window, and how many started each week, by severity.
 *
 * @public
 */
export function incidentMetrics(
  incidents: IncidentSummary[],
  window: { from: string; to: string },
  now: Date = new Date(),
): IncidentMetrics {
  const inWindow = incidents.filter(i => {
    const t = Date.parse(i.milestones.started);
    return t >= Date.parse(window.from) && t <= Date.parse(window.to);
  });
  const recovered = (i: IncidentSummary) =>
    i.milestones.mitigated ?? i.milestones.resolved;
  const mtta = mean(
    inWindow.flatMap(i =>
      i.milestones.acknowledged
        ? [
            Math.max(
              0,
              minutes(i.milestones.started, i.milestones.acknowledged),
            ),
          ]
        : [],
    ),
  );
  const repairs = inWindow.flatMap(i => {
    const end = recovered(i);
    return end ? [Math.max(0, minutes(i.milestones.started, end))] : [];
  });
  const mttr = mean(repairs);
  const windowMinutes = minutes(window.from, window.to);
  // Time in incidents within the window, overlaps merged; an open one runs
  // until the window ends (or now, if sooner).
  const end = Math.min(Date.parse(window.to), now.getTime());
  const spans = inWindow
    .map(i => {
      const stop = recovered(i);
      return [
        Math.max(Date.parse(i.milestones.started), Date.parse(window.from)),
        Math.min(stop ? Date.parse(stop) : end, Date.parse(window.to)),
      ];
    })
    .filter(([a, b]) => b > a)
    .sort((x, y) => x[0] - y[0]);
  let down = 0;
  let reach = -Infinity;
  for (const [a, b] of spans) {
    const from = Math.max(a, reach);
    if (b > from) down += (b - from) / 60_000;
    reach = Math.max(reach, b);
  }
  const mtbf =
    inWindow.length > 0
      ? Math.max(0, windowMinutes - down) / inWindow.length
      : undefined;
  const perWeek = new Map<string, Record<string, number>>();
  for (
    let t = Date.parse(weekOf(window.from));
    t <= Date.parse(window.to);
    t += 7 * 86400_000
  ) {
    perWeek.set(new Date(t).toISOString().slice(0, 10), {});
  }
  for (const i of inWindow) {
    const counts = perWeek.get(weekOf(i.milestones.started)) ?? {};
    counts[i.severity] = (counts[i.severity] ?? 0) + 1;
    perWeek.set(weekOf(i.milestones.started), counts);
  }
  const round = (n?: number) =>
    n === undefined ? undefined : Math.round(n * 10) / 10;
  return {
    from: window.from,
    to: window.to,
    incidents: inWindow.length,
    ...(mtta !== undefined ? { mttaMinutes: round(mtta) } : {}),
    ...(mttr !== undefined ? { mttrMinutes: round(mttr) } : {}),
    ...(mtbf !== undefined ? { mtbfMinutes: round(mtbf) } : {}),
    ...(mtbf !== undefined && mttr !== undefined && mtbf + mttr > 0
      ? { availability: Math.round((mtbf / (mtbf + mttr)) * 100000) / 100000 }
      : {}),
    perWeek: [...perWeek.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([week, counts]) => ({ week, counts })),
  };
}
