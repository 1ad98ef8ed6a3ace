import { InfoCard } from '@backstage/core-components';
import Grid from '@material-ui/core/Grid';
import type { ReactNode } from 'react';

/**
 * Printing a runbook or a postmortem gives a clean paper copy: no
 * navigation, no buttons, sections kept whole.
 */
export const PRINT_CSS = `@media print {
  nav, header button, .reliability-no-print, .reliability-no-print-checkbox,
  [class*="BackstageSidebar"], [class*="MuiDrawer"], [class*="CopyButton"],
  button[title="Copy to clipboard"] { display: none !important; }
  main, article { margin: 0 !important; padding: 0 !important; }
  pre { white-space: pre-wrap !important; }
  .reliability-section { break-inside: avoid-page; }
}`;

/** One titled section of a runbook or postmortem page. */
export const PrintableSection = ({
  title,
  children,
}: {
  title: string;
  children: ReactNode;
}) => (
  <Grid item xs={12} className="reliability-section">
    <InfoCard title={title}>{children}</InfoCard>
  </Grid>
);
