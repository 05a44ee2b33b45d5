/**
 * The command-line tool's own words, in Vietnamese and English: help, usage
 * errors, what it did. The converter's words about cells and rows are the
 * conversion core's (src/convert/messages.ts, shared with the data studio); the
 * validator's rules come from the library (loadMessages + msg), worded once.
 */
import type { Lang } from '../i18n/messages.js';
import { plainNumber } from '../convert/numbers.js';

const HELP_VI = `tiendo: công cụ cho cán bộ dữ liệu của Đề án 06.
Kiểm tra nguồn dữ liệu (feed) JSON của các tiện ích tiendo, tạo feed từ bảng tính và viết đoạn mã nhúng.

Cách dùng:
  tiendo validate <tệp|địa chỉ>   kiểm tra một feed JSON
  tiendo from-csv <tệp>            tạo feed từ bảng tính Excel (.xlsx) hoặc tệp CSV
  tiendo snippet <tệp|địa chỉ>    viết đoạn HTML nhúng một tiện ích, kèm số liệu hiện tại

Tùy chọn chung:
  --lang vi|en     ngôn ngữ của thông báo (mặc định vi)
  --help, -h       hướng dẫn; "tiendo <lệnh> --help" cho từng lệnh
  --version        phiên bản

Mã thoát: 0 hợp lệ; 1 dữ liệu không hợp lệ hoặc không đọc được; 2 gọi lệnh sai.
Hướng dẫn đầy đủ: docs/huong-dan-du-lieu.md; lược đồ JSON: dist/feed.schema.json.`;

const HELP_EN = `tiendo: a tool for the data officers of Đề án 06.
Checks the JSON feeds of the tiendo widgets, builds a feed from a spreadsheet and writes embed snippets.

Usage:
  tiendo validate <file|url>       check a JSON feed
  tiendo from-csv <file>           build a feed from an Excel workbook (.xlsx) or a CSV file
  tiendo snippet <file|url>        write the HTML that embeds a widget, with today's figures

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
  --timeout <giây> thời gian chờ máy chủ, từ 1 đến 120 (mặc định 30)

Mỗi lỗi một dòng: đường dẫn JSON (dòng, cột trong tệp): quy tắc bị vi phạm, ví dụ
  provinces[2].models.completed (dòng 41, cột 22): phải là số nguyên không âm
sau đó là các cảnh báo (khóa JSON lặp lại, liên kết không phải http(s) đã bị bỏ qua, modelStatus
không khớp với models; tỉnh thiếu mã (kèm mã chính thức), mã không khớp với tên, mã không thuộc danh
sách 34 hoặc 63 đơn vị của feed; tên được nhận ra cả khi viết không dấu) và một dòng kết luận.
Chỉ có cảnh báo thì feed vẫn hợp lệ (mã thoát 0).

Ví dụ:
  tiendo validate de-an-06.json
  tiendo validate https://congan.example.gov.vn/feeds/de-an-06.json --lang en

Mã thoát: 0 hợp lệ; 1 không hợp lệ hoặc không đọc được; 2 gọi lệnh sai.`;

const VALIDATE_EN = `tiendo validate <file|url> [--timeout <seconds>] [--lang vi|en]

Checks a feed (format version 1) with the very validator the widgets use.

  <file>              a JSON file, UTF-8 (with or without a BOM)
  <url>               an http:// or https:// address (5 MB at most)
  --timeout <seconds> how long to wait for the server, 1 to 120 (default 30)

One line per error: JSON path (line, column in the file): the rule it breaks, e.g.
  provinces[2].models.completed (line 41, column 22): must be a whole number ≥ 0
then the warnings (a JSON key written twice, a link that is not http(s), dropped, a modelStatus
that disagrees with models; a province without its code (with the official one), a code that names
another province than the name, a code outside the feed's list of 34 or 63 units; names are
recognised without diacritics too) and a verdict. Warnings alone leave the feed valid (exit code 0).

Examples:
  tiendo validate de-an-06.json
  tiendo validate https://congan.example.gov.vn/feeds/de-an-06.json --lang en

Exit codes: 0 valid; 1 invalid or unreadable; 2 wrong command line.`;

