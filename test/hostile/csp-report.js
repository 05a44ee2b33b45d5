// Loaded first (as an external classic script) by the strict-CSP test pages: records every
// Content-Security-Policy violation and every uncaught error of the page, and tells the parent.
window.__violations = [];
window.__errors = [];
document.addEventListener('securitypolicyviolation', (e) => {
  const v = { directive: e.violatedDirective, blocked: e.blockedURI, sample: e.sample, source: e.sourceFile, line: e.lineNumber };
  window.__violations.push(v);
  parent.postMessage({ type: 'tiendo-test:csp-violation', violation: v }, location.origin);
});
window.addEventListener('error', (e) => window.__errors.push(`uncaught: ${e.message}`));
window.addEventListener('unhandledrejection', (e) => window.__errors.push(`unhandled rejection: ${e.reason}`));
