// Type-aware lint. The import zones enforce the dependency direction of docs/architecture.md:
// endpoints → http, users, session, authlete → config, common; engine/ and src/ never meet,
// except that the composition root may start the engine through engine/index.ts; both may
// import the Authlete API contract in contract/, which imports neither.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import importX, { createNodeResolver } from 'eslint-plugin-import-x';
import { readdirSync } from 'node:fs';

/** Every endpoint folder under src/endpoints, found on disk (a new endpoint needs no entry here). */
const endpointDirs = readdirSync(new URL('./src/endpoints/', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

export default tseslint.config(
  { ignores: ['dist/**', '**/dist/**', 'node_modules/**', 'coverage/**', '.data/**', '*.js', 'engine/*.js', '*.mjs', 'bench/results/**',
    // examples/ are separate packages (their own dependencies, installed from the packed tarball).
    'examples/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    plugins: { 'import-x': importX },
    // Without a resolver and extensions that know `.ts`, import-x resolves nothing: the zones below
    // would never fire and no-cycle would see no module graph.
    settings: {
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.js', '.json'] })],
      'import-x/extensions': ['.ts', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-extraneous-class': 'off',
      eqeqeq: ['error', 'always'],
      curly: ['error', 'multi-line'],
      'no-console': 'error',
      'max-lines': ['error', { max: 400, skipBlankLines: false, skipComments: false }],
      'import-x/no-cycle': 'error',
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            { target: './contract', from: ['./src', './engine'], message: 'contract/ imports neither src/ nor engine/' },
            { target: './engine', from: './src', message: 'engine/ never imports src/' },
            { target: './src', from: './engine', except: ['./index.ts'], message: 'src/ may use only engine/index.ts' },
            { target: './src/!(app.module.ts|main.ts|embedded-engine.ts|testing.ts)', from: './engine', message: 'only the composition root starts the engine' },
            // Inside the engine, imports point one way: server → flows → context → the building blocks.
            { target: './engine/src', from: ['./engine/index.ts', './engine/cli.ts'], message: 'engine internals never import the public entry or the CLI' },
            { target: './engine/src/flows', from: ['./engine/src/server', './engine/src/build-engine.ts'], message: 'engine flows never import the server' },
            {
              target: './engine/src/!(flows|server|build-engine.ts)/**',
              from: ['./engine/src/flows', './engine/src/server', './engine/src/build-engine.ts'],
              message: 'engine building blocks never import flows or the server',
            },
            { target: './engine/src/!(context|flows|server|build-engine.ts)/**', from: './engine/src/context', message: 'only flows and the server use the engine context' },
            { target: './engine/src/model', from: './engine/src/!(model)/**', message: 'the engine model imports nothing else of the engine' },
            { target: './src/config', from: './src/!(config|common)/**', message: 'config/ depends on nothing but common/' },
            { target: './src/common', from: './src/!(common)/**', message: 'common/ depends on nothing in src/' },
            { target: './src/authlete', from: './src/!(authlete|config|common)/**', message: 'authlete/ → config, common only' },
            { target: './src/users', from: './src/!(users|config|common)/**', message: 'users/ → config, common only' },
            { target: './src/session', from: './src/!(session|config|common)/**', message: 'session/ → config, common only' },
            { target: './src/grants', from: './src/!(grants|authlete|users|session|config|common)/**', message: 'grants/ → authlete, users, session, config, common only' },
            { target: './src/interaction', from: './src/!(interaction|http|users|session|authlete|config|common)/**', message: 'interaction/ (shared browser pages and sign-in) → http, users, session, authlete, config, common only' },
            { target: './src/http', from: './src/!(http|authlete|config|common)/**', message: 'http/ → authlete, config, common only' },
            { target: './src/ops', from: './src/endpoints', message: 'ops/ never imports endpoints' },
            ...endpointDirs.map((name) => ({
              target: `./src/endpoints/${name}`,
              from: `./src/endpoints/!(${name})/**`,
              message: 'no endpoint imports another endpoint',
            })),
          ],
        },
      ],
    },
  },
  {
    // Only the composition root wires things by lookup; everything else gets what it needs injected.
    files: ['src/**/*.ts'],
    ignores: ['src/app.module.ts', 'src/main.ts', 'src/bootstrap.ts', 'src/embedded-engine.ts', 'src/module/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@nestjs/core',
              importNames: ['ModuleRef'],
              message: 'no ModuleRef lookup outside the composition root: inject, or report through a port',
            },
          ],
        },
      ],
    },
  },
  {
    // http/ → authlete/ is types-only: the HTTP layer never needs an authlete class at run time.
    files: ['src/http/**/*.ts'],
    ignores: ['**/*.spec.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/authlete/**', '**/authlete'],
              allowTypeImports: true,
              message: 'http/ may import authlete/ types only (import type)',
            },
          ],
        },
      ],
    },
  },
  {
    // Every endpoint has one shape: the controller pulls request data, a service talks to Authlete.
    files: ['src/endpoints/**/*.controller.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/authlete/authlete.service'],
              allowTypeImports: true,
              message: 'controllers call their endpoint service; only services talk to Authlete',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.spec.ts', '**/*.e2e-spec.ts', 'test/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.ts'],
    rules: {
      '@typescript-eslint/unbound-method': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      'no-console': 'off',
    },
  },
);
