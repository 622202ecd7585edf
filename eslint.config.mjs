import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'build/', 'dist/', 'out/', 'coverage/'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Core is pure: no Apps Script services, no Node I/O.
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-globals': ['error', 'SpreadsheetApp', 'FormApp', 'ScriptApp', 'MailApp', 'LockService',
        'PropertiesService', 'HtmlService', 'Session', 'Utilities', 'CacheService', 'process', 'document', 'window'],
      'no-restricted-imports': ['error', { patterns: ['node:*', 'fs', 'path', '../server/*', '../cli/*', '../client/*'] }],
    },
  },
  {
    // Only adapters may touch Apps Script services.
    files: ['src/server/**/*.ts'],
    ignores: ['src/server/adapters/**'],
    rules: {
      'no-restricted-globals': ['error', 'SpreadsheetApp', 'FormApp', 'ScriptApp', 'MailApp', 'LockService',
        'PropertiesService', 'HtmlService', 'CacheService'],
    },
  },
);
