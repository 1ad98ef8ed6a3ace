import { expect, type Page, test } from '@playwright/test';

const SCREENSHOTS = 'e2e-artifacts/screenshots';

async function signInAsGuest(page: Page) {
  await page.goto('/');
  const enter = page.getByRole('button', { name: 'Enter' });
  await expect(enter).toBeVisible();
  await enter.click();
  // The catalog is the landing page.
  await expect(
    page.getByRole('heading', { name: 'Acme Insights Catalog' }),
  ).toBeVisible();
}

test('a guest opens a demo service and sees its reliability targets from the backend', async ({
  page,
}) => {
  await signInAsGuest(page);

  // The guest is a member of the platform team, so the catalog opens on the
  // team's own services, the Insights API among them.
  const serviceLink = page.getByRole('link', { name: 'Insights API' });
  await expect(serviceLink).toBeVisible();
  await serviceLink.click();
  await expect(page).toHaveURL(/\/catalog\/default\/component\/insights-api/);

  // The overview card on the entity's main page.
  await expect(page.getByText('Recovery point objective (RPO)')).toBeVisible();

  // The Reliability tab shows what the reliability backend answered.
  await page.getByRole('link', { name: 'Reliability', exact: true }).click();
  await expect(page).toHaveURL(/\/reliability$/);
  await expect(page.getByText('Reliability targets')).toBeVisible();
  await expect(
    page.getByText('Read by the reliability backend at'),
  ).toBeVisible();
  const targets = page
    .locator('table')
    .filter({ hasText: 'Recovery time objective (RTO)' })
    .first();
  await expect(targets).toContainText('tier-1');
  await expect(targets).toContainText('15m');
  await expect(targets).toContainText('./runbooks/insights-api');

  await page.screenshot({
    path: `${SCREENSHOTS}/insights-api-reliability-tab.png`,
    fullPage: true,
  });
});

test('the search page finds a demo service', async ({ page }) => {
  await signInAsGuest(page);
  await page.goto('/search?query=insights-postgres');
  await expect(
    page.getByRole('link', { name: /Insights PostgreSQL/ }).first(),
  ).toBeVisible();
  await page.screenshot({ path: `${SCREENSHOTS}/search.png`, fullPage: true });
});

test('search finds a runbook by the name of the alert it answers', async ({
  page,
}) => {
  await signInAsGuest(page);
  // Runbooks are indexed, then collated for search, on schedules that start
  // with the backend: retry until the first passes have run.
  await expect(async () => {
    await page.goto('/search?query=VaultSealed');
    await expect(
      page.getByText('Secret store (Vault) is sealed').first(),
    ).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 90_000 });
  await page.screenshot({
    path: `${SCREENSHOTS}/search-runbook-by-alert.png`,
    fullPage: true,
  });
});
