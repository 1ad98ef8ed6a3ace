import type { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import type { ReliabilityApiRoutes } from '@reliability-suite/plugin-reliability-common';

/** An HTTP method the backend's document has routes for. @public */
export type ReliabilityApiMethod = keyof ReliabilityApiRoutes;

/** A request's path parameters, query and body. @public */
export interface ReliabilityRequestOptions {
  params?: Record<string, string>;
  query?: Record<string, string>;
  body?: unknown;
  /** Request headers besides the token and the content type. */
  headers?: Record<string, string>;
}

/** The query values that are set (not undefined, not empty), as strings. */
export const queryOf = (values: Record<string, unknown>) =>
  Object.fromEntries(
    Object.entries(values)
      .filter(([, v]) => v !== undefined && v !== '')
      .map(([k, v]) => [k, String(v)]),
  );

/**
 * Calls the reliability backend through Backstage's discovery and fetch
 * APIs, so that requests carry the signed-in user's token; only the routes of
 * the backend's OpenAPI document can be called.
 *
 * @public
 */
export class ReliabilityBackendClient {
  protected readonly discoveryApi: DiscoveryApi;
  protected readonly fetchApi: FetchApi;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
  }

  protected async json<T>(
    method: ReliabilityApiMethod,
    route: ReliabilityApiRoutes[ReliabilityApiMethod],
    options?: ReliabilityRequestOptions,
  ): Promise<T> {
    return (await (await this.request(method, route, options)).json()) as T;
  }

  // Only the routes of the backend's OpenAPI document can be called: the
  // route is one of ReliabilityApiRoutes, its {params} filled in and encoded.
  protected async request<M extends ReliabilityApiMethod>(
    method: M,
    route: ReliabilityApiRoutes[M],
    options: ReliabilityRequestOptions = {},
    /** `notModified`: a 304 is an answer (to a conditional GET), not an error. */
    accept: { notModified?: boolean } = {},
  ): Promise<Response> {
    const baseUrl = await this.discoveryApi.getBaseUrl('reliability');
    const path = route.replace(/\{(\w+)\}/g, (_, key: string) => {
      const value = options.params?.[key];
      if (value === undefined) throw new Error(`${route} needs ${key}`);
      return encodeURIComponent(value);
    });
    const query = new URLSearchParams(options.query ?? {}).toString();
    const response = await this.fetchApi.fetch(
      `${baseUrl}${path}${query ? `?${query}` : ''}`,
      {
        method: method.toUpperCase(),
        headers: {
          ...options.headers,
          ...(options.body !== undefined
            ? { 'Content-Type': 'application/json' }
            : {}),
        },
        ...(options.body !== undefined
          ? { body: JSON.stringify(options.body) }
          : {}),
      },
    );
    if (response.status === 304 && accept.notModified) return response;
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return response;
  }
}
