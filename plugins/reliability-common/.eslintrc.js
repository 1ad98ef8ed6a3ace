module.exports = require('@backstage/cli/config/eslint-factory')(__dirname, {
  // No module may import, through others, one that imports it.
  rules: { 'import/no-cycle': 'error' },
  settings: {
    'import/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
    'import/resolver': { node: { extensions: ['.ts', '.tsx', '.js'] } },
  },
});
