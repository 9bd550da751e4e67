// `cem analyze` reads the elements' JSDoc (@summary @attr @fires @csspart @cssprop @slot) into custom-elements.json.
export default {
  globs: ['src/elements/**/*.ts'],
  exclude: ['src/elements/**/*.styles.ts', 'src/elements/**/define.ts'],
  outdir: '.',
  litelement: true,
};
