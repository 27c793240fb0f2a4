/**
 * `nestjs-oauth-server/testing`: the embedded engine (the Authlete API v3 offline, docs/engine.md)
 * for a host's own tests, e.g. a resource server checking tokens against a real flow.
 */
export {
  createEngine,
  startEngine,
  type CreateEngineOptions,
  type EmbeddedEngine,
  type RunningEngine,
  type StartEngineOptions,
} from '../engine/index';
