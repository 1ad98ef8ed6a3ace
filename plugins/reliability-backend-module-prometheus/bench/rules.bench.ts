/*
 * npm run bench: reading 5,000 alerting rules, from a Prometheus rules API
 * (`PrometheusRuleSource`, over HTTP from a local server) and from a rule
 * file (`parsePrometheusRules`), each beside a baseline measured in the same
 * run: a bare fetch + JSON.parse of the same answer, a bare YAML parse of
 * the same file. Memory: the heap the rules hold once read, against the
 * rules' text. Run with --expose-gc.
 */
import { parsePrometheusRules } from '@reliability-suite/plugin-reliability-common';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { load } from 'js-yaml';
import { PrometheusRuleSource } from '../src/PrometheusRuleSource';

const RULES = Number(process.env.BENCH_RULES ?? 5000);
const ROUNDS = 5;

function rule(i: number) {
  return {
    name: `Service${i % 500}Alert${i}`,
    query: `sum(rate(http_requests_total{job="service-${
      i % 500
    }",code=~"5.."}[5m])) > ${i % 10}`,
    duration: 300,
    labels: {
      severity: i % 3 ? 'warning' : 'critical',
      service: `service-${i % 500}`,
      team: `team-${i % 20}`,
    },
    annotations: {
      summary: `Service ${i % 500} fails more than it should (${i})`,
      runbook_url: `https://portal.example/reliability/alerts/Service${
        i % 500
      }Alert${i}`,
    },
    health: 'ok',
    type: 'alerting',
  };
}

function apiAnswer(): string {
  const groups = [];
  for (let g = 0; g < RULES / 50; g++) {
    groups.push({
      name: `group-${g}`,
      file: `/etc/prometheus/rules/group-${g}.yml`,
      rules: Array.from({ length: 50 }, (_, k) => rule(g * 50 + k)),
      interval: 30,
    });
  }
  return JSON.stringify({ status: 'success', data: { groups } });
}

function ruleFile(): string {
  const lines = ['groups:'];
  for (let g = 0; g < RULES / 50; g++) {
    lines.push(`  - name: group-${g}`, '    rules:');
    for (let k = 0; k < 50; k++) {
      const r = rule(g * 50 + k);
      lines.push(
        `      - alert: ${r.name}`,
        `        expr: '${r.query}'`,
        '        for: 5m',
        `        labels: { severity: ${r.labels.severity}, service: ${r.labels.service}, team: ${r.labels.team} }`,
        '        annotations:',
        `          summary: '${r.annotations.summary}'`,
        `          runbook_url: ${r.annotations.runbook_url}`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}

const gc = () => (global as any).gc?.();

async function best(fn: () => Promise<unknown> | unknown) {
  let min = Infinity;
  for (let i = 0; i < ROUNDS; i++) {
    const start = performance.now();
    await fn();
    min = Math.min(min, performance.now() - start);
  }
  return min;
}

// The heap a read takes: at its end before a collection (all it allocated,
// garbage included, unless a collection ran meanwhile: a lower bound of its
// peak) and what stays after one.
async function heapOf(make: () => Promise<unknown> | unknown) {
  gc();
  const before = process.memoryUsage().heapUsed;
  const value = await make();
  const peak = process.memoryUsage().heapUsed - before;
  gc();
  const held = process.memoryUsage().heapUsed - before;
  if (!value) throw new Error('nothing made');
  return { peak: Math.max(0, peak), held: Math.max(0, held) };
}

async function main() {
  const body = apiAnswer();
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(body);
  });
  await new Promise<void>(r => server.listen(0, '127.0.0.1', r));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const source = new PrometheusRuleSource({
    id: 'bench',
    baseUrl,
    schedule: { frequency: { minutes: 10 }, timeout: { minutes: 1 } },
  });
  const read = await source.read();
  if (read.length !== RULES) throw new Error(`read ${read.length} rules`);
  const apiMs = await best(() => source.read());
  const apiBase = await best(async () =>
    JSON.parse(await (await fetch(`${baseUrl}/api/v1/rules`)).text()),
  );
  const api = await heapOf(() => source.read());

  const text = ruleFile();
  const parsed = parsePrometheusRules(text, 'rules.yml');
  if (parsed.rules.length !== RULES || parsed.problems.length) {
    throw new Error(
      `parsed ${parsed.rules.length} rules, ${parsed.problems.length} problems`,
    );
  }
  const fileMs = await best(() => parsePrometheusRules(text, 'rules.yml'));
  const fileBase = await best(() => load(text));
  const fileFloor = await heapOf(() => load(text));
  const file = await heapOf(
    () => parsePrometheusRules(text, 'rules.yml').rules,
  );
  server.close();

  const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
  const ratio = (held: number, size: number) => (held / size).toFixed(1);
  const rows = [
    [
      `${RULES.toLocaleString('en-US')} rules from a rules API (${mb(
        body.length,
      )} MB of JSON)`,
      `${apiMs.toFixed(0)} ms`,
      `fetch + JSON.parse: ${apiBase.toFixed(0)} ms`,
      '≤ 2,000 ms',
      apiMs <= 2000 ? 'met' : '**missed**',
    ],
    [
      `${RULES.toLocaleString('en-US')} rules from a rule file (${mb(
        text.length,
      )} MB of YAML)`,
      `${fileMs.toFixed(0)} ms`,
      `bare YAML parse (js-yaml): ${fileBase.toFixed(0)} ms`,
      '≤ 2,000 ms',
      fileMs <= 2000 ? 'met' : '**missed**',
    ],
    [
      'heap a read from the API takes / the rules then hold',
      `${mb(api.peak)} MB (${ratio(api.peak, body.length)}×) / ${mb(
        api.held,
      )} MB`,
      `the JSON: ${mb(body.length)} MB`,
      '≤ 10× the text',
      api.peak <= 10 * body.length ? 'met' : '**missed**',
    ],
    [
      'heap a read from the file takes / the rules then hold',
      `${mb(file.peak)} MB (${ratio(file.peak, text.length)}×) / ${mb(
        file.held,
      )} MB`,
      `the YAML: ${mb(text.length)} MB; a bare YAML parse takes ${mb(
        fileFloor.peak,
      )} MB (${ratio(fileFloor.peak, text.length)}×)`,
      '≤ 10× the text',
      file.peak <= 10 * text.length ? 'met' : '**missed**',
    ],
  ];
  console.log('| | measured | baseline (same run) | target | |');
  console.log('|---|---|---|---|---|');
  for (const row of rows) console.log(`| ${row.join(' | ')} |`);
}

main().catch(error => {
  console.error(error);
  process.exitCode = 1;
});
