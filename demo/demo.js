// The demo's language switch: ?lang=en sets the page language, which every widget inherits.
const query = new URLSearchParams(location.search);
const lang = query.get('lang');
if (lang === 'en' || lang === 'vi') document.documentElement.lang = lang;
const link = document.getElementById('english');

/** The language link keeps the rest of the address (the picker's ?tinh=…), so switching keeps the province. */
function updateLanguageLink() {
  if (!link) return;
  const params = new URLSearchParams(location.search);
  if (lang === 'en') params.delete('lang');
  else params.set('lang', 'en');
  const rest = params.toString();
  link.href = `./index.html${rest ? `?${rest}` : ''}`;
}
if (link && lang === 'en') {
  link.textContent = 'Tiếng Việt';
  link.lang = 'vi';
}
updateLanguageLink();

// The article is about Nghệ An: the group "trang" starts there, so the picker shows the province the
// article's widgets show. The page tells the group as a picker would (a tiendo-select with its group);
// a province in the address (?tinh=ha-tinh) is read by the picker afterwards and wins.
customElements.whenDefined('tiendo-progress').then(() => {
  document.dispatchEvent(new CustomEvent('tiendo-select', { detail: { group: 'trang', province: 'nghe-an' } }));
});

// The picker writes the reader's choice into the address (url-param="tinh"); keep the language link in step.
document.addEventListener('tiendo-select', () => queueMicrotask(updateLanguageLink));
