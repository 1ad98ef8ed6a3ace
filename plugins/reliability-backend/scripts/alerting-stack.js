#!/usr/bin/env node
/* eslint-disable no-console */
// A real Prometheus and Alertmanager (Debian's `prometheus` and
// `prometheus-alertmanager`) on 127.0.0.1, routing alerts to the reliability
// backend's webhook — what the Alertmanager bridge is tested against, and a
// way to see it with the demo:
//
//   node plugins/reliability-backend/scripts/alerting-stack.js \
//     --backend http://localhost:7007 --token demo-alertmanager-token
//
// fires `PostgresDown` (namespace insights, severity critical) until you stop
// it with Ctrl-C; `--resolve-after 60` resolves it after a minute instead.
// The test uses `startAlertingStack` with rules of its own.
const { spawn } = require('node:child_process');
const {
  mkdtempSync,
  mkdirSync,
  writeFileSync,
  existsSync,
  rmSync,
} = require('node:fs');
const { createServer } = require('node:net');
const { tmpdir } = require('node:os');
const { join } = require('node:path');

const PROMETHEUS = process.env.PROMETHEUS_BIN ?? '/usr/bin/prometheus';
const ALERTMANAGER =
  process.env.ALERTMANAGER_BIN ?? '/usr/bin/prometheus-alertmanager';

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * Prometheus rules: each fires while `firing` is not false; one with
 * `firing: false` evaluates to nothing, so Prometheus resolves its alert at
 * once (a rule removed would only time out).
 */
function rulesYaml(rules) {
  return `groups:
  - name: reliability-test
    interval: 1s
    rules:
${rules
  .map(
    r => `      - alert: ${r.alert}
        expr: ${r.firing === false ? 'vector(0) > 1' : 'vector(1)'}
        labels: ${JSON.stringify(r.labels ?? {})}
        annotations: ${JSON.stringify(r.annotations ?? {})}`,
  )
  .join('\n')}
`;
}

async function waitFor(url, what) {
  for (let i = 0; i < 200; i++) {
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not up yet
    }
    await new Promise(r => setTimeout(r, 100));
  }
  throw new Error(`${what} did not start (${url})`);
}

/**
 * Starts Alertmanager (webhook receiver: the backend, with the token as its
 * bearer credentials) and Prometheus (evaluating `rules` every second,
 * sending to that Alertmanager). `setRules` rewrites the rules and reloads
 * Prometheus: a rule with `firing: false` resolves its alert.
 */
async function startAlertingStack({ webhookUrl, token, rules }) {
  for (const bin of [PROMETHEUS, ALERTMANAGER]) {
    if (!existsSync(bin)) {
      throw new Error(
        `${bin} is not there: apt-get install -y prometheus prometheus-alertmanager`,
      );
    }
  }
  const dir = mkdtempSync(join(tmpdir(), 'alerting-stack-'));
  const [amPort, promPort] = [await freePort(), await freePort()];
  writeFileSync(
    join(dir, 'alertmanager.yml'),
    `route:
  receiver: reliability
  group_by: [alertname]
  group_wait: 1s
  group_interval: 2s
  repeat_interval: 1h
receivers:
  - name: reliability
    webhook_configs:
      - url: ${webhookUrl}
        send_resolved: true
        http_config:
          authorization:
            type: Bearer
            credentials: ${token}
`,
  );
  writeFileSync(join(dir, 'rules.yml'), rulesYaml(rules));
  writeFileSync(
    join(dir, 'prometheus.yml'),
    `global: { evaluation_interval: 1s }
rule_files: [${join(dir, 'rules.yml')}]
alerting:
  alertmanagers:
    - static_configs: [{ targets: ['127.0.0.1:${amPort}'] }]
`,
  );
  mkdirSync(join(dir, 'am-data'));
  mkdirSync(join(dir, 'prom-data'));
  const output = [];
  const keep = child => {
    child.stdout?.on('data', d => output.push(String(d)));
    child.stderr?.on('data', d => output.push(String(d)));
    return child;
  };
  const alertmanager = keep(
    spawn(ALERTMANAGER, [
      `--config.file=${join(dir, 'alertmanager.yml')}`,
      `--storage.path=${join(dir, 'am-data')}`,
      `--web.listen-address=127.0.0.1:${amPort}`,
      // No cluster: a lone Alertmanager need not wait for gossip to settle.
      '--cluster.listen-address=',
    ]),
  );
  const prometheus = keep(
    spawn(PROMETHEUS, [
      `--config.file=${join(dir, 'prometheus.yml')}`,
      `--storage.tsdb.path=${join(dir, 'prom-data')}`,
      `--web.listen-address=127.0.0.1:${promPort}`,
      '--web.enable-lifecycle',
      // Resend firing alerts every 2 s (default 1 m): the first send can
      // come before Prometheus has discovered its Alertmanager, and is
      // dropped then.
      '--rules.alert.resend-delay=2s',
    ]),
  );
  const stop = async () => {
    for (const child of [prometheus, alertmanager]) {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await new Promise(r => child.once('exit', r));
      }
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitFor(`http://127.0.0.1:${amPort}/-/ready`, 'Alertmanager');
    await waitFor(`http://127.0.0.1:${promPort}/-/ready`, 'Prometheus');
  } catch (error) {
    await stop();
    throw new Error(`${error.message}\n${output.join('')}`);
  }
  return {
    prometheusUrl: `http://127.0.0.1:${promPort}`,
    alertmanagerUrl: `http://127.0.0.1:${amPort}`,
    output,
    async setRules(next) {
      writeFileSync(join(dir, 'rules.yml'), rulesYaml(next));
      const response = await fetch(`http://127.0.0.1:${promPort}/-/reload`, {
        method: 'POST',
      });
      if (!response.ok)
        throw new Error(`Prometheus reload: ${response.status}`);
    },
    stop,
  };
}

module.exports = { startAlertingStack };

if (require.main === module) {
  const args = process.argv.slice(2);
  const arg = (name, fallback) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? args[i + 1] : fallback;
  };
  const backend = arg('backend', 'http://localhost:7007');
  const rule = {
    alert: arg('alert', 'PostgresDown'),
    labels: { namespace: 'insights', severity: 'critical' },
    annotations: {
      summary: 'PostgreSQL primary is down',
      description: 'pg_up == 0 for 1 minute',
    },
  };
  startAlertingStack({
    webhookUrl: `${backend}/api/reliability/webhooks/alertmanager`,
    token: arg('token', 'demo-alertmanager-token'),
    rules: [rule],
  }).then(
    stack => {
      console.log(
        `Prometheus ${stack.prometheusUrl} fires ${rule.alert}; Alertmanager ${stack.alertmanagerUrl} sends it to ${backend}`,
      );
      const after = Number(arg('resolve-after', '0'));
      if (after > 0) {
        setTimeout(async () => {
          await stack.setRules([{ ...rule, firing: false }]);
          console.log(`${rule.alert} resolved`);
          setTimeout(() => stack.stop().then(() => process.exit(0)), 15_000);
        }, after * 1000);
      }
      process.on('SIGINT', () => stack.stop().then(() => process.exit(0)));
    },
    error => {
      console.error(error.message);
      process.exit(1);
    },
  );
}
