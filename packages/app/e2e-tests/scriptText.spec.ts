import { expect, type Page, test } from '@playwright/test';
import { BACKEND, signInAsGuest, guestToken } from './session';

// Runbook, postmortem and incident text holding script and HTML is shown as
// the text it is: nothing runs, nothing loads, no element is made from it.

// Whatever the page shows, none of it ran or became an element.
async function expectNothingRan(page: Page, dialogs: string[]) {
  const main = page.locator('#root');
  expect(await page.evaluate(() => (window as any).__pwned)).toBeUndefined();
  expect(dialogs).toEqual([]);
  await expect(
    main.locator('script, iframe, svg[onload], img[onerror], [onmouseover]'),
  ).toHaveCount(0);
  await expect(main.locator('a[href^="javascript:"]')).toHaveCount(0);
}

test.describe('text holding script', () => {
  test('is shown as text in a runbook, a postmortem and an incident', async ({
    page,
    request,
  }) => {
    const dialogs: string[] = [];
    page.on('dialog', dialog => {
      dialogs.push(dialog.message());
      dialog.dismiss().catch(() => {});
    });
    await signInAsGuest(page);

    // The runbook, from the tests' own Git repository.
    await expect(async () => {
      await page.goto('/reliability/runbooks/default/e2e-script-text');
      await expect(
        page.getByRole('heading', {
          name: "<script>window.__pwned = 'title'</script> Queue consumer stuck",
        }),
      ).toBeVisible({ timeout: 5_000 });
    }).toPass({ timeout: 90_000 });
    await expect(
      page.getByText(`<img src=x onerror="window.__pwned = 'description'">`, {
        exact: false,
      }),
    ).toBeVisible();
    await expect(
      page.getByText("<script>window.__pwned = 'symptom'</script>"),
    ).toBeVisible();
    await expect(
      page.getByText(`<svg onload="window.__pwned = 'svg'"></svg>`, {
        exact: false,
      }),
    ).toBeVisible();
    await expectNothingRan(page, dialogs);

    // A postmortem written through the API.
    const token = await guestToken(request);
    const headers = { Authorization: `Bearer ${token}` };
    const created = await request.post(
      `${BACKEND}/api/reliability/postmortems`,
      {
        headers,
        data: {
          title: "<script>window.__pwned = 'pm'</script> Export job leak",
          entityRefs: ['component:default/insights-api'],
          summary:
            "<img src=x onerror=\"window.__pwned = 'pm-summary'\"> and [a link](javascript:window.__pwned='pm-link')",
          rootCauses: [
            '<iframe src="javascript:window.__pwned = \'pm-cause\'">',
          ],
        },
      },
    );
    expect(created.status()).toBe(201);
    const postmortem = await created.json();
    await page.goto(`/reliability/postmortems/${postmortem.id}`);
    await expect(
      page.getByRole('heading', {
        name: "<script>window.__pwned = 'pm'</script> Export job leak",
      }),
    ).toBeVisible();
    await expect(
      page.getByText(`<img src=x onerror="window.__pwned = 'pm-summary'">`, {
        exact: false,
      }),
    ).toBeVisible();
    await expect(page.getByText('a link', { exact: true })).toBeVisible();
    await expectNothingRan(page, dialogs);

    // An incident, with a note and a status update.
    const declared = await request.post(
      `${BACKEND}/api/reliability/incidents`,
      {
        headers,
        data: {
          title: '<img src=x onerror="window.__pwned = \'inc\'"> Queue stuck',
          severity: 'P4',
          entityRefs: ['component:default/insights-worker'],
        },
      },
    );
    expect(declared.status()).toBe(201);
    const incident = await declared.json();
    const note = await request.post(
      `${BACKEND}/api/reliability/incidents/${incident.id}/notes`,
      {
        headers,
        data: { text: "<script>window.__pwned = 'note'</script> restarted" },
      },
    );
    expect(note.status()).toBe(201);
    const update = await request.post(
      `${BACKEND}/api/reliability/incidents/${incident.id}/status-updates`,
      {
        headers,
        data: {
          conditions: `<svg onload="window.__pwned = 'conditions'"></svg> backlog`,
          actions: 'Draining [the queue](javascript:window.__pwned=1)',
        },
      },
    );
    expect(update.status()).toBe(201);
    await page.goto(`/reliability/incidents/${incident.reference}`);
    await expect(
      page.getByRole('heading', {
        name: `<img src=x onerror="window.__pwned = 'inc'"> Queue stuck`,
        exact: false,
      }),
    ).toBeVisible();
    await expect(
      page.getByText("<script>window.__pwned = 'note'</script> restarted"),
    ).toBeVisible();
    await expect(
      page
        .getByText(`<svg onload="window.__pwned = 'conditions'"></svg>`, {
          exact: false,
        })
        .first(),
    ).toBeVisible();
    await expectNothingRan(page, dialogs);
  });
});
