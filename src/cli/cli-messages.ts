/**
 * The command-line tool's own words, in Vietnamese and English: help, usage
 * errors, the converter's cell messages. The validator's rules are not here:
 * they come from the library (loadMessages + issueText), worded once.
 */
import type { Lang } from '../i18n/messages.js';
import { plainNumber } from './numbers.js';

const HELP_VI = `tiendo: công cụ cho cán bộ dữ liệu của Đề án 06.
Kiểm tra nguồn dữ liệu (feed) JSON của các tiện ích tiendo và tạo feed từ bảng tính.

Cách dùng:
  tiendo validate <tệp|địa chỉ>   kiểm tra một feed JSON
  tiendo from-csv <tệp.csv>        tạo feed từ tệp CSV xuất từ Excel hoặc Google Sheets

Tùy chọn chung:
  --lang vi|en     ngôn ngữ của thông báo (mặc định vi)
  --help, -h       hướng dẫn; "tiendo <lệnh> --help" cho từng lệnh
  --version        phiên bản

Mã thoát: 0 hợp lệ; 1 dữ liệu không hợp lệ hoặc không đọc được; 2 gọi lệnh sai.
Hướng dẫn đầy đủ: docs/huong-dan-du-lieu.md; lược đồ JSON: dist/feed.schema.json.`;

const HELP_EN = `tiendo: a tool for the data officers of Đề án 06.
Checks the JSON feeds of the tiendo widgets and builds a feed from a spreadsheet.

Usage:
  tiendo validate <file|url>       check a JSON feed
  tiendo from-csv <file.csv>       build a feed from a CSV export of Excel or Google Sheets

Common options:
  --lang vi|en     language of the messages (default vi)
  --help, -h       help; "tiendo <command> --help" for each command
  --version        version

Exit codes: 0 valid; 1 invalid or unreadable data; 2 wrong command line.
Full guide (Vietnamese): docs/huong-dan-du-lieu.md; JSON Schema: dist/feed.schema.json.`;

const VALIDATE_VI = `tiendo validate <tệp|địa chỉ> [--timeout <giây>] [--lang vi|en]

Kiểm tra một feed (định dạng phiên bản 1) bằng chính bộ kiểm tra mà các tiện ích dùng.

  <tệp>            tệp JSON, UTF-8 (có hoặc không có BOM)
  <địa chỉ>        địa chỉ http:// hoặc https:// (tối đa 5 MB)
  --timeout <giây> thời gian chờ máy chủ (mặc định 30)

Mỗi lỗi một dòng: đường dẫn JSON (dòng, cột trong tệp): quy tắc bị vi phạm, ví dụ
  provinces[2].models.completed (dòng 41, cột 22): phải là số nguyên không âm
sau đó là các cảnh báo (ví dụ liên kết không phải http(s) đã bị bỏ qua) và một dòng kết luận.

Ví dụ:
  tiendo validate de-an-06.json
  tiendo validate https://congan.example.gov.vn/feeds/de-an-06.json --lang en

Mã thoát: 0 hợp lệ; 1 không hợp lệ hoặc không đọc được; 2 gọi lệnh sai.`;

const VALIDATE_EN = `tiendo validate <file|url> [--timeout <seconds>] [--lang vi|en]

Checks a feed (format version 1) with the very validator the widgets use.

  <file>              a JSON file, UTF-8 (with or without a BOM)
  <url>               an http:// or https:// address (5 MB at most)
  --timeout <seconds> how long to wait for the server (default 30)

One line per error: JSON path (line, column in the file): the rule it breaks, e.g.
  provinces[2].models.completed (line 41, column 22): must be a whole number ≥ 0
then the warnings (e.g. a link that is not http(s), dropped) and a verdict.

Examples:
  tiendo validate de-an-06.json
  tiendo validate https://congan.example.gov.vn/feeds/de-an-06.json --lang en

Exit codes: 0 valid; 1 invalid or unreadable; 2 wrong command line.`;

