// `cem analyze` reads the elements' JSDoc (@summary @attr @fires @csspart @cssprop @slot) into custom-elements.json.
export default {
  globs: ['src/elements/**/*.ts'],
  exclude: ['src/elements/**/*.styles.ts', 'src/elements/**/define.ts'],
  litelement: true,
  // The package.json field is written by hand ("customElements": "custom-elements.json"), never by the analyzer.
  packagejson: false,
};
