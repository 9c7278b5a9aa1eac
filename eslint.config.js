// Lint rules: typescript-eslint's recommended set, plus the house conventions (no any, no default exports).
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/**', 'cdk.out/**', '.data/**', 'console/dist/**', 'jest.config.cjs'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      'no-restricted-exports': ['error', { restrictDefaultExports: { direct: true } }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // Tests read JSON responses by shape; typing every reply body would add noise, not safety.
    files: ['test/**/*.ts', 'bench/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // Tools that require a default export: ESLint's flat config and jest's global hooks.
    files: ['eslint.config.js', 'test/helpers/global-*.ts'],
    rules: { 'no-restricted-exports': 'off' },
  },
);