const FROM_CSV_VI = `tiendo from-csv <tệp> [tùy chọn]

Tạo feed JSON từ một bảng tính: sổ làm việc Excel (.xlsx) hoặc tệp CSV. Dòng đầu có chữ là
tiêu đề cột, mỗi dòng sau là một tỉnh.

Tệp đọc được: .xlsx (trang tính đầu tiên, hoặc --sheet); CSV UTF-8 (có hoặc không có BOM), UTF-16
("Unicode Text" của Excel, ngăn cột bằng tab) và Windows-1258 (CSV thường của Excel tiếng Việt),
ngăn cột bằng ";", "," hoặc tab. Tệp lớn hơn 20 MB không được mở. Chữ đã hỏng từ trước (chữ có
dấu thành "?", "Nghá»‡ An", ký tự �) bị từ chối, kèm cách xuất lại từ Excel.

Tùy chọn:
  --out, -o <tệp>             ghi feed vào tệp (không có: in ra màn hình); ghi trọn vẹn hoặc không ghi gì
  --append <feed.json>        thêm số liệu của bảng tính vào feed đã có làm số liệu mới nhất;
                              số liệu cũ được chuyển vào lịch sử (history); cần --as-of
  --title <tên>               tiêu đề của feed
  --as-of <YYYY-MM-DD>        số liệu tính đến ngày
  --next-update <YYYY-MM-DD>  ngày dự kiến cập nhật lần sau
  --source-name <tên>         cơ quan cung cấp số liệu
  --source-url <địa chỉ>      trang của cơ quan đó (http:// hoặc https://)
  --sheet <tên>               trang tính cần đọc trong tệp .xlsx (mặc định: trang đầu tiên)
  --locale vi|en              cách viết số trong tệp (xem dưới)
  --separator ";"|","|tab     dấu ngăn cột của CSV (mặc định: theo dòng "sep=;" nếu có, nếu không thì nhận ra từ dòng tiêu đề)
  --pretty                    ghi JSON xuống dòng, thụt lề cho người đọc (mặc định: JSON gọn)
  --lang vi|en                ngôn ngữ của thông báo

Tiêu đề cột (không phân biệt chữ hoa, chữ thường, dấu và khoảng trắng):
  id                          mã tỉnh, không bắt buộc; mặc định lấy từ tên: "Nghệ An" → nghe-an
  Mã | Code                   mã đơn vị hành chính, ví dụ 40; thiếu thì điền theo tên tỉnh
  Tỉnh | Province             tên tỉnh (cũng nhận "Tỉnh, thành phố", "Tỉnh/thành phố"); thiếu thì lấy theo mã
  Tổng số mô hình | Models total
  Hoàn thành | Completed
  Đang triển khai | In progress
  Chưa triển khai | Not started
  <tên chỉ số>                một chỉ số; mã chỉ số lấy từ tên, bỏ dấu ("Hồ sơ trực tuyến" → ho-so-truc-tuyen)
  <tên chỉ số> (tổng)         mẫu số của chỉ số đó; tiếng Anh: <metric name> (total)
  <tên chỉ số> (tỷ lệ)        tỷ lệ đã công bố, 0,93 hoặc 93%; tiếng Anh: <metric name> (rate)
Ô trống là không có số liệu. Dòng trống và dấu ngăn cột thừa ở cuối dòng được bỏ qua.
Mỗi tỉnh chỉ được có một dòng. Mã và tên tỉnh không khớp nhau, hoặc mã không thuộc danh sách
34 tỉnh (từ 1/7/2025) hay 63 tỉnh (trước đó), thì có cảnh báo.

Cách đọc số:
  - Ô số trong tệp .xlsx là số, không cần đoán. Ô chữ trông như số thì đọc theo cách duy nhất
    đọc được; đọc được hai cách (1.234) thì báo lỗi, cần --locale.
  - --locale vi hoặc --locale en: theo đúng kiểu đó, với mọi tệp.
  - Tệp ngăn cột bằng ";" hoặc tab (Excel tiếng Việt): kiểu Việt Nam, 50.579 là năm mươi nghìn
    năm trăm bảy mươi chín, 0,93 là số thập phân.
  - Tệp ngăn cột bằng ",": kiểu Anh, "50,579" (trong ngoặc kép) và 0.93. Ô như 1.234 hay
    "50,579" đọc được theo cả hai kiểu với hai giá trị khác nhau; công cụ chỉ nhận những ô
    đó khi trong tệp có ít nhất một số chỉ có thể là kiểu Anh (0.93, 82.5, 1,234,567);
    nếu không, báo lỗi từng ô (dòng, cột) và cần thêm --locale.
  - Không nhận khoảng trắng trong số, số mũ (1E+05) hay chữ như "-", "N/A": để trống ô.

Feed được kiểm tra bằng bộ kiểm tra của thư viện trước khi ghi. Có lỗi thì không ghi gì,
in từng lỗi kèm dòng, cột trong bảng tính và thoát với mã 1. Feed lớn hơn 5 MB không được ghi.

Ví dụ:
  tiendo from-csv mau-tinh.xlsx --title "Tiến độ Đề án 06" --as-of 2024-10-04 \\
    --source-name "Công an tỉnh Nghệ An" --source-url https://congan.nghean.gov.vn/ --out de-an-06.json
  tiendo from-csv thang-11.xlsx --append de-an-06.json --as-of 2024-11-04 --out de-an-06.json`;

