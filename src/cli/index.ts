/**
 * The bundle's entry (scripts/build-cli.mjs → dist/cli/tiendo.mjs): `main` for
 * bin/tiendo.mjs, and the pieces the Node tests check, as bundled, so that the
 * tests run the very code that ships.
 */
export { main, type Io } from './main.js';
export { writeFileAtomic, readFileLimited } from './files.js';
export { mapJson, pathSteps, lineIndex } from './json-position.js';
export { cliMsg, cliVi, cliEn } from './cli-messages.js';
export * from '../convert/index.js';
// The library's validator and words, as bundled here: the tests check the schema against this very code.
export { validateFeed, validateFeedText, issueText } from '../feed/validation.js';
export { loadMessages, msg } from '../i18n/messages.js';
