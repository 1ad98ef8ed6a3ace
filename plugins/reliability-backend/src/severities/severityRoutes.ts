import type { HttpAuthService } from '@backstage/backend-plugin-api';
import type { SeverityLevel } from '@reliability-suite/plugin-reliability-common';
import type { SpecRouter } from '../schema/openapi/generated/router';
import { readerCredentials } from '../auth/credentials';

/** `GET /severities`: the configured levels, most severe first. */
export function registerSeverityRoutes(
  router: SpecRouter,
  options: { httpAuth: HttpAuthService; severities: SeverityLevel[] },
) {
  router.get('/severities', async (req, res) => {
    await readerCredentials(options.httpAuth, req);
    res.json({ items: options.severities });
  });
}
