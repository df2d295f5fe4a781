// Lint configuration (kept under test/ so the project's top level stays as agreed).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { layerRule } from './layer-rule.mjs';
import { noCycleRule } from './no-cycle.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
// One plugin object: flat config refuses two different objects under the same name.
const malkoll = { rules: { layers: layerRule, 'no-cycle': noCycleRule } };

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    plugins: { malkoll },
    rules: {
      'malkoll/layers': ['error', { root }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
      'no-console': 'off',
    },
  },
  {
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    plugins: { malkoll },
    rules: { 'malkoll/no-cycle': 'error' },
  },
  {
    // The front ends reach data only through the store's methods, never its Graph client.
    files: ['src/tab/**/*.ts', 'src/tab/**/*.tsx', 'src/addin/**/*.ts', 'src/addin/**/*.tsx'],
    rules: {
      'no-restricted-syntax': ['error', { selector: "Identifier[name='graphClientOf']", message: 'The front ends use the store\'s methods, not its Graph client.' }],
    },
  },
  {
    files: ['**/*.mjs', '**/*.cjs', '**/*.js'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
    languageOptions: { globals: { process: 'readonly', console: 'readonly', require: 'readonly', module: 'writable', __dirname: 'readonly' } },
  },
);
