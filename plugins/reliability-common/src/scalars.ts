// The API's scalar kinds that TypeScript does not tell apart: the backend's
// generator writes them into the OpenAPI document as `integer` and `date-time`.

/**
 * A whole number: what the API's document calls an `integer`.
 *
 * @public
 */
export type Integer = number;

/**
 * A time in ISO 8601, as the API answers with it: UTC with milliseconds
 * (`2026-11-20T09:02:00.000Z`), a `date-time` in the API's document.
 *
 * @public
 */
export type Timestamp = string;
