import {
  createPostmortemContentSchema,
  incidentImportSchema,
} from '@reliability-suite/plugin-reliability-common';
import { demoIncidents } from './demoIncidents';

// On first start the demo tells the incident story: resolved incidents with
// timelines, status updates and postmortems, one still due, one open.
describe('the demo incidents', () => {
  const now = new Date('2026-12-01T09:00:00Z');
  const records = demoIncidents(now).map(r => incidentImportSchema.parse(r));

  it('are valid imports, none in the future, each once by its id', () => {
    expect(new Set(records.map(r => r.externalId)).size).toBe(records.length);
    for (const r of records) {
      for (const t of Object.values(r.milestones)) {
        expect(Date.parse(t!)).toBeLessThanOrEqual(now.getTime());
      }
      for (const e of [...r.timeline, ...r.statusUpdates]) {
        expect(Date.parse(e.at)).toBeGreaterThanOrEqual(
          Date.parse(r.milestones.started),
        );
      }
      if (r.postmortem) {
        createPostmortemContentSchema({
          severities: ['P1', 'P2', 'P3', 'P4'],
        }).parse(r.postmortem);
      }
    }
  });

  it('hold one open incident led by the guest, and a P2 without its postmortem', () => {
    const open = records.filter(r => r.status === 'open');
    expect(open).toHaveLength(1);
    expect(open[0].roles[0]).toMatchObject({
      role: 'commander',
      user: 'user:default/guest',
    });
    expect(open[0].alerts[0].status).toBe('firing');
    expect(
      records.filter(r => r.status === 'resolved' && r.postmortem).length,
    ).toBe(2);
    expect(
      records.some(
        r => r.status === 'resolved' && r.severity === 'P2' && !r.postmortem,
      ),
    ).toBe(true);
  });

  it('show a runbook step that did not help in the last three incidents that followed it', () => {
    const unhelpful = records.flatMap(r =>
      r.checklist.filter(
        t =>
          t.runbook === 'default/postgres-disk-full' &&
          t.step === 'recovery[4]' &&
          t.outcome === 'unhelpful',
      ),
    );
    expect(unhelpful).toHaveLength(3);
    for (const r of records) {
      for (const t of r.checklist) expect(r.runbooks).toContain(t.runbook);
    }
  });
});
