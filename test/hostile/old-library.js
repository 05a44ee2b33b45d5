// An old portal library (as Prototype.js and MooTools did): enumerable additions to the built-in
// prototypes, which break any for…in loop that does not check its own keys. Loaded by host-page.test.ts.
Object.prototype.oldLibraryEach = function oldLibraryEach() {};
Object.prototype.polluted = 'từ thư viện cũ';
Array.prototype.remove = function remove(item) {
  const i = this.indexOf(item);
  if (i >= 0) this.splice(i, 1);
  return this;
};
Array.prototype.first = 'first';
String.prototype.trim = function trim() {
  return String(this).replace(/^\s+|\s+$/g, '');
};
window.__oldLibrary = true;
