// @ts-check
import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Modules a decider (pure domain) may never import: the framework, the database, the event store client. */
const INFRASTRUCTURE = [
  '@nestjs/*',
  'typeorm',
  'typeorm/*',
  'pg',
  'pg-*',
  '@eventstore/*',
  '@kurrent/*',
  'fastify',
  '@fastify/*',
];

/**
 * The map of contexts (README, "The house"): each domain context, and the contexts whose faces it
 * may import. Arrows only point this way, so there is no cycle between contexts. A face is the
 * context's `index.ts`, or its `model.ts` (the pure part, for pure code); nothing deeper.
 */
const CONTEXTS = {
  catalog: [],
  customers: ['catalog'],
  ingestion: [],
  metering: ['catalog', 'customers', 'ingestion'],
  billing: ['catalog', 'customers', 'metering'],
  entitlements: ['catalog', 'customers', 'metering'],
  audit: ['catalog', 'customers', 'ingestion', 'metering', 'billing', 'entitlements'],
};
const NAMES = Object.keys(CONTEXTS);
/** The floors every context stands on; they import no domain context. */
const FLOORS = [
  'shared',
  'config',
  'database',
  'event-store',
  'key-claims',
  'projections',
  'auth',
  'telemetry',
];

/** Pure code: no framework, database or event store, and other contexts only through their model. */
const PURE = [
  '**/*.decider.ts',
  '**/model.ts',
  'src/billing/pricing/**/*.ts',
  'src/catalog/plans/price.ts',
  'src/shared/json-path.ts',
  'src/customers/subscriptions/billing-period.ts',
  'src/entitlements/balance/**/*.ts',
  'src/entitlements/from-subscriptions/provided-entitlements.ts',
];

// Import strings are matched as written ('../../catalog', '../../catalog/model', '../../catalog/plans/x').
const deepInto = (other) => ({
  regex: `(^|/)${other}/(?!(index|model)$).+`,
  message: `Import ${other}'s face ('…/${other}', or '…/${other}/model' for its pure model), never its internals.`,
});
const anyOf = (other, why) => ({ regex: `(^|/)${other}(/.*)?$`, message: why });
const indexOf = (other) => ({
  regex: `(^|/)${other}(/index)?$`,
  message: `Pure code imports ${other}'s pure model ('…/${other}/model'), not its index (which brings its services).`,
});
const infrastructure = {
  group: INFRASTRUCTURE,
  message: 'Domain code stays pure: no framework, database or event-store imports.',
};

/** One no-restricted-imports block (a later block's options replace an earlier one's, so each file gets one). */
const restrict = (files, patterns, ignores = []) => ({
  files,
  ignores,
  rules: { 'no-restricted-imports': ['error', { patterns }] },
});

const contextBlocks = NAMES.flatMap((name) => {
  const others = NAMES.filter((other) => other !== name);
  const patterns = others.map((other) =>
    CONTEXTS[name].includes(other)
      ? deepInto(other)
      : anyOf(other, `${name} may not import ${other}: see the map of contexts in eslint.config.mjs.`),
  );
  const pure = PURE.filter((glob) => glob.startsWith('**/') || glob.startsWith(`src/${name}/`)).map((glob) =>
    glob.startsWith('**/') ? `src/${name}/${glob}` : glob,
  );
  return [
    restrict([`src/${name}/**/*.ts`], patterns, pure),
    restrict(pure, [...patterns, ...CONTEXTS[name].map(indexOf), infrastructure]),
  ];
});

export default tseslint.config(
  {
    ignores: ['dist/**', 'node_modules/**', 'coverage/**', '.data/**', 'bench/results/**', '.test-builds/**'],
  },
  eslint.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { parserOptions: { projectService: false } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'off',
      'no-constant-condition': ['error', { checkLoops: false }],
    },
  },
  // Type-aware rules for src/ (the type checker sees what a promise is): above all no promise left
  // floating, none handed where a callback's result is ignored, no await of a non-promise.
  ...tseslint.configs.recommendedTypeCheckedOnly.map((config) => ({ ...config, files: ['src/**/*.ts'] })),
  {
    files: ['src/**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      // Left out: raw SQL rows are \`any\` in TypeORM's types, so the no-unsafe-* family would ask for a
      // type on every query's rows (a change of its own); the last two are style, not defects.
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unnecessary-type-assertion': 'off',
      '@typescript-eslint/require-await': 'off',
      // A type guard's `else` (a value already known to be a string failing `isInstant`) is `never`.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNever: true }],
    },
  },
  // The shell (main, bootstrap, the app module, tools, health, serving the console) composes contexts through their faces.
  restrict(['src/*.ts', 'src/health/**/*.ts', 'src/console/**/*.ts'], NAMES.map(deepInto)),
  // Floors know no domain context.
  restrict(
    FLOORS.map((floor) => `src/${floor}/**/*.ts`),
    NAMES.map((name) => anyOf(name, `A floor (${FLOORS.join(', ')}) imports no domain context.`)),
    ['src/shared/json-path.ts'],
  ),
  restrict(
    ['src/shared/json-path.ts'],
    [infrastructure, ...NAMES.map((name) => anyOf(name, 'A floor imports no domain context.'))],
  ),
  ...contextBlocks,
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: {
        require: 'readonly',
        module: 'writable',
        __dirname: 'readonly',
        process: 'readonly',
        console: 'readonly',
      },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
