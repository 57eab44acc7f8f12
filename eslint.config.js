// Lint is part of `npm test`. Type-aware rules are off: they double the run time for little gain here.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['node_modules/', 'addin/dist/', 'data/', 'test/artifacts/', 'coverage/', '**/.*/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // shared/ is the pure domain: nothing from the hosts or the frameworks.
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['react', 'react-dom', 'hono', 'hono/*', 'kysely', 'pg', '@fluentui/*', 'node:*', 'exceljs'] }],
      'no-restricted-globals': ['error', 'Excel', 'Office'],
    },
  },
  {
    // Only repositories (and the database wiring) speak SQL.
    files: ['server/src/**/*.ts'],
    ignores: ['server/src/**/*.repository.ts', 'server/src/db/**', 'server/src/**/*.test.ts', 'server/src/testing/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { paths: [{ name: 'kysely', allowTypeImports: true, message: 'SQL lives in *.repository.ts (CONVENTIONS.md).' }] },
      ],
    },
  },
  {
    files: ['addin/src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
);
