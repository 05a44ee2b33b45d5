import js from '@eslint/js';
import globals from 'globals';
import lit from 'eslint-plugin-lit';
import litA11y from 'eslint-plugin-lit-a11y';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'storybook-static/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  lit.configs['flat/recommended'],
  { plugins: { 'lit-a11y': litA11y }, rules: litA11y.configs.recommended.rules },
  {
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // The library never parses a string as HTML: no innerHTML, no unsafeHTML.
    files: ['src/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'MemberExpression[property.name=/^(innerHTML|outerHTML)$/]',
          message: 'Render text with Lit templates; never parse strings as HTML.',
        },
        {
          selector: "CallExpression[callee.property.name='insertAdjacentHTML']",
          message: 'Render text with Lit templates; never parse strings as HTML.',
        },
      ],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['lit/directives/unsafe-*'], message: 'No string from a feed is rendered as HTML.' },
            // styleMap writes a style attribute on first render, which a strict CSP refuses: use cssom-style.ts.
            { group: ['lit/directives/style-map*'], message: 'Use cssomStyle (src/base/cssom-style.ts): styleMap breaks a strict CSP.' },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.mjs', '**/*.cjs', 'scripts/**', 'bin/**', '*.config.*'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
