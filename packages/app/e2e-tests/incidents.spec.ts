import { type Browser, expect, test } from '@playwright/test';
import { BACKEND, signInAsGuest, guestToken } from './session';

const SCREENSHOTS = 'e2e-artifacts/screenshots';

// A second person with the incident open in their own browser.
async function secondBrowser(browser: Browser, url: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInAsGuest(page);
  await page.goto(url);
  return { page, close: () => context.close() };
}

test.describe('incidents', () => {
  test('declare from a service, tick a runbook step (seen by a second browser), post a status update, resolve, start the postmortem', async ({
    page,
    browser,
  }) => {
    // The run's first test: two browsers on an app whose bundle is served
    // for the first time (it took 1.5 minutes in a CI run on two cores).
    test.setTimeout(180_000);
    await signInAsGuest(page);
    await page.goto('/catalog/default/component/insights-api/reliability');
    // The service's incidents and what makes one P1 / P2 on it.
    await expect(
      page.getByText('What makes an incident on this service…'),
    ).toBeVisible();
    await expect(
      page.getByText(/Without postgres: Nothing works; the API answers 503/),
    ).toBeVisible();

    await page.getByRole('button', { name: 'Declare incident' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('What is happening').fill('Checkout requests fail');
    // The severity helper: every user affected → P1.
    await dialog.getByLabel('Who is affected').click();
    await page.getByRole('option', { name: 'All users' }).click();
    await expect(dialog.getByText('P1: All users are affected')).toBeVisible();
    await dialog.getByRole('button', { name: 'Use P1' }).click();
    await dialog
      .getByLabel('Insights API not responding (5xx, timeouts)')
      .check();
    // The context: who depends on the API (from the catalog graph), and
    // what happened on it before, with the action item still open.
    const context = dialog.getByRole('region', { name: 'Incident context' });
    const web = context
      .getByRole('table', { name: 'Affected entities and their dependents' })
      .getByRole('row')
      .filter({ hasText: 'Insights web app' });
    await expect(web).toContainText('Depends on');
    await expect(web).toContainText('Insights API');
    await expect(web.getByRole('link').first()).toHaveAttribute(
      'href',
      /\/catalog\/default\/component\/insights-web$/,
    );
    await expect(
      context
        .getByRole('listitem')
        .filter({ hasText: 'Insights API down: PostgreSQL volume full' })
        .first()
        .getByRole('list', { name: /^Open action items of INC-\d+$/ }),
    ).toContainText('Add the archive check to the disk-full runbook');
    await context
      .getByText('Add the archive check to the disk-full runbook')
      .scrollIntoViewIfNeeded();
    await page.screenshot({
      path: `${SCREENSHOTS}/incident-declare-context.png`,
    });
    await dialog.getByLabel('What is happening').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SCREENSHOTS}/incident-declare.png` });
    await dialog.getByRole('button', { name: 'Declare' }).click();

    await expect(page).toHaveURL(/\/reliability\/incidents\/INC-\d+$/);
    const url = page.url();
    await expect(
      page.getByRole('heading', { name: /^INC-\d+: Checkout requests fail$/ }),
    ).toBeVisible();
    await expect(page.getByText('P1 · Critical').first()).toBeVisible();
    await expect(page.getByText('15 minutes; acknowledged')).toBeVisible();
    // Opened, the incident shows the same context, without itself.
    const onPage = page.getByRole('region', { name: 'Incident context' });
    await expect(
      onPage.getByText('Add the archive check to the disk-full runbook'),
    ).toBeVisible();
    await expect(
      onPage.getByRole('link', { name: /Checkout requests fail/ }),
    ).toHaveCount(0);

    // A second person watches the same incident. What their page asks
    // every few seconds is answered 304 while nothing changes: the tag of
    // its copy crosses from the backend's origin, not every note again.
    const second = await secondBrowser(browser, url);
    const asked: number[] = [];
    second.page.on('response', r => {
      if (/\/api\/reliability\/incidents\/INC-\d+$/.test(r.url())) {
        asked.push(r.status());
      }
    });
    await expect(
      second.page.getByRole('heading', { name: /Checkout requests fail$/ }),
    ).toBeVisible();
    await expect
      .poll(() => asked.includes(304), { timeout: 15_000 })
      .toBe(true);

    // The commander ticks the first diagnosis step: stored on the incident,
    // on the timeline, in the other browser without a reload.
    // Checked once the incident has it (the box follows the stored ticks).
    const step = page.getByRole('checkbox', { name: 'Done: diagnosis step 1' });
    await step.click();
    await expect(step).toBeChecked();
    await expect(page.getByText(/^done by/).first()).toBeVisible();
    await expect(
      second.page.getByRole('checkbox', { name: 'Done: diagnosis step 1' }),
    ).toBeChecked({ timeout: 15_000 });
    await expect(
      second.page
        .getByLabel('Timeline')
        .getByText(/^Done: .*\(Insights API not responding/),
    ).toBeVisible();
    await second.close();

    // A status update.
    await page
      .getByLabel('Conditions: what is happening')
      .fill('Every checkout fails with 502');
    await page
      .getByLabel('Actions: what is being done')
      .fill('Rolling back the last release');
    await page.getByRole('button', { name: 'Post status update' }).click();
    await expect(
      page.getByText('Every checkout fails with 502').first(),
    ).toBeVisible();
    await page.screenshot({ path: `${SCREENSHOTS}/incident-page.png` });

    // Resolved, then its postmortem, pre-filled.
    await page.getByRole('button', { name: 'Resolve' }).click();
    await expect(
      page.getByText('resolved', { exact: true }).first(),
    ).toBeVisible();
    await page.getByRole('button', { name: 'Start postmortem' }).click();
    await expect(page).toHaveURL(/\/reliability\/postmortems\/[0-9a-f-]{36}$/);
    await expect(
      page.getByText(/^INC-\d+: Checkout requests fail$/).first(),
    ).toBeVisible();
    await expect(
      page.getByText(/Every checkout fails with 502|declared \(P1\)/).first(),
    ).toBeVisible();
    await page.screenshot({ path: `${SCREENSHOTS}/incident-postmortem.png` });
  });

  test('the demo history, the open incident from an alert, and no changes without permission', async ({
    page,
    request,
  }) => {
    await signInAsGuest(page);
    await page.goto('/reliability/incidents');
    await expect(page.getByText(/^Incidents \(\d+\)$/)).toBeVisible();
    await expect(
      page.getByText('Insights API returns errors for some requests'),
    ).toBeVisible();
    await expect(
      page.getByText('Insights API down: PostgreSQL volume full'),
    ).toBeVisible();
    await expect(page.getByText(/^Postmortems due \(\d+\)$/)).toBeVisible();
    // The chart of incidents per week draws a bar for each week with some.
    await expect(
      page
        .getByRole('img', { name: 'Incidents per week by severity' })
        .locator('.recharts-bar-rectangle path'),
    ).not.toHaveCount(0);
    await page.screenshot({ path: `${SCREENSHOTS}/incidents.png` });

    // Filtered by an owner picked from the catalog by its title; the filter
    // is in the URL, and the URL opens the list filtered.
    const guest = await guestToken(request);
    const owned = await (
      await request.get(
        `${BACKEND}/api/reliability/incidents?owner=group:default/platform-team&limit=1`,
        { headers: { authorization: `Bearer ${guest}` } },
      )
    ).json();
    const owner = page.getByRole('textbox', { name: 'Owner' });
    await owner.fill('Platform');
    await page.getByRole('option', { name: /Platform team/ }).click();
    await expect(page).toHaveURL(/owner=group%3Adefault%2Fplatform-team/);
    await expect(
      page.getByText(`Incidents (${owned.totalCount})`),
    ).toBeVisible();
    const shared = page.url();
    const other = await secondBrowser(page.context().browser()!, shared);
    try {
      await expect(
        other.page.getByRole('textbox', { name: 'Owner' }),
      ).toHaveValue('Platform team');
      await expect(
        other.page.getByText(`Incidents (${owned.totalCount})`),
      ).toBeVisible();
    } finally {
      await other.close();
    }

    // The alert's runbook_url leads to the incident holding it.
    await page.goto('/reliability/alerts/InsightsApiHigh5xxRate');
    await page.getByRole('link', { name: /^Open INC-\d+ \(P2\)/ }).click();
    await expect(
      page.getByRole('heading', { name: /Insights API returns errors/ }),
    ).toBeVisible();

    // Someone else's incident on a service the guest's team does not own:
    // the guest may add notes, not change it — in the UI or the API.
    const token = await guestToken(request);
    const declared = await request.post(
      `${BACKEND}/api/reliability/incidents`,
      {
        headers: { Authorization: `Bearer ${token}` },
        data: {
          title: 'Web app 502s',
          severity: 'P3',
          entityRefs: ['component:default/insights-web'],
          commander: 'user:default/priya.raman',
        },
      },
    );
    expect(declared.status()).toBe(201);
    const incident = await declared.json();
    await page.goto(`/reliability/incidents/${incident.reference}`);
    await expect(
      page.getByRole('heading', { name: /Web app 502s$/ }),
    ).toBeVisible();
    await expect(
      page.getByRole('button', { name: 'Post status update' }),
    ).toBeVisible();
    await expect(page.getByRole('button', { name: 'Resolve' })).toHaveCount(0);
    const refused = await request.patch(
      `${BACKEND}/api/reliability/incidents/${incident.id}`,
      {
        headers: { Authorization: `Bearer ${token}` },
        data: { version: incident.version, status: 'resolved' },
      },
    );
    expect(refused.status()).toBe(403);
    const after = await request.get(
      `${BACKEND}/api/reliability/incidents/${incident.id}`,
      {
        headers: { Authorization: `Bearer ${token}` },
      },
    );
    expect((await after.json()).status).toBe('open');
  });
});
