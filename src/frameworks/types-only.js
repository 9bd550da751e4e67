// `hashdrop/react` and `hashdrop/vue` are typings only; this empty module lets `import 'hashdrop/react'` resolve in a
// bundler too.
export {};
