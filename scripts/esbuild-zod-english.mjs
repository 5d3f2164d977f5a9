// esbuild plugin shared by the CLI and Worker bundles: zod re-exports all of its ~40 message
// locales as `z.locales`, while both speak English only (shared/zod-english.ts); the other
// 260 KB would be parsed on every start.
export function zodEnglishOnly(root) {
  return {
    name: 'zod-english-only',
    setup(b) {
      b.onResolve({ filter: /\/locales\/index\.js$/ }, (args) =>
        args.importer.includes(`${'node_modules'}/zod/`)
          ? { path: 'zod-locales', namespace: 'zod-locales' }
          : undefined,
      );
      b.onLoad({ filter: /.*/, namespace: 'zod-locales' }, () => ({
        contents: "export { default as en } from 'zod/v4/locales/en.js';",
        resolveDir: root,
      }));
    },
  };
}