const FROM_CSV_VI = `tiendo from-csv <tệp.csv> [tùy chọn]

Tạo feed JSON từ một bảng tính xuất ra CSV: dòng đầu là tiêu đề cột, mỗi dòng sau là một tỉnh.

Tùy chọn:
  --out, -o <tệp>             ghi feed vào tệp (không có: in ra màn hình)
  --title <tên>               tiêu đề của feed
  --as-of <YYYY-MM-DD>        số liệu tính đến ngày
  --next-update <YYYY-MM-DD>  ngày dự kiến cập nhật lần sau
  --source-name <tên>         cơ quan cung cấp số liệu
  --source-url <địa chỉ>      trang của cơ quan đó (http:// hoặc https://)
  --locale vi|en              cách viết số trong tệp (xem dưới)
  --separator ";"|","         dấu ngăn cột (mặc định: theo dòng "sep=;" nếu có, nếu không thì nhận ra từ dòng tiêu đề)
  --lang vi|en                ngôn ngữ của thông báo

Tiêu đề cột (không phân biệt chữ hoa, chữ thường, bỏ khoảng trắng hai đầu):
  id                          mã tỉnh, không bắt buộc; mặc định lấy từ tên: "Nghệ An" → nghe-an
  Mã | Code                   mã đơn vị hành chính, ví dụ 40
  Tỉnh | Province             tên tỉnh, bắt buộc (cũng nhận "Tỉnh, thành phố", "Tỉnh/thành phố")
  Tổng số mô hình | Models total
  Hoàn thành | Completed
  Đang triển khai | In progress
  Chưa triển khai | Not started
  <tên chỉ số>                một chỉ số; mã chỉ số lấy từ tên, bỏ dấu ("Hồ sơ trực tuyến" → ho-so-truc-tuyen)
  <tên chỉ số> (tổng)         mẫu số của chỉ số đó; tiếng Anh: <metric name> (total)
  <tên chỉ số> (tỷ lệ)        tỷ lệ đã công bố, 0,93 hoặc 93%; tiếng Anh: <metric name> (rate)
Ô trống là không có số liệu. Dòng trống và dấu ngăn cột thừa ở cuối dòng được bỏ qua.
Mỗi tỉnh chỉ được có một dòng.

Cách đọc số:
  - --locale vi hoặc --locale en: theo đúng kiểu đó, với mọi tệp.
  - Tệp ngăn cột bằng ";" (Excel tiếng Việt): kiểu Việt Nam, 50.579 là năm mươi nghìn
    năm trăm bảy mươi chín, 0,93 là số thập phân.
  - Tệp ngăn cột bằng ",": kiểu Anh, "50,579" (trong ngoặc kép) và 0.93. Ô như 1.234 hay
    "50,579" đọc được theo cả hai kiểu với hai giá trị khác nhau; công cụ chỉ nhận những ô
    đó khi trong tệp có ít nhất một số chỉ có thể là kiểu Anh (0.93, 82.5, 1,234,567);
    nếu không, báo lỗi từng ô (dòng, cột) và cần thêm --locale.
  - Không nhận khoảng trắng trong số, số mũ (1E+05) hay chữ như "-", "N/A": để trống ô.

Feed được kiểm tra bằng bộ kiểm tra của thư viện trước khi ghi. Có lỗi thì không ghi gì,
in từng lỗi kèm dòng, cột trong tệp CSV và thoát với mã 1.

Ví dụ:
  tiendo from-csv mau-tinh.csv --title "Tiến độ Đề án 06" --as-of 2024-10-04 \\
    --source-name "Công an tỉnh Nghệ An" --source-url https://congan.nghean.gov.vn/ --out de-an-06.json`;

