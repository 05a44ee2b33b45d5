import { readFileSync } from 'node:fs';
import { defineConfig, type Plugin } from 'vite';
import { transform } from 'lightningcss';

/**
 * Lit's css`` literals reach the bundle as written; Lightning CSS minifies them at build
 * time (the citizens' core is budgeted in KB). Only files named *.styles.ts, which hold
 * nothing but CSS; a literal with an interpolation is left as written.
 */
function minifyLitCss(): Plugin {
  return {
    name: 'tiendo-minify-lit-css',
    apply: 'build',
    transform(code, id) {
      if (!id.endsWith('.styles.ts')) return null;
      const out = code.replace(/css`([^`$]*)`/g, (_, body: string) => {
        const { code: min } = transform({ filename: id, code: Buffer.from(body), minify: true });
        return `css\`${min.toString().replace(/[`\\]/g, '\\$&')}\``;
      });
      return { code: out, map: null };
    },
  };
}

/**
 * The iframe embed for CMSs that strip scripts (dist/embed.html with its own
 * small script and style, and dist/tiendo-resize.js for host pages) and the
 * embed builder (dist/builder.html, builder.js, builder.css), hosted by a
 * portal beside tiendo.js.
 *
 * embed.js and tiendo-resize.js import nothing tiendo.js has, so they stay
 * single files. builder.js shares code with the library (the formatters), which
 * rolldown would move into a chunk that tiendo.js then needs too; so esbuild
 * bundles it on its own, and it loads tiendo.js beside it at run time.
 *
 * Under `npm start` (vite dev) the files a snippet names beside the builder and
 * the embed (tiendo.js, index.js, embed.html, embed.js, tiendo-resize.js) redirect to
 * their sources, so /src/builder/builder.html works and writes working snippets.
 */
function embedFiles(): Plugin[] {
  const sources: Record<string, string> = {
    'tiendo.js': '/src/tiendo.ts',
    'index.js': '/src/index.ts',
    'embed.html': '/src/embed/embed.html',
    'embed.js': '/src/embed/embed.ts',
    'embed.css': '/src/embed/embed.css',
    'tiendo-resize.js': '/src/embed/resize-host.ts',
  };
  return [
    {
      name: 'tiendo-embed-dev',
      apply: 'serve',
      configureServer(server) {
        server.middlewares.use((req, res, next) => {
          const m = /^\/src\/(?:builder|embed)\/([\w.-]+)(\?.*)?$/.exec(req.url ?? '');
          const target = m && Object.hasOwn(sources, m[1]) ? sources[m[1]] : undefined;
          if (!m || !target || req.url!.split('?')[0] === target) return next();
          res.statusCode = 302;
          res.setHeader('Location', target + (m[2] ?? ''));
          res.end();
        });
      },
    },
    {
      name: 'tiendo-embed',
      apply: 'build',
      async buildStart() {
        this.emitFile({ type: 'chunk', id: 'src/embed/embed.ts', fileName: 'embed.js' });
        this.emitFile({ type: 'chunk', id: 'src/embed/resize-host.ts', fileName: 'tiendo-resize.js' });
        for (const name of ['embed.html', 'embed.css']) {
          this.emitFile({ type: 'asset', fileName: name, source: readFileSync(`src/embed/${name}`, 'utf8') });
        }
        const { build } = await import('esbuild');
        const bundle = await build({
          entryPoints: ['src/builder/builder.ts'],
          bundle: true,
          format: 'esm',
          target: 'es2022',
          minify: true,
          charset: 'utf8',
          legalComments: 'none',
          write: false,
        });
        this.emitFile({ type: 'asset', fileName: 'builder.js', source: bundle.outputFiles[0].text });
        const html = readFileSync('src/builder/builder.html', 'utf8').replace('src="./builder.ts"', 'src="./builder.js"');
        this.emitFile({ type: 'asset', fileName: 'builder.html', source: html });
        this.emitFile({ type: 'asset', fileName: 'builder.css', source: readFileSync('src/builder/builder.css', 'utf8') });
      },
    },
    {
      // The data studio (dist/studio.html, studio.js, studio.css): bundled on its own like the builder,
      // with the conversion core; the workbook reader and the validator's words are chunks
      // (chunks/studio-*.js) that studio.js fetches when it needs them. It loads tiendo.js beside it
      // for the preview. Under `npm start` it is /src/studio/studio.html.
      name: 'tiendo-studio',
      apply: 'build',
      async buildStart() {
        const { build } = await import('esbuild');
        const bundle = await build({
          entryPoints: { studio: 'src/studio/studio.ts' },
          bundle: true,
          splitting: true,
          format: 'esm',
          target: 'es2022',
          minify: true,
          charset: 'utf8',
          legalComments: 'none',
          outdir: 'dist',
          entryNames: '[name]',
          chunkNames: 'chunks/studio-[name]-[hash]',
          write: false,
        });
        for (const file of bundle.outputFiles) {
          const path = file.path.replace(/\\/g, '/');
          const fileName = path.slice(path.lastIndexOf('/dist/') + '/dist/'.length);
          this.emitFile({ type: 'asset', fileName, source: file.text });
        }
        const html = readFileSync('src/studio/studio.html', 'utf8').replace('src="./studio.ts"', 'src="./studio.js"');
        this.emitFile({ type: 'asset', fileName: 'studio.html', source: html });
        this.emitFile({ type: 'asset', fileName: 'studio.css', source: readFileSync('src/studio/studio.css', 'utf8') });
      },
    },
  ];
}

