/**
 * The embed page's refusals, in Vietnamese and English. They live here, not in
 * src/i18n, so that embed.js can say them before (or without) tiendo.js: a
 * portal that uploaded embed.html without the rest of dist/ still gets a clear
 * sentence. Placeholders `{name}` are filled with plain text.
 */
export type EmbedLang = 'vi' | 'en';

const vi = {
  widget: 'Không có tiện ích "{name}". Các tiện ích: {list}.',
  attribute: 'Tiện ích {widget} không có tham số "{name}". Các tham số: {list}.',
  src: 'Tham số src phải là địa chỉ tương đối hoặc http:, https:.',
  needSrc:
    'Thiếu tham số src (địa chỉ nguồn dữ liệu JSON): khung nhúng này chỉ hiển thị số liệu từ nguồn dữ liệu.',
  origin:
    'Khung nhúng này chỉ hiển thị nguồn dữ liệu của {allowed}; nguồn {origin} chưa được cho phép. ' +
    'Người quản trị máy chủ có thể thêm tên miền này vào thẻ <meta name="tiendo-allowed-origins"> trong tệp embed.html.',
  inline:
    'Khung nhúng này không nhận số liệu hay lời ghi trong địa chỉ (tham số "{name}"): chỉ hiển thị số liệu từ nguồn dữ liệu (tham số src). ' +
    'Người quản trị máy chủ có thể bật bằng thẻ <meta name="tiendo-inline-figures" content="on"> trong tệp embed.html.',
  library:
    'Không tải được thư viện tiendo ({url}). Người quản trị máy chủ cần chép cả thư mục dist, gồm cả thư mục con chunks, lên máy chủ.',
  chunk:
    'Chưa tải được mã của tiện ích {widget}; sẽ thử lại sau ít phút. Người quản trị máy chủ cần chép cả thư mục dist, gồm cả thư mục con chunks, lên máy chủ.',
};

export type EmbedKey = keyof typeof vi;

const en: Record<EmbedKey, string> = {
  widget: 'There is no widget "{name}". Widgets: {list}.',
  attribute: 'The {widget} widget has no parameter "{name}". Parameters: {list}.',
  src: 'The src parameter must be a relative address or an http:, https: one.',
  needSrc: 'The src parameter (the address of a JSON feed) is missing: this embed shows figures from a feed only.',
  origin:
    'This embed shows feeds from {allowed} only; {origin} is not allowed. ' +
    'The server’s operator can add it to the <meta name="tiendo-allowed-origins"> tag in embed.html.',
  inline:
    'This embed does not take figures or words in its address (parameter "{name}"): it shows figures from a feed (the src parameter) only. ' +
    'The server’s operator can turn this on with <meta name="tiendo-inline-figures" content="on"> in embed.html.',
  library:
    'The tiendo library could not be loaded ({url}). The server’s operator needs to copy the whole dist folder, its chunks folder included, to the server.',
  chunk:
    'The code of the {widget} widget has not arrived yet; it will be asked for again in a few minutes. The server’s operator needs to copy the whole dist folder, its chunks folder included, to the server.',
};

/** The embed's language from its `lang` parameter: English for `en*`, else Vietnamese. */
export function embedLang(tag: string | null | undefined): EmbedLang {
  return tag?.trim().toLowerCase().startsWith('en') ? 'en' : 'vi';
}

/** The message `key` in `lang`, with `{placeholders}` filled from `params`. */
export function embedText(lang: EmbedLang, key: EmbedKey, params: Record<string, string> = {}): string {
  const text = (lang === 'en' ? en : vi)[key];
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(params, name) ? params[name] : whole));
}
