export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.styles.ts', 'src/cli/**'],
  outdir: 'dist',
  litelement: true,
};
