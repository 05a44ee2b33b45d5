// The demo's language switch: ?lang=en sets the page language, which every widget inherits.
const lang = new URLSearchParams(location.search).get('lang');
if (lang === 'en' || lang === 'vi') document.documentElement.lang = lang;
const link = document.getElementById('english');
if (link && lang === 'en') {
  link.textContent = 'Tiếng Việt';
  link.href = './index.html';
  link.lang = 'vi';
}
