/**
 * The converter's own words, Vietnamese and English, shared by `tiendo from-csv`
 * and the data studio: where a problem is ("dòng 3, cột D "Hoàn thành""), what
 * is wrong with a cell, a header, the file or the appended feed, in the sheet's
 * own terms (its headers, never JSON keys). The validator's rules keep their
 * words in src/i18n/rule-messages.ts.
 *
 * Options are named as the command line names them (`--locale`); the studio
 * shows the same text, its controls being labelled with those names too.
 */
import type { Lang } from '../i18n/messages.js';
import { formatNumber } from '../i18n/format.js';
import { plainNumber } from './numbers.js';

/** Excel's menus for saving a sheet the way the converter reads it best, in both languages. */
const SAVE_AS_VI =
  'Trong Excel chọn Tệp › Lưu như (File › Save As), kiểu "CSV UTF-8 (Phân tách bằng dấu phẩy)" / "CSV UTF-8 (Comma delimited)", hoặc lưu thẳng "Sổ làm việc Excel (*.xlsx)" / "Excel Workbook (*.xlsx)"; trong Google Sheets dùng Tệp › Tải xuống › CSV (File › Download › CSV).';
const SAVE_AS_EN =
  'In Excel use File › Save As (Tệp › Lưu như), type "CSV UTF-8 (Comma delimited)" / "CSV UTF-8 (Phân tách bằng dấu phẩy)", or save the workbook itself, "Excel Workbook (*.xlsx)" / "Sổ làm việc Excel (*.xlsx)"; in Google Sheets use File › Download › CSV (Tệp › Tải xuống › CSV).';

