// `cem analyze` reads the elements' JSDoc (@summary @attr @fires @csspart @cssprop @cssstate @slot) into
// custom-elements.json; the plugin below makes its output stable and as exact as the code.

/**
 * - Modules are sorted by path: the analyzer lists them in the order its file glob returns them, which varied from run
 *   to run, so two runs of the same sources could differ.
 * - A module that defines an element declares only its element classes: helper functions and constants it also
 *   exports (for tests, or for the element's own module split) are not the element's API.
 * - A property that an `@attr` line already describes gets that description (each fact written once, in the JSDoc
 *   of the class), so every public attribute and property of an element is described.
 */
const hashdropManifest = {
  name: 'hashdrop-manifest',
  packageLinkPhase({ customElementsManifest: manifest }) {
    manifest.modules.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    for (const module of manifest.modules) {
      const elements = (module.declarations ?? []).filter((declaration) => declaration.customElement);
      if (!elements.some((element) => element.tagName)) continue;
      const kept = new Set(elements.map((element) => element.name));
      module.declarations = elements;
      module.exports = (module.exports ?? []).filter(
        (entry) => entry.kind !== 'js' || entry.declaration?.module !== module.path || kept.has(entry.declaration.name),
      );
      for (const element of elements) {
        for (const attribute of element.attributes ?? []) {
          const field = element.members?.find((member) => member.name === attribute.fieldName);
          if (field && !field.description && attribute.description) field.description = attribute.description;
        }
      }
    }
  },
};

export default {
  globs: ['src/elements/**/*.ts'],
  exclude: ['src/elements/**/*.styles.ts', 'src/elements/**/define.ts'],
  litelement: true,
  // The package.json field is written by hand ("customElements": "custom-elements.json"), never by the analyzer.
  packagejson: false,
  plugins: [hashdropManifest],
};
