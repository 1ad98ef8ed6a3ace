/*
 * The demo backend: Backstage's catalog, auth, permissions and search, plus
 * the reliability backend plugin. See the README for how to run it.
 */

import { createBackend } from '@backstage/backend-defaults';

const backend = createBackend();

backend.add(import('@backstage/plugin-app-backend'));

// Sign-in: the guest provider for local use (see auth.providers in app-config).
backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));

// The software catalog, with the demo organisation and system.
backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(import('@backstage/plugin-catalog-backend-module-logs'));

// Permissions, decided by the demo policy in ./permissionPolicy.ts.
backend.add(import('@backstage/plugin-permission-backend'));
backend.add(import('./permissionPolicy'));

// Search: the in-memory engine by default; PostgreSQL's full-text search when
// the backend runs on PostgreSQL.
backend.add(import('@backstage/plugin-search-backend'));
backend.add(import('@backstage/plugin-search-backend-module-pg'));
backend.add(import('@backstage/plugin-search-backend-module-catalog'));

// Notifications (and signals, which push them to open browsers): the
// reliability plugin tells the owners of a component whose backups become
// violated or whose restore drill goes stale.
backend.add(import('@backstage/plugin-notifications-backend'));
backend.add(import('@backstage/plugin-signals-backend'));

// Events: Git hosts' webhooks (POST /api/events/http/github and …/gitlab,
// checked against events.modules.*.webhookSecret), routed to github.push and
// gitlab.push, on which the reliability plugin re-reads the runbooks of the
// pushed repository at once.
backend.add(import('@backstage/plugin-events-backend'));
backend.add(import('@backstage/plugin-events-backend-module-github'));
backend.add(import('@backstage/plugin-events-backend-module-gitlab'));

// The reliability suite, and its runbooks in search.
backend.add(import('@reliability-suite/plugin-reliability-backend'));
backend.add(
  import('@reliability-suite/plugin-search-backend-module-reliability'),
);

// Backup runs and drills read from Prometheus (reliability.backups.prometheus
// in app-config.yaml; the demo configures none).
backend.add(
  import('@reliability-suite/plugin-reliability-backend-module-prometheus'),
);

// The suite's actions for AI agents, over MCP (Streamable HTTP at
// /api/mcp-actions/v1; backend.actions.pluginSources in app-config.yaml).
backend.add(import('@backstage/plugin-mcp-actions-backend'));

// Demo only: backup runs and restore drills for the demo's recovery plan,
// and an incident history for the demo services.
backend.add(import('./demoRecoveryData'));
// Refuses to start in production with the demo's public machine tokens.
backend.add(import('./demoTokenGuard'));
backend.add(import('./demoIncidents'));

backend.start();
