module.exports = require('@backstage/cli/config/eslint-factory')(__dirname, {
  // No module may import, through others, one that imports it.
  rules: { 'import/no-cycle': ['error', { ignoreExternal: true }] },
  settings: {
    // Only this package's own modules are followed: nothing is parsed in
    // node_modules.
    'import/ignore': ['node_modules'],
    'import/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
    'import/resolver': { node: { extensions: ['.ts', '.tsx', '.js'] } },
  },
});
