// The package.json that is published: the same manifest with its entry points moved from the
// TypeScript sources (which workspace code imports directly, with no build and no extra resolve
// condition) to the built `dist`, ESM and CommonJS, types first in each branch.
const entry = (name) => ({
  import: { types: `./dist/esm/${name}.d.ts`, default: `./dist/esm/${name}.js` },
  require: { types: `./dist/cjs/${name}.d.ts`, default: `./dist/cjs/${name}.js` },
});

/** @param {Record<string, unknown>} manifest the workspace package.json */
export function publishedManifest(manifest) {
  const { scripts: _scripts, ...rest } = manifest;
  return {
    ...rest,
    main: './dist/cjs/index.js',
    module: './dist/esm/index.js',
    types: './dist/esm/index.d.ts',
    exports: {
      '.': entry('index'),
      './testing': entry('testing/index'),
      './package.json': './package.json',
    },
  };
}
