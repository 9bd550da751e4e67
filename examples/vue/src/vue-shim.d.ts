// For `tsc -p examples/vue` (which reads no .vue files): a single-file component is a Vue component.
declare module '*.vue' {
  import type { DefineComponent } from 'vue';
  const component: DefineComponent;
  export default component;
}