export const convertVi = {
  'where.row': 'dòng {row}',
  'where.cell': 'dòng {row}, cột {letter} "{header}"',
  'where.cellNoHeader': 'dòng {row}, cột {letter}',

  'csv.unclosedQuote': 'dấu ngoặc kép mở ở dòng này không được đóng',
  'csv.empty': 'tệp không có dòng tiêu đề nào',
  'csv.noRows': 'không có dòng số liệu nào dưới dòng tiêu đề',
  'csv.noName': 'thiếu cột tên tỉnh: cần một cột có tiêu đề "Tỉnh" (hoặc "Province")',
  'csv.duplicateHeader': 'tiêu đề trùng với cột {other}',
  'csv.metricClash': 'chỉ số này có mã "{id}" trùng với cột {other}',
  'csv.noMetricId': 'tiêu đề không có chữ hoặc số nào để làm mã chỉ số',
  'csv.totalAlone': 'cột tổng của chỉ số "{name}" cần thêm cột "{name}" hoặc "{name} (tỷ lệ)"',
  'csv.noHeader': 'cột không có tiêu đề nhưng ô có nội dung "{text}"',
  'csv.extraCell': 'ô nằm ngoài các cột có tiêu đề nhưng có nội dung "{text}"',
  'csv.noProvinceName': 'thiếu tên tỉnh',
  'csv.noProvinceId': 'không tạo được mã tỉnh từ tên "{name}": hãy thêm cột id',
  'csv.duplicateProvince': 'tỉnh "{name}" (mã {id}) đã có ở dòng {other}; mỗi tỉnh chỉ một dòng',
  'csv.notNumber': '"{text}" không phải là số (để trống ô nếu không có số liệu)',
  'csv.notNumber.tryEn':
    '"{text}" không phải số viết kiểu Việt Nam (50.579; 0,93); nếu tệp viết số kiểu Anh, thêm --locale en',
  'csv.notNumber.tryVi':
    '"{text}" không phải số viết kiểu Anh (50,579; 0.93); nếu tệp viết số kiểu Việt Nam, thêm --locale vi',
  'csv.ambiguous':
    '"{text}" đọc được hai cách: {vi} (kiểu Việt Nam) hoặc {en} (kiểu Anh); tệp ngăn cột bằng dấu phẩy nên không rõ, hãy thêm --locale vi hoặc --locale en',
  'csv.percent': '"{text}": dấu % chỉ dùng trong cột tỷ lệ, "<tên chỉ số> (tỷ lệ)"',

  'cell.ambiguousText':
    '"{text}" là chữ, không phải ô số, và đọc được hai cách: {vi} (kiểu Việt Nam) hoặc {en} (kiểu Anh); hãy định dạng ô là Số (Number) hoặc thêm --locale vi hoặc --locale en',
  'cell.date': 'ô chứa ngày tháng ({text}), không phải số',
  'cell.boolean': 'ô chứa {text}, không phải số',
  'cell.formulaError': 'ô có lỗi công thức {text}; hãy sửa công thức trong Excel hoặc để trống ô',
  'cell.damaged.replacement': `chữ trong ô đã bị hỏng trước khi đến đây ("{text}": ký tự � thay cho chữ không đọc được). ${SAVE_AS_VI}`,
  'cell.damaged.question': `chữ trong ô đã bị hỏng trước khi đến đây ("{text}": chữ có dấu bị thay bằng dấu ?). ${SAVE_AS_VI}`,
  'cell.damaged.doubleEncoded': `chữ trong ô đã bị hỏng trước khi đến đây ("{text}": tiếng Việt bị mã hóa hai lần). ${SAVE_AS_VI}`,

  'sheet.modelsSum': 'tổng {parts} ({sum}) vượt quá "{total}" ({totalValue})',
  'sheet.valueOverTotal': '"{value}" ({number}) vượt quá "{total}" ({totalValue})',

  'place.unknownCode': 'mã "{code}" không phải mã của tỉnh, thành phố nào, cả trong 34 đơn vị từ ngày 1/7/2025 lẫn 63 đơn vị trước đó',
  'place.unknownCode.2025': 'mã "{code}" không phải mã của tỉnh, thành phố nào trong 34 đơn vị từ ngày 1/7/2025',
  'place.unknownCode.before-2025': 'mã "{code}" không phải mã của tỉnh, thành phố nào trong 63 đơn vị trước ngày 1/7/2025',
  'place.mismatch': 'mã "{code}" là {unit}, không phải "{name}"; hãy xem lại mã hoặc tên',
  // `tiendo validate` (it reports; from-csv fills a missing code and says no more).
  'place.missingCode': 'thiếu mã; mã chính thức của "{unit}" là {code}',
  'place.oldCode': 'mã "{code}" là {unit} (trước ngày 1/7/2025), không phải mã của tỉnh, thành phố nào trong 34 đơn vị từ ngày 1/7/2025',
  'place.oldCode.named': 'mã "{code}" là {unit} (trước ngày 1/7/2025), không phải "{name}"; từ ngày 1/7/2025 mã của {named} là {official}',
  'place.oldCode.renumbered': 'mã "{code}" là mã của {unit} trước ngày 1/7/2025; từ ngày 1/7/2025 mã của {named} là {official}',

  'xlsx.broken': 'tệp không đọc được như một sổ làm việc Excel (.xlsx) ({reason}); hãy mở bằng Excel rồi lưu lại',
  'xlsx.noSheet': 'sổ làm việc không có trang tính "{sheet}"; các trang tính: {list}',
  'xlsx.empty': 'sổ làm việc không có trang tính nào',
  'xlsx.oldFormat': `tệp là sổ làm việc Excel 97–2003 (.xls), chưa đọc được. ${SAVE_AS_VI}`,

  'input.tooBig': 'tệp {file} lớn {size} MB, vượt quá mức {max} MB được đọc; tệp không được mở',
  'output.tooBig':
    'feed tạo từ {rows} dòng sẽ lớn {size} MB, vượt quá mức {max} MB mà tiện ích đọc được; hãy chia bảng tính hoặc bớt chỉ số',

  'append.notFeed': 'feed cũ không hợp lệ nên không thêm được số liệu mới vào',
  'append.sameDate':
    'số liệu mới tính đến ngày {asOf}, không sau ngày của số liệu đang có ({old}); hãy cho ngày mới (--as-of)',
  'append.needDate': 'cần ngày của số liệu mới (--as-of) để đưa số liệu cũ vào lịch sử',
} as const;

export type ConvertKey = keyof typeof convertVi;

