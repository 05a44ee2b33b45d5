/**
 * The manifest lists what a page can use: each element's attributes and their properties,
 * parts, custom properties, slots and events. Everything else on the classes (the base's
 * controllers, how a widget reads a feed, render helpers) is internal and is left out, so
 * Storybook's controls and the builder show only public attributes.
 */
function publicMembersOnly() {
  return {
    name: 'tiendo-public-members-only',
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules) {
        for (const d of mod.declarations ?? []) {
          if (!d.members) continue;
          const fields = new Set((d.attributes ?? []).map((a) => a.fieldName));
          d.members = d.members.filter((m) => m.kind === 'field' && fields.has(m.name) && (!m.privacy || m.privacy === 'public'));
        }
      }
    },
  };
}

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.styles.ts', 'src/cli/**'],
  outdir: 'dist',
  litelement: true,
  plugins: [publicMembersOnly()],
};
