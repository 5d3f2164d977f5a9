// ESLint flat config: typescript-eslint's recommended rules everywhere, React hook rules in
// the renderer, and Prettier owns formatting (no stylistic rules here).
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'release-e2e/**', 'node_modules/**', 'docs/**', '.scratch/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // A variable that callbacks read before its one assignment must stay a let.
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
      '@typescript-eslint/consistent-type-imports': ['error', { disallowTypeAnnotations: false }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // Our effects set state from IPC answers and reset a result when its input changes;
      // both are the synchronisation this rule's own docs allow, which it cannot tell apart.
      'react-hooks/set-state-in-effect': 'off',
    },
  },
  {
    // The launcher is CommonJS on purpose: it requires the CLI bundle without an ES module loader.
    files: ['bin/**/*.js', '**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