/**
 * dist/chunks.json: the files a page fetches for each widget beyond tiendo.js, by tag ("core": what
 * tiendo.js imports and fetches at once; "tiendo-province-table": the table's code and its view…), so that the builder and
 * `tiendo snippet` can write `modulepreload` hints for all of them at once instead of one round trip
 * after another (issue 19). Paths are relative to dist/.
 */
function chunkList(): Plugin {
  return {
    name: 'tiendo-chunk-list',
    apply: 'build',
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).filter((c) => c.type === 'chunk');
      const byModule = (test: RegExp) => chunks.find((c) => c.facadeModuleId && test.test(c.facadeModuleId.replace(/\\/g, '/')));
      const entry = chunks.find((c) => c.isEntry && c.fileName === 'tiendo.js');
      if (!entry) return;
      // The core: what tiendo.js imports, and the library it fetches at once (src/index.ts).
      const core = new Set([...entry.imports, ...entry.dynamicImports]);
      for (const file of [...core]) for (const i of chunks.find((c) => c.fileName === file)?.imports ?? []) core.add(i);
      /** A chunk and what it imports statically, beyond tiendo.js and the core. */
      const withImports = (file: string | undefined, out = new Set<string>()): Set<string> => {
        const c = file && chunks.find((x) => x.fileName === file);
        if (!c || out.has(c.fileName) || core.has(c.fileName) || c === entry) return out;
        out.add(c.fileName);
        for (const i of c.imports) withImports(i, out);
        return out;
      };
      // Each lazily defined widget, and the view chunks the page asks for with it (src/index.ts, withView).
      const views: Record<string, RegExp[]> = {
        'tiendo-province-table': [/province-table\/province-table-view\.ts$/],
        'tiendo-chart': [/chart\/chart-table\.ts$/, /chart\/chart-renderer\.ts$/],
      };
      const list: Record<string, string[]> = { core: [...core] };
      for (const tag of ['tiendo-province-table', 'tiendo-model-list', 'tiendo-chart', 'tiendo-picker', 'tiendo-map']) {
        const files = withImports(byModule(new RegExp(`/${tag}\\.ts$`))?.fileName);
        for (const view of views[tag] ?? []) withImports(byModule(view)?.fileName, files);
        list[tag] = [...files];
      }
      this.emitFile({ type: 'asset', fileName: 'chunks.json', source: `${JSON.stringify(list, null, 1)}\n` });
    },
  };
}

/**
 * tiendo.js (src/tiendo.ts) fetches the library (src/index.ts) at once, and the library's modules are
 * the core chunk; but Rolldown has tiendo.js ask for dist/index.js, the package's entry, which only
 * re-exports the core: one more round trip for a page without preload hints. tiendo.js uses none of
 * the exports, so it asks for the core chunk itself. (Its source map is off by the few characters of
 * the renamed path.)
 */
