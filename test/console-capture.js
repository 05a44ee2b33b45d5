// Loaded first in a page under test: records console errors and uncaught errors for the test to read.
window.__consoleErrors = [];
const original = console.error.bind(console);
console.error = (...args) => {
  window.__consoleErrors.push(args.map(String).join(' '));
  original(...args);
};
window.addEventListener('error', (e) => window.__consoleErrors.push(`uncaught: ${e.message}`));
window.addEventListener('unhandledrejection', (e) => window.__consoleErrors.push(`unhandled rejection: ${e.reason}`));
