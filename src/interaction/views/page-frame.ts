/**
 * What every authorization page knows about the service it belongs to: its display name (page
 * titles, WCAG 2.1 SC 2.4.2), its own origin (logos served by the service itself) and the route
 * prefix its own links and forms start with (`''` or `/oauth`).
 */
export interface PageFrame {
  readonly serviceName: string;
  readonly ownOrigin: string;
  readonly basePath: string;
}
