import { expect, test } from '@playwright/test';
import { signInAsGuest } from './session';

const SCREENSHOTS = 'e2e-artifacts/screenshots';

test("a service's alerts against its runbooks, and coverage across the catalog by owner", async ({
  page,
}) => {
  test.setTimeout(180_000);
  await signInAsGuest(page);
  await page.goto('/catalog/default/component/insights-api/reliability');

  // The demo's rule file is read shortly after start.
  const card = page
    .locator('.MuiCard-root')
    .filter({ hasText: 'Alerts and runbooks' })
    .first();
  await expect(async () => {
    await page.reload();
    await expect(card.getByText(/alerting rule\(s\), read/)).toBeVisible({
      timeout: 5_000,
    });
  }).toPass({ timeout: 90_000 });

  // Its alerts no runbook answers: one linking a wiki page, one with no
  // runbook_url at all; and a runbook for an alert no rule fires.
  const table = card.locator('table').filter({ hasText: 'InsightsApiDown' });
  const row = (name: string) => table.locator('tr').filter({ hasText: name });
  await expect(row('InsightsApiSlowQueries')).toContainText('none');
  await expect(row('InsightsApiSlowQueries')).toContainText('links elsewhere');
  await expect(row('InsightsApiSlowQueries')).toContainText(
    'https://wiki.acme.example/display/SRE/Slow+queries',
  );
  await expect(row('InsightsApiTokenErrors')).toContainText('no runbook_url');
  // A landing-page link to a runbook counts as covered.
  await expect(row('InsightsApiDown')).toContainText('runbook in the portal');
  await expect(
    row('InsightsApiDown').getByRole('link', { name: /API not responding/i }),
  ).toBeVisible();
  await expect(card).toContainText(
    'answers InsightsApiDatabaseUnreachable (namespace=insights), which no rule of any source fires',
  );
  await card.scrollIntoViewIfNeeded();
  await page.screenshot({
    path: `${SCREENSHOTS}/alert-coverage-entity.png`,
    fullPage: true,
  });

  // Across the catalog: each owner's coverage, the trend, every rule.
  await card.getByRole('link', { name: 'Across the catalog' }).click();
  await expect(page).toHaveURL(/\/reliability\/alert-coverage$/);
  await expect(
    page.getByRole('heading', { name: 'Alert coverage' }),
  ).toBeVisible();
  const owners = page.locator('table').filter({ hasText: 'With a runbook' });
  await expect(
    owners.locator('tr').filter({ hasText: 'Platform team' }),
  ).toBeVisible();
  await expect(
    owners.locator('tr').filter({ hasText: 'Web team' }),
  ).toContainText('100%');
  await expect(page.getByText('Coverage over time')).toBeVisible();
  // A dead link into the portal (a runbook that was never written).
  await expect(
    page.locator('tr').filter({ hasText: 'PostgresConnectionsExhausted' }),
  ).toContainText('dead link into the portal');
  await page.screenshot({
    path: `${SCREENSHOTS}/alert-coverage.png`,
    fullPage: true,
  });

  // The worker keeps its rules beside its runbooks: that folder is a source
  // of its own, shown with the worker, and a rule nothing else assigns is
  // the worker's.
  await page.goto('/catalog/default/component/insights-worker/reliability');
  const workerCard = page
    .locator('.MuiCard-root')
    .filter({ hasText: 'Alerts and runbooks' })
    .first();
  const folder = workerCard.getByText(/Rule files in the runbook folder/);
  await expect(folder).toContainText('./runbooks/insights-worker');
  await expect(
    folder.getByRole('link', { name: 'Insights worker agents' }),
  ).toBeVisible();
  await expect(
    workerCard
      .locator('tr')
      .filter({ hasText: 'InsightsCheckDefinitionsMissing' }),
  ).toContainText('runbooks/insights-worker/worker.rules.yml:22');
  await expect(
    workerCard.locator('tr').filter({ hasText: 'InsightsWorkerOffline' }),
  ).toContainText('Worker agents offline or stuck');
  await expect(workerCard).not.toContainText('runbooks:entity:');
});

test('a runbook page says which step keeps going wrong in incidents, and its owners were told once', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await signInAsGuest(page);
  // The demo's incidents are imported shortly after start.
  await expect(async () => {
    await page.goto('/reliability/runbooks/default/postgres-disk-full');
    await expect(page.getByText('In incidents (3)')).toBeVisible({
      timeout: 5_000,
    });
  }).toPass({ timeout: 90_000 });
  await expect(
    page.getByText(
      /^Check the alert cleared: did not help in 3 of the last 3 incidents \(INC-\d+, INC-\d+, INC-\d+\)$/,
    ),
  ).toBeVisible();
  await expect(page.getByText('How its steps went')).toBeVisible();
  const row = page
    .getByRole('row')
    .filter({ hasText: 'Check the alert cleared' })
    .filter({ hasText: 'INC-' });
  await expect(row).toContainText('did not help');
  await expect(row.getByRole('link')).toHaveCount(3);
  await page.screenshot({
    path: `${SCREENSHOTS}/runbook-step-statistics.png`,
    fullPage: true,
  });

  // The runbook's owners (the guest's team) got one notification of it.
  await page.goto('/notifications');
  await expect(
    page.getByText(
      'Update runbook PostgreSQL volume almost full: Check the alert cleared',
    ),
  ).toHaveCount(1);
});

test("the owning team's weekly alert digest says which alerts were noise", async ({
  page,
}) => {
  test.setTimeout(240_000);
  await signInAsGuest(page);
  // Sent once the demo's incidents are imported, once per team and week.
  const digest = page.getByText(
    /^Alerts this week: \d+ fired from \d+ rule\(s\); \d+ of \d+ judged were noise$/,
  );
  await expect(async () => {
    await page.goto('/notifications');
    await expect(digest).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 180_000 });
  await expect(digest).toHaveCount(1);
  await expect(
    page.getByText(/RedisMemoryHigh fired 2×, noise 2 of 2/),
  ).toBeVisible();
  await page.screenshot({
    path: `${SCREENSHOTS}/alert-digest.png`,
    fullPage: true,
  });
});
