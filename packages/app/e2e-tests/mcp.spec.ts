import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { expect, test } from '@playwright/test';
import { BACKEND, guestToken } from './session';

// An AI assistant's view of the demo: the official MCP client, over
// Streamable HTTP, with the guest's token — what an MCP client configured
// as the README says sends.

async function connect(token: string) {
  const client = new Client({ name: 'reliability-e2e', version: '1.0.0' });
  await client.connect(
    new StreamableHTTPClientTransport(
      new URL(`${BACKEND}/api/mcp-actions/v1`),
      { requestInit: { headers: { Authorization: `Bearer ${token}` } } },
    ),
  );
  return client;
}

// A tool's structured answer, or its text parsed.
function answerOf(result: any): any {
  if (result.structuredContent) return result.structuredContent;
  const text = result.content?.find((c: any) => c.type === 'text')?.text;
  return text ? JSON.parse(text) : undefined;
}

test('an agent finds the runbook for an alert, declares an incident as the guest, and may not do what the guest may not', async ({
  request,
}) => {
  test.setTimeout(120_000);
  const token = await guestToken(request);
  const client = await connect(token);
  try {
    const { tools } = await client.listTools();
    const names = tools.map(t => t.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'reliability.find-runbooks-for-alert',
        'reliability.get-recovery-state',
        'reliability.declare-incident',
      ]),
    );
    const find = tools.find(
      t => t.name === 'reliability.find-runbooks-for-alert',
    )!;
    expect(find.annotations).toMatchObject({ readOnlyHint: true });

    // The runbook index is read shortly after start.
    await expect(async () => {
      const found = answerOf(
        await client.callTool({
          name: 'reliability.find-runbooks-for-alert',
          arguments: {
            alertName: 'PostgresDown',
            labels: { namespace: 'insights' },
          },
        }),
      );
      expect(found.runbooks.map((r: any) => r.name)).toContain('postgres-down');
    }).toPass({ timeout: 60_000 });

    // Declared through the agent: in GET /incidents, led by the guest, the
    // timeline saying it came through an agent.
    const title = `Checkout failing (agent ${Date.now()})`;
    const declared = await client.callTool({
      name: 'reliability.declare-incident',
      arguments: {
        title,
        severity: 'P3',
        entityRefs: ['component:default/insights-api'],
      },
    });
    expect(declared.isError).toBeFalsy();
    const { reference } = answerOf(declared);
    const headers = { Authorization: `Bearer ${token}` };
    const incident = await (
      await request.get(`${BACKEND}/api/reliability/incidents/${reference}`, {
        headers,
      })
    ).json();
    expect(incident).toMatchObject({
      title,
      commander: 'user:default/guest',
    });
    expect(incident.timeline[0]).toMatchObject({
      type: 'declared',
      actor: 'user:default/guest',
      source: 'mcp',
    });

    // The worker backlog is the data team's, led by Jonas: the guest may
    // work it, not change its severity — nor may the agent acting for the
    // guest, and nothing changes.
    // (The demo's incidents are imported shortly after start.)
    let backlog: any;
    await expect(async () => {
      const list = await (
        await request.get(
          `${BACKEND}/api/reliability/incidents?status=resolved&entityRef=component:default/insights-worker`,
          { headers },
        )
      ).json();
      backlog = list.items.find((i: any) =>
        i.title.startsWith('Scheduled checks late'),
      );
      expect(backlog).toBeDefined();
    }).toPass({ timeout: 90_000 });
    const refused = await client.callTool({
      name: 'reliability.set-incident-severity',
      arguments: {
        incident: backlog.reference,
        severity: 'P1',
        reason: 'an agent tried',
      },
    });
    expect(refused.isError).toBe(true);
    expect(JSON.stringify(refused.content)).toMatch(/You may not/);
    const after = await (
      await request.get(
        `${BACKEND}/api/reliability/incidents/${backlog.reference}`,
        { headers },
      )
    ).json();
    expect(after.severity).toBe(backlog.severity);
  } finally {
    await client.close();
  }
});

test('without a token the MCP server answers nothing', async () => {
  await expect(connect('not-a-token')).rejects.toThrow();
});