const FROM_CSV_EN = `tiendo from-csv <file> [options]

Builds a JSON feed from a spreadsheet: an Excel workbook (.xlsx) or a CSV file. The first row
with text holds the headers, each row after it is one province.

Files it reads: .xlsx (the first sheet, or --sheet); CSV in UTF-8 (with or without a BOM), UTF-16
(Excel's "Unicode Text", tab-separated) and Windows-1258 (Vietnamese Excel's plain CSV),
separated by ";", "," or tabs. A file over 20 MB is not opened. Text damaged before it arrived
(letters turned into "?", "Nghá»‡ An", the character �) is refused, with how to export again.

Options:
  --out, -o <file>            write the feed to a file (absent: print it); written whole or not at all
  --append <feed.json>        add the sheet's figures to an existing feed as its latest figures;
                              the figures they replace move into its history; needs --as-of
  --title <text>              the feed's title
  --as-of <YYYY-MM-DD>        the date the figures stand at
  --next-update <YYYY-MM-DD>  when the next update is due
  --source-name <text>        the agency the figures come from
  --source-url <url>          its web page (http:// or https://)
  --sheet <name>              the sheet to read in an .xlsx file (default: the first)
  --locale vi|en              how numbers are written in the file (see below)
  --separator ";"|","|tab     the CSV field separator (default: a first line "sep=;" if any, else detected from the header row)
  --pretty                    indented JSON for people to read (default: compact JSON)
  --lang vi|en                language of the messages

Headers (regardless of case, diacritics and spaces; Vietnamese or English):
  id                          province id, optional; made from the name: "Nghệ An" → nghe-an
  Mã | Code                   official administrative code, e.g. 40; filled in from the name when missing
  Tỉnh | Province             province name (also "Tỉnh, thành phố", "Tỉnh/thành phố"); from the code when missing
  Tổng số mô hình | Models total
  Hoàn thành | Completed
  Đang triển khai | In progress
  Chưa triển khai | Not started
  <metric name>               a metric; its id is the name without diacritics ("Online dossiers" → online-dossiers)
  <metric name> (total)       that metric's denominator; Vietnamese: <tên chỉ số> (tổng)
  <metric name> (rate)        a reported rate, 0.93 or 93%; Vietnamese: <tên chỉ số> (tỷ lệ)
An empty cell is a missing figure. Blank rows and trailing separators are ignored.
One row per province. A code and a name that disagree, or a code in neither the list of 34
provinces (from 1 July 2025) nor the 63 before, get a warning.

How numbers are read:
  - Number cells of an .xlsx file are numbers: nothing to guess. A text cell that looks like a
    number is read the one way it reads; one that reads two ways (1.234) is refused: --locale.
  - --locale vi or --locale en: that way, for any file.
  - A file separated by ";" or tabs (Vietnamese Excel): Vietnamese, 50.579 is fifty thousand five
    hundred and seventy-nine, 0,93 a decimal.
  - A file separated by ",": English, "50,579" (quoted) and 0.93. A cell such as 1.234 or
    "50,579" reads both ways with different values; it is accepted only when some number of
    the file can only be English (0.93, 82.5, 1,234,567); otherwise each such cell is refused
    with its row and column, and --locale is needed.
  - No spaces inside numbers, no exponents (1E+05), no text such as "-" or "N/A": leave the
    cell empty.

The feed is checked by the library's validator before it is written. If anything is wrong
nothing is written: every problem is printed with its row and column in the sheet, and the
exit code is 1. A feed over 5 MB is not written.

Examples:
  tiendo from-csv provinces.xlsx --title "Đề án 06 progress" --as-of 2024-10-04 \\
    --source-name "Nghệ An Police" --out de-an-06.json
  tiendo from-csv november.xlsx --append de-an-06.json --as-of 2024-11-04 --out de-an-06.json`;