const FROM_CSV_EN = `tiendo from-csv <file.csv> [options]

Builds a JSON feed from a spreadsheet's CSV export: the first row holds the headers, each
row after it is one province.

Options:
  --out, -o <file>            write the feed to a file (absent: print it)
  --title <text>              the feed's title
  --as-of <YYYY-MM-DD>        the date the figures stand at
  --next-update <YYYY-MM-DD>  when the next update is due
  --source-name <text>        the agency the figures come from
  --source-url <url>          its web page (http:// or https://)
  --locale vi|en              how numbers are written in the file (see below)
  --separator ";"|","         the field separator (default: a first line "sep=;" if any, else detected from the header row)
  --lang vi|en                language of the messages

Headers (case-insensitive, surrounding spaces ignored; Vietnamese or English):
  id                          province id, optional; made from the name: "Nghệ An" → nghe-an
  Mã | Code                   official administrative code, e.g. 40
  Tỉnh | Province             province name, required (also "Tỉnh, thành phố", "Tỉnh/thành phố")
  Tổng số mô hình | Models total
  Hoàn thành | Completed
  Đang triển khai | In progress
  Chưa triển khai | Not started
  <metric name>               a metric; its id is the name without diacritics ("Online dossiers" → online-dossiers)
  <metric name> (total)       that metric's denominator; Vietnamese: <tên chỉ số> (tổng)
  <metric name> (rate)        a reported rate, 0.93 or 93%; Vietnamese: <tên chỉ số> (tỷ lệ)
An empty cell is a missing figure. Blank rows and trailing separators are ignored.
One row per province.

How numbers are read:
  - --locale vi or --locale en: that way, for any file.
  - A file separated by ";" (Vietnamese Excel): Vietnamese, 50.579 is fifty thousand five
    hundred and seventy-nine, 0,93 a decimal.
  - A file separated by ",": English, "50,579" (quoted) and 0.93. A cell such as 1.234 or
    "50,579" reads both ways with different values; it is accepted only when some number of
    the file can only be English (0.93, 82.5, 1,234,567); otherwise each such cell is refused
    with its row and column, and --locale is needed.
  - No spaces inside numbers, no exponents (1E+05), no text such as "-" or "N/A": leave the
    cell empty.

The feed is checked by the library's validator before it is written. If anything is wrong
nothing is written: every problem is printed with its row and column in the CSV file, and
the exit code is 1.

Example:
  tiendo from-csv provinces.csv --locale en --title "Đề án 06 progress" --as-of 2024-10-04 \\
    --source-name "Nghệ An Police" --out de-an-06.json`;

export const cliVi = {
  'help.main': HELP_VI,
  'help.validate': VALIDATE_VI,
  'help.from-csv': FROM_CSV_VI,

  'usage.command': 'Không có lệnh "{name}". Các lệnh: validate, from-csv.',
  'usage.noCommand': 'Thiếu lệnh: validate hoặc from-csv.',
  'usage.option': 'Lệnh {command} không có tùy chọn {option}.',
  'usage.value': 'Tùy chọn {option} cần một giá trị.',
  'usage.choice': 'Tùy chọn {option} phải là {allowed} (không phải "{value}").',
  'usage.seconds': 'Tùy chọn {option} phải là số giây lớn hơn 0 (không phải "{value}").',
  'usage.input': 'Thiếu {what}.',
  'usage.input.validate': 'tệp hoặc địa chỉ cần kiểm tra',
  'usage.input.from-csv': 'tệp CSV',
  'usage.extra': 'Thừa tham số "{arg}".',
  'usage.scheme': 'Chỉ kiểm tra được tệp hoặc địa chỉ http://, https:// (không phải "{url}").',
  'usage.sourceName': 'Tùy chọn --source-url cần đi kèm --source-name.',
  'usage.sourceUrl': 'Tùy chọn --source-url phải là địa chỉ http:// hoặc https:// (không phải "{url}").',
  'usage.outIsInput': 'Tệp --out trùng với tệp CSV đầu vào; hãy chọn tên khác.',
  'usage.help': 'Xem: tiendo {command} --help',
  'usage.helpMain': 'Xem: tiendo --help',

  'where.text': 'dòng {line}, cột {column}',
  'where.row': 'dòng {row}',
  'where.cell': 'dòng {row}, cột {letter} "{header}"',
  'where.cellNoHeader': 'dòng {row}, cột {letter}',

  'input.read': 'Không đọc được tệp {file} ({reason}).',
  'input.notFound': 'Không có tệp {file}.',
  'input.utf8': 'Tệp {file} không phải văn bản UTF-8.',
  'output.write': 'Không ghi được tệp {file} ({reason}).',

  'validate.warning': 'cảnh báo',
  'validate.valid': '{name}: hợp lệ ({provinces} tỉnh, {metrics} chỉ số).',
  'validate.invalid': '{name}: không hợp lệ ({errors} lỗi).',

  'csv.utf8':
    'Tệp {file} không phải UTF-8 nên chữ có dấu sẽ bị hỏng. Trong Excel chọn Save As, kiểu "CSV UTF-8 (Comma delimited) (*.csv)"; trong Google Sheets dùng File › Download › CSV.',
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
  'csv.written': 'Đã ghi {file}: {provinces} tỉnh, {metrics} chỉ số.',
  'csv.asOfHint': 'Gợi ý: thêm --as-of YYYY-MM-DD để tiện ích ghi rõ số liệu tính đến ngày nào.',
  'csv.failed': '{file}: chưa tạo được feed ({errors} lỗi); không có tệp nào được ghi.',
} as const;