function scriptFetchesCore(): Plugin {
  return {
    name: 'tiendo-script-fetches-core',
    apply: 'build',
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).filter((c) => c.type === 'chunk');
      const script = chunks.find((c) => c.isEntry && c.fileName === 'tiendo.js');
      const library = chunks.find((c) => c.isEntry && c.fileName === 'index.js');
      // Only the library's build has them (Storybook builds with this config too).
      if (!script && !library) return;
      const reexports = library && /^export\s*\{[^}]*\}\s*from\s*"\.\/(chunks\/[\w.-]+\.js)";?\s*(?:\/\/# sourceMappingURL=\S+\s*)?$/.exec(library.code);
      const call = '`./index.js`';
      if (!script || !library || !reexports || !script.code.includes(`import(${call})`)) {
        throw new Error('tiendo.js no longer fetches index.js, or index.js no longer only re-exports the core, as this plugin expects (vite.config.ts)');
      }
      script.code = script.code.replace(`import(${call})`, `import(\`./${reexports[1]}\`)`);
      script.dynamicImports = script.dynamicImports.map((f) => (f === library.fileName ? reexports[1] : f));
    },
  };
}

/** `npm start` lands on the demo portal: / redirects to /demo/. */
function demoHome(): Plugin {
  return {
    name: 'tiendo-demo-home',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        if (req.url !== '/' && req.url !== '/index.html') return next();
        res.statusCode = 302;
        res.setHeader('Location', '/demo/index.html');
        res.end();
      });
    },
  };
}

/** The modules of the shared core chunk: Lit and the wings, but not the words or code fetched on demand. */
function isCore(id: string): boolean {
  // Lit's decorators serve only lazily defined widgets (the core declares static properties).
  if (/messages-en|rule-messages|csv-download|lazy-widget|[\\/]decorators[\\/.]/.test(id)) return false;
  // A widget's view-chunk.ts (the handle of its view's chunk) rides with the lazy definitions, and the
  // library (src/index.ts: the exports and definitions) is the core that tiendo.js fetches at once.
  return /[\\/]src[\\/](base|feed|i18n|progress|kpi)[\\/]|[\\/]view-chunk\.ts$|[\\/]src[\\/]index\.ts$|[\\/]node_modules[\\/](lit|lit-html|lit-element|@lit)[\\/]/.test(id);
}

// One config for both uses: `vite` serves the demo (sample feeds, no network),
// `vite build` writes the library to dist/.
export default defineConfig({
  publicDir: false,
  plugins: [minifyLitCss(), demoHome(), embedFiles(), scriptFetchesCore(), chunkList()],
  server: {
    open: process.env.CI || !process.env.DISPLAY ? false : '/demo/index.html',
  },
  build: {
    target: 'es2022',
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    minify: 'oxc',
    // dist/tiendo.js is the script a page includes (src/tiendo.ts); dist/index.js the package's module.
    lib: {
      entry: { tiendo: 'src/tiendo.ts', index: 'src/index.ts' },
      formats: ['es'],
      fileName: (_format, name) => `${name}.js`,
    },
    rolldownOptions: {
      // Reading a property has no side effect in this code base or Chart.js, so unused
      // Chart.js scales and plugins can be dropped from the chart chunk.
      treeshake: { propertyReadSideEffects: false },
      output: {
        chunkFileNames: 'chunks/[name]-[hash].js',
        // The code every widget shares (Lit, the base, the feed, the Vietnamese words) is one chunk that
        // tiendo.js and every lazy widget import by the same URL, so a page that loads
        // `tiendo.js?v=7` still runs one copy of it (a lazy chunk importing tiendo.js itself would load
        // the library a second time under the URL without `?v=7`).
        codeSplitting: {
          groups: [{ name: 'core', test: (id: string) => isCore(id), priority: 10 }],
        },
        // Vite keeps white space in ES library builds; a script tag wants the smallest file.
        minify: true,
        // Nor does it need the bundler hints (`/* @__PURE__ */`, 29 in the core): the files are final.
        comments: { annotation: false, jsdoc: false },
      },
    },
  },
});