const SNIPPET_VI = `tiendo snippet <tệp|địa chỉ> --widget <tiện ích> [tùy chọn]

In ra đoạn HTML để biên tập viên dán vào trang: thẻ <script> của tiendo và thẻ tiện ích, bên trong
thẻ là số liệu hiện tại của feed thành một câu (chữ dự phòng). Người đọc thấy số liệu thật ngay khi
trang hiện ra, kể cả khi tập lệnh chưa tải hoặc bị chặn. Feed được kiểm tra trước như tiendo validate;
feed không hợp lệ thì không in đoạn mã nào (mã thoát 1).

Tùy chọn:
  --widget <tiện ích>     progress | kpi | table | model-list | chart | map
  --province <mã>         mã tỉnh trong feed, ví dụ nghe-an (không có: cả nước, hoặc tỉnh duy nhất);
                          với table, chart, map: tỉnh được tô đậm (highlight)
  --metric <mã>           mã chỉ số (kpi, chart, map), ví dụ on-time
  --src <địa chỉ>         địa chỉ của feed trên cổng (bắt buộc khi đọc từ tệp; mặc định: địa chỉ đã đọc)
  --base <địa chỉ>        thư mục chứa tiendo.js trên cổng (mặc định /tiendo/)
  --lang vi|en            ngôn ngữ của thông báo và của tiện ích (en: thẻ có lang="en")
  --prerender             kèm nội dung đã dựng sẵn (declarative shadow DOM) của progress, kpi, table:
                          số liệu hiện ngay, trang không xê dịch khi tập lệnh chạy; cần
                          Content-Security-Policy cho phép style nội tuyến (các mã băm in ra ở stderr)
  --no-reserve            không in dòng <style> giữ chỗ (chiều cao ước tính của tiện ích khi có số liệu,
                          để trang không xê dịch); dùng cho trang có Content-Security-Policy chặn <style>
  --timeout <giây>        thời gian chờ máy chủ khi đọc feed từ địa chỉ (mặc định 30)

Ví dụ:
  tiendo snippet de-an-06.json --widget progress --province nghe-an --src /feeds/de-an-06.json
  tiendo snippet https://congan.example.gov.vn/feeds/de-an-06.json --widget kpi --metric on-time --prerender

Mã thoát: 0 đã in đoạn mã; 1 feed không hợp lệ, không đọc được, hoặc không có tỉnh, chỉ số đã chọn; 2 gọi lệnh sai.`;

const SNIPPET_EN = `tiendo snippet <file|url> --widget <widget> [options]

Prints the HTML an editor pastes into a page: tiendo's <script> tag and the widget's tag, holding
the feed's current figures as one sentence (the fallback text). Readers see real figures as soon as
the page shows, even before the script arrives or where it is blocked. The feed is checked first,
as tiendo validate does; an invalid feed gets no snippet (exit code 1).

Options:
  --widget <widget>       progress | kpi | table | model-list | chart | map
  --province <id>         a province id of the feed, e.g. nghe-an (absent: the nation, or the only province);
                          for table, chart, map: the highlighted province
  --metric <id>           a metric id (kpi, chart, map), e.g. on-time
  --src <url>             the feed's address on the portal (needed when reading a file; default: the address read)
  --base <url>            the folder of tiendo.js on the portal (default /tiendo/)
  --lang vi|en            language of the messages and of the widget (en: the tag gets lang="en")
  --prerender             add the prerendered content (declarative shadow DOM) of a progress, kpi, table:
                          figures at first paint, no layout shift when the script runs; needs a
                          Content-Security-Policy that allows its inline style (hashes printed on stderr)
  --no-reserve            no <style> line reserving the widget's estimated ready height (which keeps the
                          page from jumping); for a page whose Content-Security-Policy blocks <style>
  --timeout <seconds>     how long to wait for the server when reading the feed from an address (default 30)

Examples:
  tiendo snippet de-an-06.json --widget progress --province nghe-an --src /feeds/de-an-06.json
  tiendo snippet https://congan.example.gov.vn/feeds/de-an-06.json --widget kpi --metric on-time --prerender

Exit codes: 0 snippet printed; 1 invalid or unreadable feed, or no such province or metric in it; 2 wrong command line.`;