export type CliKey = keyof typeof cliVi;

export const cliEn: Record<CliKey, string> = {
  'help.main': HELP_EN,
  'help.validate': VALIDATE_EN,
  'help.from-csv': FROM_CSV_EN,

  'usage.command': 'There is no command "{name}". Commands: validate, from-csv.',
  'usage.noCommand': 'A command is missing: validate or from-csv.',
  'usage.option': 'The {command} command has no option {option}.',
  'usage.value': 'The option {option} needs a value.',
  'usage.choice': 'The option {option} must be {allowed} (not "{value}").',
  'usage.seconds': 'The option {option} must be a number of seconds above 0 (not "{value}").',
  'usage.input': 'Missing: {what}.',
  'usage.input.validate': 'the file or address to check',
  'usage.input.from-csv': 'the CSV file',
  'usage.extra': 'Unexpected argument "{arg}".',
  'usage.scheme': 'Only files and http://, https:// addresses can be checked (not "{url}").',
  'usage.sourceName': 'The option --source-url needs --source-name too.',
  'usage.sourceUrl': 'The option --source-url must be an http:// or https:// address (not "{url}").',
  'usage.outIsInput': 'The --out file is the input CSV file; choose another name.',
  'usage.help': 'See: tiendo {command} --help',
  'usage.helpMain': 'See: tiendo --help',

  'where.text': 'line {line}, column {column}',
  'where.row': 'row {row}',
  'where.cell': 'row {row}, column {letter} "{header}"',
  'where.cellNoHeader': 'row {row}, column {letter}',

  'input.read': 'Cannot read the file {file} ({reason}).',
  'input.notFound': 'There is no file {file}.',
  'input.utf8': 'The file {file} is not UTF-8 text.',
  'output.write': 'Cannot write the file {file} ({reason}).',

  'validate.warning': 'warning',
  'validate.valid': '{name}: valid (provinces: {provinces}, metrics: {metrics}).',
  'validate.invalid': '{name}: not valid (errors: {errors}).',

  'csv.utf8':
    'The file {file} is not UTF-8, so its Vietnamese letters would be garbled. In Excel use Save As, type "CSV UTF-8 (Comma delimited) (*.csv)"; in Google Sheets use File › Download › CSV.',
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
  'csv.written': 'Wrote {file} (provinces: {provinces}, metrics: {metrics}).',
  'csv.asOfHint': 'Hint: add --as-of YYYY-MM-DD so the widgets say how recent the figures are.',
  'csv.failed': '{file}: no feed built (errors: {errors}); nothing was written.',
};

/** The message `key` in `lang`, placeholders filled; numbers written plainly (no thousands separator). */
export function cliMsg(lang: Lang, key: CliKey, params: Record<string, string | number> = {}): string {
  const text = (lang === 'en' ? cliEn : cliVi)[key];
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    if (!Object.hasOwn(params, name)) return whole;
    const value = params[name];
    return typeof value === 'number' ? plainNumber(value, lang) : value;
  });
}
