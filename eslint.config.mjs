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
  {
    files: [
      '**/*.decider.ts',
      'src/billing/pricing/**/*.ts',
      'src/shared/json-path.ts',
      'src/customers/subscriptions/billing-period.ts',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: INFRASTRUCTURE,
              message: 'Domain code stays pure: no framework, database or event-store imports.',
            },
          ],
        },
      ],
    },
  },
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