export const cliVi = {
  'help.main': HELP_VI,
  'help.validate': VALIDATE_VI,
  'help.from-csv': FROM_CSV_VI,
  'help.snippet': SNIPPET_VI,

  'usage.command': 'Không có lệnh "{name}". Các lệnh: validate, from-csv, snippet.',
  'usage.noCommand': 'Thiếu lệnh: validate, from-csv hoặc snippet.',
  'usage.option': 'Lệnh {command} không có tùy chọn {option}.',
  'usage.value': 'Tùy chọn {option} cần một giá trị.',
  'usage.choice': 'Tùy chọn {option} phải là {allowed} (không phải "{value}").',
  'usage.seconds': 'Tùy chọn {option} phải là số giây lớn hơn 0 (không phải "{value}").',
  'usage.clamped': 'Tùy chọn {option} {value} được đưa về {seconds} giây (từ {min} đến {max}).',
  'usage.input': 'Thiếu {what}.',
  'usage.input.validate': 'tệp hoặc địa chỉ cần kiểm tra',
  'usage.input.from-csv': 'tệp bảng tính (.xlsx hoặc CSV)',
  'usage.input.snippet': 'tệp hoặc địa chỉ của feed',
  'usage.extra': 'Thừa tham số "{arg}".',
  'usage.scheme': 'Chỉ kiểm tra được tệp hoặc địa chỉ http://, https:// (không phải "{url}").',
  'usage.sourceName': 'Tùy chọn --source-url cần đi kèm --source-name.',
  'usage.sourceUrl': 'Tùy chọn --source-url phải là địa chỉ http:// hoặc https:// (không phải "{url}").',
  'usage.outIsInput': 'Tệp --out trùng với tệp bảng tính đầu vào; hãy chọn tên khác.',
  'usage.help': 'Xem: tiendo {command} --help',
  'usage.helpMain': 'Xem: tiendo --help',

  'where.text': 'dòng {line}, cột {column}',

  'input.read': 'Không đọc được tệp {file} ({reason}).',
  'input.notFound': 'Không có tệp {file}.',
  'input.utf8': 'Tệp {file} không phải văn bản UTF-8.',
  'output.write': 'Không ghi được tệp {file} ({reason}); tệp cũ (nếu có) vẫn giữ nguyên.',

  'validate.warning': 'cảnh báo',
  'validate.duplicateKey': 'khóa "{key}" được viết {count} lần trong cùng một đối tượng; chỉ giá trị cuối cùng được dùng',
  'validate.valid': '{name}: hợp lệ ({provinces} tỉnh, {metrics} chỉ số).',
  'validate.invalid': '{name}: không hợp lệ ({errors} lỗi).',

  'csv.written': 'Đã ghi {file}: {provinces} tỉnh, {metrics} chỉ số.',
  'csv.appended': 'Đã thêm số liệu ngày {asOf}: {updated} tỉnh cập nhật, {added} tỉnh mới, {kept} tỉnh giữ số liệu cũ.',
  'csv.asOfHint': 'Gợi ý: thêm --as-of YYYY-MM-DD để tiện ích ghi rõ số liệu tính đến ngày nào.',
  'csv.failed': '{file}: chưa tạo được feed ({errors} lỗi); không có tệp nào được ghi.',

  'snippet.widget': 'Thiếu --widget: progress, kpi, table, model-list, chart hoặc map.',
  'snippet.src': 'Thiếu --src: địa chỉ mà tiện ích sẽ đọc feed trên cổng (ví dụ /feeds/de-an-06.json).',
  'snippet.url': 'Tùy chọn {option} phải là địa chỉ http://, https:// hoặc đường dẫn bắt đầu bằng "/" (không phải "{url}").',
  'snippet.province': 'Feed không có tỉnh "{id}".',
  'snippet.provinceNear': 'Feed không có tỉnh "{id}"; có phải "{near}"?',
  'snippet.metric': 'Feed không có chỉ số "{id}" (các chỉ số: {ids}).',
  'snippet.needMetric': 'Feed có nhiều chỉ số: chọn một bằng --metric ({ids}).',
  'snippet.noFigures': 'Feed chưa có số liệu cho lựa chọn này: thẻ không có chữ dự phòng, tiện ích sẽ báo chưa có số liệu.',
  'snippet.prerender': '--prerender chỉ dựng sẵn được progress, kpi và table (không phải {widget}); hãy dùng đoạn mã thường.',
  'snippet.noMetric': 'Tiện ích {widget} không dùng --metric (chỉ {widgets}).',
  'snippet.csp':
    'Nội dung dựng sẵn có style nội tuyến. Content-Security-Policy của trang cần cho phép: style-src {sources} (hoặc \'unsafe-inline\'). Cổng có chính sách chặt thì dùng đoạn mã thường (không có --prerender).',
} as const;

