import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  {
    ignores: [
      'dist/',
      'coverage/',
      'storybook-static/',
      '.next/',
      '**/.next/',
      'node_modules/',
      'public/mockServiceWorker.js',
      '*.tgz',
      'examples/nextjs-checkout/node_modules/',
      'examples/nextjs-checkout/.next/',
      'examples/nextjs-checkout/next-env.d.ts',
    ],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  reactHooks.configs.flat.recommended,
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      'react-hooks/exhaustive-deps': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    // Card data must never reach a log.
    rules: { 'no-console': 'error' },
  },
  {
    // The checkout controller has no React in it: the React layer binds it, and it runs anywhere.
    files: ['src/controller/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'react', message: 'src/controller has no React in it.' }],
          patterns: [
            {
              group: ['react/*', 'react-dom', 'react-dom/*', '@tanstack/react-query'],
              message: 'src/controller has no React in it.',
            },
            {
              group: ['../react', '../react/**', '../components/**'],
              message: 'src/controller sits below the React layer.',
            },
          ],
        },
      ],
    },
  },
  {
    // Components are built from what the package exports, as a merchant's own would be: the React layer's public
    // barrel (src/react/index.ts), src/core's public names and src/card.
    files: ['src/components/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/react/*', '!**/react/index'],
              message: "Import the React layer through its public barrel ('../../react') only.",
            },
            { group: ['**/core/*'], message: "Import src/core through its public names ('../../core') only." },
            {
              group: [
                '**/controller',
                '**/controller/**',
                '**/i18n',
                '**/i18n/**',
                '**/tokenizers',
                '**/tokenizers/**',
                '**/client',
                '**/client/**',
                '**/server',
                '**/server/**',
                '**/sandbox',
                '**/sandbox/**',
              ],
              message: "Components use the React layer's public barrel ('../../react'), src/core and src/card only.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/bin/**'],
    languageOptions: { globals: { ...globals.node } },
    rules: { 'no-console': 'off' },
  },
  {
    files: ['test/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'MemberExpression[object.name=/^(it|test|describe)$/][property.name=/^(only|skip|todo)$/]',
          message: 'Every test runs: no .only, .skip or .todo.',
        },
        {
          selector:
            "CallExpression[callee.object.name='vi'][callee.property.name=/^(mock|doMock)$/][arguments.0.value=/^(\\.|yuno-react)/]",
          message: "Test against the sandbox instead of mocking the package's own modules.",
        },
      ],
    },
  },
  {
    files: ['scripts/**', 'examples/**', 'bench/**', '*.config.{js,mjs,cjs,ts}', '**/*.cjs', '**/*.mjs'],
    languageOptions: { globals: { ...globals.node } },
  },
);
