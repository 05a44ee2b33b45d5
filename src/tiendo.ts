/**
 * The script a page includes (dist/tiendo.js). It fetches the library (src/index.ts: the core chunk in
 * chunks/ beside it) at once, and holds no more than that, so that it still runs when the library
 * cannot arrive (a portal that uploaded tiendo.js without its chunks/ folder, a failed download):
 * then every widget keeps the fallback content the editor wrote inside its tag, fires `tiendo-error`
 * (kind `chunk`), and the console says to deploy the whole dist/ folder (SPEC, chunk failures).
 * Code that imports the package's exports imports dist/index.js (package.json), not this file.
 */
import('./index.js').catch((error: unknown) => {
  const message = `tiendo: chunks/ did not load (deploy all of dist/): ${String(error)}`;
  console.error(message);
  for (const el of document.querySelectorAll('*')) {
    if (el.localName.startsWith('tiendo-')) {
      el.dispatchEvent(new CustomEvent('tiendo-error', { bubbles: true, composed: true, detail: { message, path: '', kind: 'chunk' } }));
    }
  }
});