export const convertEn: Record<ConvertKey, string> = {
  'where.row': 'row {row}',
  'where.cell': 'row {row}, column {letter} "{header}"',
  'where.cellNoHeader': 'row {row}, column {letter}',

  'csv.unclosedQuote': 'a double quote opened in this row is never closed',
  'csv.empty': 'the file has no header row',
  'csv.noRows': 'there is no data row under the header row',
  'csv.noName': 'the province name column is missing: a column headed "Tỉnh" (or "Province") is needed',
  'csv.duplicateHeader': 'the header repeats column {other}',
  'csv.metricClash': 'this metric\'s id "{id}" is the same as column {other}\'s',
  'csv.noMetricId': 'the header has no letter or digit to make a metric id from',
  'csv.totalAlone': 'the total column of the metric "{name}" needs a column "{name}" or "{name} (rate)" too',
  'csv.noHeader': 'the column has no header, but the cell holds "{text}"',
  'csv.extraCell': 'the cell lies beyond the headed columns, but holds "{text}"',
  'csv.noProvinceName': 'the province name is missing',
  'csv.noProvinceId': 'no id can be made from the name "{name}": add an id column',
  'csv.duplicateProvince': 'the province "{name}" (id {id}) is already in row {other}; one row per province',
  'csv.notNumber': '"{text}" is not a number (leave the cell empty when there is no figure)',
  'csv.notNumber.tryEn':
    '"{text}" is not a number written the Vietnamese way (50.579; 0,93); if the file writes English numbers, add --locale en',
  'csv.notNumber.tryVi':
    '"{text}" is not a number written the English way (50,579; 0.93); if the file writes Vietnamese numbers, add --locale vi',
  'csv.ambiguous':
    '"{text}" reads two ways: {vi} (Vietnamese style) or {en} (English style); the file is comma-separated, so it is unclear: add --locale vi or --locale en',
  'csv.percent': '"{text}": % belongs only in a rate column, "<metric name> (rate)"',

  'cell.ambiguousText':
    '"{text}" is text, not a number cell, and reads two ways: {vi} (Vietnamese style) or {en} (English style); format the cell as Number or add --locale vi or --locale en',
  'cell.date': 'the cell holds a date ({text}), not a number',
  'cell.boolean': 'the cell holds {text}, not a number',
  'cell.formulaError': 'the cell holds the formula error {text}; fix the formula in Excel or leave the cell empty',
  'cell.damaged.replacement': `the text was damaged before it arrived ("{text}": � stands for letters that could not be read). ${SAVE_AS_EN}`,
  'cell.damaged.question': `the text was damaged before it arrived ("{text}": letters with diacritics became ?). ${SAVE_AS_EN}`,
  'cell.damaged.doubleEncoded': `the text was damaged before it arrived ("{text}": the Vietnamese was encoded twice). ${SAVE_AS_EN}`,

  'sheet.modelsSum': 'the sum of {parts} ({sum}) exceeds "{total}" ({totalValue})',
  'sheet.valueOverTotal': '"{value}" ({number}) exceeds "{total}" ({totalValue})',

  'place.unknownCode': 'the code "{code}" is no province\'s code, neither among the 34 units from 1 July 2025 nor the 63 before',
  'place.unknownCode.2025': 'the code "{code}" is no province\'s code among the 34 units from 1 July 2025',
  'place.unknownCode.before-2025': 'the code "{code}" is no province\'s code among the 63 units before 1 July 2025',
  'place.mismatch': 'the code "{code}" is {unit}, not "{name}"; check the code or the name',
  'place.missingCode': 'no code; the official code of "{unit}" is {code}',
  'place.oldCode': 'the code "{code}" is {unit} (before 1 July 2025), no province\'s code among the 34 units from 1 July 2025',
  'place.oldCode.named': 'the code "{code}" is {unit} (before 1 July 2025), not "{name}"; from 1 July 2025 the code of {named} is {official}',
  'place.oldCode.renumbered': 'the code "{code}" was the code of {unit} before 1 July 2025; from 1 July 2025 the code of {named} is {official}',

  'xlsx.broken': 'the file cannot be read as an Excel workbook (.xlsx) ({reason}); open it in Excel and save it again',
  'xlsx.noSheet': 'the workbook has no sheet "{sheet}"; its sheets: {list}',
  'xlsx.empty': 'the workbook has no sheet',
  'xlsx.oldFormat': `the file is an Excel 97–2003 workbook (.xls), which cannot be read. ${SAVE_AS_EN}`,

  'input.tooBig': 'the file {file} is {size} MB, over the {max} MB that is read; it was not opened',
  'output.tooBig':
    'the feed made from {rows} rows would be {size} MB, over the {max} MB the widgets read; split the sheet or drop some metrics',

  'append.notFeed': 'the existing feed is not valid, so the new figures cannot be added to it',
  'append.sameDate':
    'the new figures stand at {asOf}, not after the existing figures\' date ({old}); give a later date (--as-of)',
  'append.needDate': 'the new figures need a date (--as-of) so that the existing ones can move into the history',
};

export type ConvertParams = Record<string, string | number>;

/**
 * The converter message `key` in `lang`, placeholders filled. Numbers are
 * written plainly (row 1234, code 1234: no thousands separator), or, with
 * `figures`, as the widgets write figures (80.000; 0,5).
 */
export function convertMsg(lang: Lang, key: ConvertKey, params: ConvertParams = {}, figures = false): string {
  const text = (lang === 'en' ? convertEn : convertVi)[key];
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    if (!Object.hasOwn(params, name)) return whole;
    const value = params[name];
    if (typeof value !== 'number') return value;
    return figures ? formatNumber(value, lang) : plainNumber(value, lang);
  });
}
