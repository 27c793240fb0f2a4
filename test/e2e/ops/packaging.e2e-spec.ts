import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { validateEnvironment } from '../../../src/config/validate-environment';

const ROOT = join(__dirname, '..', '..', '..');
const yaml = createRequire(__filename)('js-yaml') as { load(text: string): unknown };
const read = (name: string): string => readFileSync(join(ROOT, name), 'utf8');

type Scalar = string | number | boolean | null;
interface ComposeService {
  image?: string;
  build?: string | { context: string };
  environment?: Record<string, Scalar> | string[];
  ports?: string[];
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
  volumes?: string[];
  [key: string]: unknown;
}
interface ComposeFile {
  name?: string;
  services: Record<string, ComposeService>;
  volumes?: Record<string, unknown>;
}

/** Compose variable interpolation: `${NAME:-default}` and `${NAME}` (compose-spec "Interpolation"). */
function interpolate(value: string, env: Record<string, string> = {}): string {
  return value.replace(
    /\$\{([A-Z0-9_]+)(?::-([^}]*))?\}/g,
    (_m, name: string, fallback?: string) => env[name] ?? fallback ?? '',
  );
}

const TOP_LEVEL = new Set(['name', 'services', 'volumes', 'networks', 'configs', 'secrets']);
const SERVICE_KEYS = new Set([
  'build',
  'image',
  'ports',
  'environment',
  'volumes',
  'depends_on',
  'stop_signal',
  'stop_grace_period',
  'read_only',
  'tmpfs',
  'restart',
  'command',
  'healthcheck',
]);

describe('docker-compose.yml is a valid Compose file for the service and Redis', () => {
  const compose = yaml.load(read('docker-compose.yml')) as ComposeFile;

  it('has only Compose top-level keys and the two services', () => {
    for (const key of Object.keys(compose)) expect(TOP_LEVEL.has(key)).toBe(true);
    expect(Object.keys(compose.services).sort()).toEqual(['oauth-server', 'redis']);
  });

  it('every service uses known keys, has an image or a build, and well-formed ports, depends_on and healthchecks', () => {
    for (const [name, service] of Object.entries(compose.services)) {
      for (const key of Object.keys(service)) {
        expect({ name, key, known: SERVICE_KEYS.has(key) }).toEqual({ name, key, known: true });
      }
      expect(service.image !== undefined || service.build !== undefined).toBe(true);
      for (const port of service.ports ?? []) {
        expect(port).toMatch(/^(\d+\.\d+\.\d+\.\d+:)?\d+:\d+$/);
      }
      for (const [dependency, spec] of Object.entries(service.depends_on ?? {})) {
        expect(compose.services[dependency]).toBeDefined();
        expect(['service_started', 'service_healthy', 'service_completed_successfully']).toContain(
          spec.condition,
        );
      }
      if (service.healthcheck) {
        expect(['CMD', 'CMD-SHELL', 'NONE']).toContain(service.healthcheck.test[0]);
      }
      for (const volume of service.volumes ?? []) {
        const source = volume.split(':')[0] ?? '';
        if (!source.startsWith('.') && !source.startsWith('/')) {
          expect(compose.volumes?.[source]).toBeDefined();
        }
      }
    }
  });

  it('the environment is a map of scalars that passes the service configuration schema', () => {
    const env = compose.services['oauth-server']?.environment;
    expect(env).toBeDefined();
    expect(Array.isArray(env)).toBe(false);
    const values = Object.fromEntries(
      Object.entries(env as Record<string, Scalar>).map(([name, value]) => {
        expect(['string', 'number', 'boolean']).toContain(typeof value);
        return [name, interpolate(String(value))];
      }),
    );
    expect(() => validateEnvironment(values)).not.toThrow();
    expect(values['REDIS_URL']).toBe('redis://redis:6379');
  });

  it('documents a real Authlete service in comments that, once uncommented, are valid configuration', () => {
    const text = read('docker-compose.yml');
    const commented = Object.fromEntries(
      [...text.matchAll(/^\s*# (AUTHLETE_[A-Z_]+): "([^"]*)"/gm)].map((match) => [
        match[1]!,
        match[2]!,
      ]),
    );
    expect(Object.keys(commented)).toEqual(
      expect.arrayContaining([
        'AUTHLETE_BASE_URL',
        'AUTHLETE_SERVICE_APIKEY',
        'AUTHLETE_SERVICE_ACCESSTOKEN',
      ]),
    );
    const v3 = { ...commented, AUTHLETE_API_VERSION: 'V3' };
    delete (v3 as Record<string, string>)['AUTHLETE_SERVICE_APISECRET'];
    expect(() => validateEnvironment(v3)).not.toThrow();
  });
});

describe('Dockerfile', () => {
  const dockerfile = read('Dockerfile');
  const instructions = dockerfile
    .replace(/\\\n/g, ' ')
    .split('\n')
    .filter((line) => /^[A-Z]+\s/.test(line));

  it('is multi-stage, runs as a non-root user, has a HEALTHCHECK and starts the built entry point', () => {
    expect(instructions.filter((line) => line.startsWith('FROM ')).length).toBeGreaterThanOrEqual(
      2,
    );
    const user = instructions.filter((line) => line.startsWith('USER ')).pop();
    expect(user).toBeDefined();
    expect(user).not.toMatch(/USER\s+(root|0)\b/);
    expect(
      instructions.some((line) => line.startsWith('HEALTHCHECK ') && line.includes('/health/live')),
    ).toBe(true);
    const pkg = JSON.parse(read('package.json')) as { scripts: Record<string, string> };
    expect(pkg.scripts['start']).toContain('dist/src/main.js');
    expect(instructions.pop()).toBe('CMD ["node", "dist/src/main.js"]');
  });

  it('.dockerignore keeps secrets and local state out of the build context', () => {
    const ignored = read('.dockerignore')
      .split('\n')
      .map((line) => line.trim());
    for (const entry of ['.git', 'node_modules', '.env', '.data', 'dist']) {
      expect(ignored).toContain(entry);
    }
  });
});
