import { InfoCard } from '@backstage/core-components';
import Grid from '@material-ui/core/Grid';
import type { ReactNode } from 'react';

/** One card of the postmortem form. */
export const Section = ({
  title,
  children,
}: {
  title: string;
  children: ReactNode;
}) => (
  <Grid item xs={12}>
    <InfoCard title={title}>{children}</InfoCard>
  </Grid>
);