export type CliKey = keyof typeof cliVi;

export const cliEn: Record<CliKey, string> = {
  'help.main': HELP_EN,
  'help.validate': VALIDATE_EN,
  'help.from-csv': FROM_CSV_EN,
  'help.snippet': SNIPPET_EN,

  'usage.command': 'There is no command "{name}". Commands: validate, from-csv, snippet.',
  'usage.noCommand': 'A command is missing: validate, from-csv or snippet.',
  'usage.option': 'The {command} command has no option {option}.',
  'usage.value': 'The option {option} needs a value.',
  'usage.choice': 'The option {option} must be {allowed} (not "{value}").',
  'usage.seconds': 'The option {option} must be a number of seconds above 0 (not "{value}").',
  'usage.clamped': 'The option {option} {value} was brought to {seconds} seconds ({min} to {max}).',
  'usage.input': 'Missing: {what}.',
  'usage.input.validate': 'the file or address to check',
  'usage.input.from-csv': 'the spreadsheet file (.xlsx or CSV)',
  'usage.input.snippet': 'the feed\'s file or address',
  'usage.extra': 'Unexpected argument "{arg}".',
  'usage.scheme': 'Only files and http://, https:// addresses can be checked (not "{url}").',
  'usage.sourceName': 'The option --source-url needs --source-name too.',
  'usage.sourceUrl': 'The option --source-url must be an http:// or https:// address (not "{url}").',
  'usage.outIsInput': 'The --out file is the input spreadsheet; choose another name.',
  'usage.help': 'See: tiendo {command} --help',
  'usage.helpMain': 'See: tiendo --help',

  'where.text': 'line {line}, column {column}',

  'input.read': 'Cannot read the file {file} ({reason}).',
  'input.notFound': 'There is no file {file}.',
  'input.utf8': 'The file {file} is not UTF-8 text.',
  'output.write': 'Cannot write the file {file} ({reason}); the old file, if any, is unchanged.',

  'validate.warning': 'warning',
  'validate.duplicateKey': 'the key "{key}" is written {count} times in one object; only the last value counts',
  'validate.valid': '{name}: valid (provinces: {provinces}, metrics: {metrics}).',
  'validate.invalid': '{name}: not valid (errors: {errors}).',

  'csv.written': 'Wrote {file} (provinces: {provinces}, metrics: {metrics}).',
  'csv.appended': 'Added the figures of {asOf}: provinces updated {updated}, added {added}, kept as they were {kept}.',
  'csv.asOfHint': 'Hint: add --as-of YYYY-MM-DD so the widgets say how recent the figures are.',
  'csv.failed': '{file}: no feed built (errors: {errors}); nothing was written.',

  'snippet.widget': 'Missing --widget: progress, kpi, table, model-list, chart or map.',
  'snippet.src': 'Missing --src: the address the widget will read the feed from on the portal (e.g. /feeds/de-an-06.json).',
  'snippet.url': 'The option {option} must be an http://, https:// address or a path starting with "/" (not "{url}").',
  'snippet.province': 'The feed has no province "{id}".',
  'snippet.provinceNear': 'The feed has no province "{id}"; did you mean "{near}"?',
  'snippet.metric': 'The feed has no metric "{id}" (metrics: {ids}).',
  'snippet.needMetric': 'The feed has several metrics: choose one with --metric ({ids}).',
  'snippet.noFigures': 'The feed has no figures for this choice yet: the tag carries no fallback text, and the widget will say there are none.',
  'snippet.prerender': '--prerender renders progress, kpi and table only (not {widget}); use the plain snippet.',
  'snippet.noMetric': 'The {widget} widget takes no --metric (only {widgets} do).',
  'snippet.csp':
    'The prerendered content has inline style. The page\'s Content-Security-Policy must allow: style-src {sources} (or \'unsafe-inline\'). A portal with a strict policy keeps the plain snippet (without --prerender).',
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
