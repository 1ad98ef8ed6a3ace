// Every package's ESLint config: Backstage's, and no import cycles
// (following only the package's own modules, so lint is no slower).
module.exports = dir =>
  require('@backstage/cli/config/eslint-factory')(dir, {
    rules: { 'import/no-cycle': ['error', { ignoreExternal: true }] },
    settings: {
      'import/ignore': ['node_modules'],
      'import/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import/resolver': { node: { extensions: ['.ts', '.tsx', '.js'] } },
    },
  });
