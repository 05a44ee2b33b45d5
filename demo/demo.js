// The demo portal's own behaviour: the English switch and the illustrative section's starting province.

/** The on-screen mark beside each widget that shows illustrative figures, in each language. */
const ILLUSTRATIVE = {
  vi: 'Số liệu minh họa (không phải số liệu thật)',
  en: 'Illustrative figures (not real data)',
};
/** The switch names the other language, in that language. */
const SWITCH = { vi: { text: 'English', lang: 'en' }, en: { text: 'Tiếng Việt', lang: 'vi' } };

const button = document.getElementById('english');

/**
 * Shows the widgets in `lang`: each widget gets the `lang` attribute (the portal's own text stays
 * Vietnamese and keeps the page's lang="vi"), the illustrative marks are said in that language,
 * and the address keeps the choice (?lang=en) beside the picker's (?tinh=…), so a shared link opens
 * the same way.
 */
function showIn(lang) {
  for (const el of document.querySelectorAll('*')) {
    if (el.localName.startsWith('tiendo-')) el.setAttribute('lang', lang);
  }
  for (const mark of document.querySelectorAll('[data-illustrative]')) {
    mark.textContent = ILLUSTRATIVE[lang];
    mark.lang = lang;
  }
  if (button) {
    button.textContent = SWITCH[lang].text;
    button.lang = SWITCH[lang].lang;
  }
  const params = new URLSearchParams(location.search);
  if (lang === 'en') params.set('lang', 'en');
  else params.delete('lang');
  const rest = params.toString() ? `?${params}` : '';
  if (rest !== location.search) history.replaceState(history.state, '', `${location.pathname}${rest}${location.hash}`);
}

let current = new URLSearchParams(location.search).get('lang') === 'en' ? 'en' : 'vi';
if (current === 'en') showIn('en');
button?.addEventListener('click', () => {
  current = current === 'en' ? 'vi' : 'en';
  showIn(current);
});

// The portal is Nghệ An's: the illustrative group "minh-hoa" starts there, so its picker shows the province
// its widgets mark. The page tells the group as a picker would (a tiendo-select with its group); a province
// in the address (?tinh=ha-tinh) is read by the picker afterwards and wins.
customElements.whenDefined('tiendo-progress').then(() => {
  document.dispatchEvent(new CustomEvent('tiendo-select', { detail: { group: 'minh-hoa', province: 'nghe-an' } }));
});
