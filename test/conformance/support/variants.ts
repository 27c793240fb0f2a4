import { startLocalTarget, type ServiceOverrides } from './local-target';
import { remoteTarget } from './remote-target';
import type { ConformanceTarget } from './target';

/** Optional capabilities of a target that some checks need. */
export type Capability =
  | 'publicClient'
  | 'specialSecretClient'
  | 'jwtClient'
  | 'passwordClient'
  | 'resourceServer'
  | 'otherUser'
  | 'otherRedirectUri'
  | 'hybrid'
  | 'engineConfig';

/** One way to run a suite: the offline app (always) or the configured remote deployment. */
export interface Variant {
  name: string;
  local: boolean;
  start(): Promise<ConformanceTarget>;
  has(capability: Capability): boolean;
}

function remoteHas(target: ConformanceTarget, capability: Capability): boolean {
  switch (capability) {
    case 'otherRedirectUri':
      return target.confidential.otherRedirectUri !== undefined;
    case 'hybrid':
      return target.confidential.responseTypes.includes('code id_token');
    case 'engineConfig':
      return false;
    case 'publicClient':
    case 'specialSecretClient':
    case 'jwtClient':
    case 'passwordClient':
    case 'resourceServer':
    case 'otherUser':
      return target[capability] !== undefined;
  }
}

/**
 * The variants a suite runs: the local one always, on a fresh app whose engine configuration gets
 * `overrides`; the remote one when `CONFORMANCE_*` variables configure it (remote-target.ts). Why
 * the remote variant is absent is printed once per run by remote-variant.e2e-spec.ts.
 */
export function variants(overrides: ServiceOverrides = {}): Variant[] {
  const list: Variant[] = [
    {
      name: 'local',
      local: true,
      start: () => startLocalTarget(overrides),
      has: () => true,
    },
  ];
  const remote = remoteTarget();
  if (remote.target) {
    const target = remote.target;
    list.push({
      name: 'remote',
      local: false,
      start: () => Promise.resolve(target),
      has: (capability) => remoteHas(target, capability),
    });
  }
  return list;
}

/**
 * Defines the checks in `define` only when the variant has `capability`; otherwise prints which
 * checks the variant leaves out and why (only the remote variant can lack a capability).
 */
export function withCapability(
  variant: Variant,
  capability: Capability,
  checks: string,
  define: () => void,
): void {
  if (variant.has(capability)) {
    define();
    return;
  }
  console.warn(
    `[conformance] ${variant.name} variant leaves out ${checks}: capability '${capability}' is not configured (see docs/conformance.md, "Remote variant")`,
  );
}

/** Registers beforeAll/afterAll that start and stop the variant's target; returns a getter. */
export function useTarget(variant: Variant): () => ConformanceTarget {
  let target: ConformanceTarget | undefined;
  beforeAll(async () => {
    target = await variant.start();
  });
  afterAll(async () => {
    await target?.close();
  });
  return () => {
    if (!target) throw new Error('target not started');
    return target;
  };
}
