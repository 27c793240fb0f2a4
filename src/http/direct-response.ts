/**
 * A response the service built itself (an HTML page, a JSON document it assembled, a redirect).
 * `AuthleteResponseInterceptor` sends it as-is, so one route can mix Authlete outcomes and pages.
 */
export class DirectResponse {
  constructor(
    readonly status: number,
    readonly headers: Readonly<Record<string, string>>,
    readonly body?: string,
  ) {}
}
