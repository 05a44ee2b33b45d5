import { readFileSync } from 'node:fs';
import { defineConfig, type Plugin } from 'vite';

/**
 * Lit's css`` literals reach the bundle as written; this squeezes their
 * comments and white space at build time (the budget is 20 KB gzip for a page
 * without charts). Only files named *.styles.ts, which hold nothing but CSS.
 */
function minifyLitCss(): Plugin {
  return {
    name: 'tiendo-minify-lit-css',
    apply: 'build',
    transform(code, id) {
      if (!id.endsWith('.styles.ts')) return null;
      const out = code.replace(/css`([^`]*)`/g, (_, body: string) => {
        const min = body
          .replace(/\/\*[\s\S]*?\*\//g, '')
          .replace(/\s+/g, ' ')
          .replace(/\s*([{};,>])\s*/g, '$1')
          .replace(/:\s+/g, ':')
          .replace(/;}/g, '}')
          .trim();
        return `css\`${min}\``;
      });
      return { code: out, map: null };
    },
  };
}

/**
 * The iframe embed for CMSs that strip scripts: dist/embed.html with its own
 * small script and style, and dist/tiendo-resize.js for host pages. The
 * scripts have no imports, so they stay single files beside tiendo.js.
 */
function embedFiles(): Plugin {
  return {
    name: 'tiendo-embed',
    apply: 'build',
    buildStart() {
      this.emitFile({ type: 'chunk', id: 'src/embed/embed.ts', fileName: 'embed.js' });
      this.emitFile({ type: 'chunk', id: 'src/embed/resize-host.ts', fileName: 'tiendo-resize.js' });
      for (const name of ['embed.html', 'embed.css']) {
        this.emitFile({ type: 'asset', fileName: name, source: readFileSync(`src/embed/${name}`, 'utf8') });
      }
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

// One config for both uses: `vite` serves the demo (sample feeds, no network),
// `vite build` writes the library to dist/.
export default defineConfig({
  publicDir: false,
  plugins: [minifyLitCss(), demoHome(), embedFiles()],
  server: {
    open: process.env.CI || !process.env.DISPLAY ? false : '/demo/index.html',
  },
  build: {
    target: 'es2022',
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    minify: 'oxc',
    lib: {
      entry: 'src/index.ts',
      formats: ['es'],
      fileName: () => 'tiendo.js',
    },
    rolldownOptions: {
      // Reading a property has no side effect in this code base or Chart.js, so unused
      // Chart.js scales and plugins can be dropped from the chart chunk.
      treeshake: { propertyReadSideEffects: false },
      output: {
        chunkFileNames: 'chunks/[name]-[hash].js',
        // Vite keeps white space in ES library builds; a script tag wants the smallest file.
        minify: true,
      },
    },
  },
});
