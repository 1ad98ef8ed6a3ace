import type {
  BackstageCredentials,
  HttpAuthService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import type express from 'express';

type AnyPrincipal = {
  type: string;
  userEntityRef?: string;
  subject?: string;
  accessRestrictions?: {
    permissionNames?: string[];
    permissionAttributes?: { action?: string[] };
  };
};

const principalOf = (credentials: BackstageCredentials) =>
  credentials.principal as AnyPrincipal;

/** Who acts: the user's entity ref, or the service's subject. */
export function principalRef(credentials: BackstageCredentials): string {
  const principal = principalOf(credentials);
  return principal.userEntityRef ?? principal.subject ?? principal.type;
}

/**
 * A machine from outside the backend: an external-access token (its
 * configured subject), not a plugin of this backend (`plugin:<id>`).
 */
export function isMachineToken(credentials: BackstageCredentials): boolean {
  const principal = principalOf(credentials);
  return (
    principal.type === 'service' &&
    !String(principal.subject ?? '').startsWith('plugin:')
  );
}

/**
 * The permissions a token is held to by its `accessRestrictions`
 * (`permission:` or `permissionAttribute:`), if it is held to any: a token
 * for one job, such as delivering alerts or reporting backups.
 */
export function jobOf(credentials: BackstageCredentials): string | undefined {
  const principal = principalOf(credentials);
  if (principal.type !== 'service') return undefined;
  const { permissionNames, permissionAttributes } =
    principal.accessRestrictions ?? {};
  if (permissionNames?.length) return permissionNames.join(', ');
  if (permissionAttributes?.action?.length) {
    return `${permissionAttributes.action.join(', ')} actions`;
  }
  return undefined;
}

/**
 * A request of any route of the typed router, as the helpers that read only
 * who asks (its headers and cookies) take it: each handler's own `req` is
 * typed by the document.
 */
export type ApiRequest = express.Request<any, any, any, any>;

/**
 * The credentials of a read: a user's, or a service's that is not held to
 * one job. A token configured to deliver alerts or report backups reads
 * nothing, so a leaked one cannot be used to browse incidents.
 */
export async function readerCredentials(
  httpAuth: HttpAuthService,
  req: ApiRequest,
): Promise<BackstageCredentials> {
  const credentials = await httpAuth.credentials(req, {
    allow: ['user', 'service'],
  });
  const job = jobOf(credentials);
  if (job) {
    throw new NotAllowedError(
      `This token is for ${job} only; it reads nothing`,
    );
  }
  return credentials;
}

/** Whether a person acts (not a machine or a plugin). */
export function isUser(credentials: BackstageCredentials): boolean {
  return principalOf(credentials).type === 'user';
}
