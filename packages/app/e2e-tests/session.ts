import { type APIRequestContext, expect, type Page } from '@playwright/test';

// What every browser test starts from: the demo's guest, signed in, and the
// same guest's token for the API calls a test makes on the side (what
// another tool or a second person would send).

/** The backend the tests' app talks to (playwright.config.ts starts it). */
export const BACKEND = 'http://localhost:7007';

/** Signs in as the demo guest; the catalog is the landing page. */
export async function signInAsGuest(page: Page) {
  await page.goto('/');
  const enter = page.getByRole('button', { name: 'Enter' });
  await expect(enter).toBeVisible();
  await enter.click();
  await expect(
    page.getByRole('heading', { name: 'Acme Insights Catalog' }),
  ).toBeVisible();
}

/** The guest's token, as the frontend gets it. */
export async function guestToken(request: APIRequestContext): Promise<string> {
  const response = await request.get(
    `${BACKEND}/api/auth/guest/refresh?env=development`,
    { headers: { 'X-Requested-With': 'XMLHttpRequest' } },
  );
  expect(response.ok()).toBe(true);
  return (await response.json()).backstageIdentity.token;
}
