/** One way to reach an Authlete API whose answer a route acts on. */
export interface Reach {
  readonly title: string;
  /** Fake replies by API; the unknown action goes to the last call the route makes. */
  readonly replies: Readonly<Record<string, object>>;
  readonly send: (url: string) => Promise<Response>;
}
