import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist/**', '.wxt/**', '.output/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  // Maintenance scripts (scripts/*.mjs) run in Node.
  { files: ['scripts/**/*.mjs'], languageOptions: { globals: globals.node } },
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        { selector: "AssignmentExpression[left.property.name='innerHTML']", message: 'Build DOM nodes; never assign innerHTML.' },
        { selector: "CallExpression[callee.name='eval']", message: 'No eval.' },
      ],
    },
  },
  {
    // React code only: Playwright fixtures also call a function named `use`.
    files: ['entrypoints/**/*.{ts,tsx}', 'components/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    // Content scripts are guests in the helpdesk's page: keep them tiny and away from the database.
    files: ['entrypoints/*.content/**', 'entrypoints/*.content.ts', 'lib/content/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['dexie', 'dexie-react-hooks', '**/lib/db', '**/lib/db/**'], message: 'Content scripts never open the database; send a message.' },
            { group: ['zod', 'react', 'react-dom', 'react-dom/*'], message: 'Too heavy for a content script.' },
            // The page script uses the browser's own object (wxt.config.ts aliases wxt/browser for it);
            // lib/model and lib/messaging pull zod in.
            { group: ['webextension-polyfill', '@webext-core/*', '**/lib/model', '**/lib/model/**', '**/lib/messaging/**'], message: 'Keeps the content script small: use lib/content/channel.ts.' },
          ],
        },
      ],
    },
  },
);
