/**
 * Every string a reader, editor or data officer sees, in Vietnamese and English.
 * Placeholders `{name}` are filled with values the caller has already formatted
 * for the language (see format.ts), so word order stays the translator's.
 */

export type Lang = 'vi' | 'en';

const vi = {
  // Validation rules: shown after the JSON path, e.g. "provinces[2].models.completed: …".
  'rule.required': 'là bắt buộc',
  'rule.object': 'phải là một đối tượng JSON',
  'rule.array': 'phải là một mảng',
  'rule.string': 'phải là chuỗi văn bản',
  'rule.nonEmpty': 'không được để trống',
  'rule.boolean': 'phải là true hoặc false',
  'rule.version': 'phải là số nguyên 1',
  'rule.needArea': 'cần ít nhất một trong hai khối national, provinces',
  'rule.whole': 'phải là số nguyên không âm',
  'rule.nonNegative': 'phải là số không âm',
  'rule.positive': 'phải là số lớn hơn 0',
  'rule.number': 'phải là số',
  'rule.numberAsString': 'phải là số JSON, không phải chuỗi ("{text}")',
  'rule.thousands': 'viết số không có dấu phân cách hàng nghìn, ví dụ 201884 (không phải "{text}")',
  'rule.rate': 'phải là tỷ lệ từ 0 đến 1',
  'rule.date': 'phải là ngày theo ISO 8601, ví dụ 2024-10-04',
  'rule.slug': 'phải gồm chữ thường không dấu, chữ số và dấu gạch ngang, ví dụ nghe-an',
  'rule.duplicate': 'trùng mã "{id}" với {other}',
  'rule.modelsSum': 'tổng completed, inProgress, notStarted ({sum}) vượt quá total ({total})',
  'rule.valueOverTotal': 'value ({value}) vượt quá total ({total})',
  'rule.valueOrRate': 'cần value hoặc rate',
  'rule.modelStatus': 'phải là completed, in-progress hoặc not-started',
  'rule.url': 'liên kết không phải http: hoặc https: nên đã bị bỏ qua',
  'rule.tooBig': 'nguồn dữ liệu lớn hơn 5 MB',
  'rule.json': 'không phải JSON hợp lệ ({detail})',
  'rule.more': 'và {count} lỗi khác',

  // Widget states.
  'state.loading': 'Đang tải số liệu…',
  'state.error': 'Chưa hiển thị được số liệu. Vui lòng xem lại sau.',
  'state.empty': 'Chưa có số liệu để hiển thị.',
  'state.stale': 'Chưa cập nhật được số liệu mới; đang hiển thị số liệu lần trước.',
  'state.overdue': 'Số liệu có thể đã cũ: kỳ cập nhật dự kiến {date} đã qua.',
  'error.network': 'Không kết nối được tới nguồn dữ liệu {url}.',
  'error.http': 'Nguồn dữ liệu {url} trả về mã lỗi HTTP {status}.',
  'error.json': 'Nguồn dữ liệu {url} không phải JSON hợp lệ.',
  'error.invalid': 'Nguồn dữ liệu {url} không hợp lệ.',
  'error.tooBig': 'Nguồn dữ liệu {url} lớn hơn 5 MB nên không được tải.',
  'error.timeout': 'Nguồn dữ liệu {url} không trả lời sau {seconds} giây.',
  'error.province': 'Không có tỉnh "{id}" trong nguồn dữ liệu.',
  'error.metric': 'Không có chỉ số "{id}" trong nguồn dữ liệu.',
  'error.needMetric': 'Nguồn dữ liệu có nhiều chỉ số: cần thuộc tính metric.',
  'error.needProvince': 'Nguồn dữ liệu có nhiều tỉnh và không có khối national: cần thuộc tính province.',
  'error.url': 'Địa chỉ nguồn dữ liệu "{url}" phải là http: hoặc https:.',
  'error.attributes': 'Thuộc tính của thẻ không hợp lệ.',
  'error.inlineJson': 'Khối JSON trong thẻ không hợp lệ.',
  'error.noData': 'Thẻ chưa có nguồn số liệu: cần thuộc tính src, các số liệu trong thuộc tính hoặc một khối <script type="application/json">.',
  'footer.source': 'Nguồn:',
  'footer.asOf': 'Số liệu đến {date}',

  'area.national': 'Toàn quốc',

  // Pilot models.
  'status.completed': 'Hoàn thành',
  'status.in-progress': 'Đang triển khai',
  'status.not-started': 'Chưa triển khai',
  'progress.label': 'Mô hình điểm',
  'progress.completedOf': '{completed}/{total} mô hình hoàn thành',
  'progress.total': '{total} mô hình điểm',
  'progress.sentence': '{name} đã hoàn thành {completed}/{total} mô hình điểm ({percent})',
  'progress.sentence.inProgress': '{count} mô hình đang triển khai',
  'progress.sentence.notStarted': '{count} chưa triển khai',
  'progress.valuetext': '{completed}/{total} mô hình hoàn thành ({percent})',

  // Key figures.
  'kpi.change.up': 'Tăng {delta} so với kỳ trước',
  'kpi.change.down': 'Giảm {delta} so với kỳ trước',
  'kpi.change.same': 'Không đổi so với kỳ trước',
  'kpi.better': 'tốt hơn',
  'kpi.worse': 'kém hơn',
  'kpi.points': '{value} điểm phần trăm',
  'kpi.target': 'Mục tiêu {target}',
  'kpi.target.met': 'đã đạt',
  'kpi.target.notMet': 'chưa đạt',
  'kpi.target.valuetext': '{current} so với mục tiêu {target}',
  'kpi.score.valuetext': '{value} trên thang {max}',
  'kpi.sentence': '{label} của {name} đạt {figure}',
  'kpi.sentence.rate': 'tỷ lệ {rate}',
  'kpi.sentence.noArea': '{label} đạt {figure}',
  'kpi.sentence.target': 'mục tiêu {target} ({status})',
} as const;

export type MessageKey = keyof typeof vi;

const en: Record<MessageKey, string> = {
  'rule.required': 'is required',
  'rule.object': 'must be a JSON object',
  'rule.array': 'must be an array',
  'rule.string': 'must be a string',
  'rule.nonEmpty': 'must not be empty',
  'rule.boolean': 'must be true or false',
  'rule.version': 'must be the integer 1',
  'rule.needArea': 'needs at least one of national, provinces',
  'rule.whole': 'must be a whole number ≥ 0',
  'rule.nonNegative': 'must be a number ≥ 0',
  'rule.positive': 'must be a number greater than 0',
  'rule.number': 'must be a number',
  'rule.numberAsString': 'must be a JSON number, not a string ("{text}")',
  'rule.thousands': 'write the number without thousands separators, e.g. 201884 (not "{text}")',
  'rule.rate': 'must be a rate between 0 and 1',
  'rule.date': 'must be an ISO 8601 date, e.g. 2024-10-04',
  'rule.slug': 'must be lower-case letters without diacritics, digits and hyphens, e.g. nghe-an',
  'rule.duplicate': 'repeats the id "{id}" of {other}',
  'rule.modelsSum': 'completed, inProgress and notStarted add up to {sum}, more than total ({total})',
  'rule.valueOverTotal': 'value ({value}) is more than total ({total})',
  'rule.valueOrRate': 'needs value or rate',
  'rule.modelStatus': 'must be completed, in-progress or not-started',
  'rule.url': 'is not an http: or https: link, so it was dropped',
  'rule.tooBig': 'the feed is larger than 5 MB',
  'rule.json': 'is not valid JSON ({detail})',
  'rule.more': 'and {count} more problems',

  'state.loading': 'Loading figures…',
  'state.error': 'The figures cannot be shown right now. Please check back later.',
  'state.empty': 'There are no figures to show yet.',
  'state.stale': 'New figures could not be loaded; showing the last figures received.',
  'state.overdue': 'These figures may be out of date: the update due on {date} has passed.',
  'error.network': 'Could not reach the feed {url}.',
  'error.http': 'The feed {url} answered with HTTP error {status}.',
  'error.json': 'The feed {url} is not valid JSON.',
  'error.invalid': 'The feed {url} is not valid.',
  'error.tooBig': 'The feed {url} is larger than 5 MB, so it was not loaded.',
  'error.timeout': 'The feed {url} did not answer within {seconds} seconds.',
  'error.province': 'The feed has no province "{id}".',
  'error.metric': 'The feed has no metric "{id}".',
  'error.needMetric': 'The feed has several metrics: set the metric attribute.',
  'error.needProvince': 'The feed has several provinces and no national block: set the province attribute.',
  'error.url': 'The feed address "{url}" must be http: or https:.',
  'error.attributes': 'The tag\'s attributes are not valid.',
  'error.inlineJson': 'The JSON block inside the tag is not valid.',
  'error.noData': 'The tag has no figures yet: it needs a src attribute, figures as attributes, or a <script type="application/json"> block.',
  'footer.source': 'Source:',
  'footer.asOf': 'Figures as of {date}',

  'area.national': 'Nationwide',

  'status.completed': 'Completed',
  'status.in-progress': 'In progress',
  'status.not-started': 'Not started',
  'progress.label': 'Pilot models',
  'progress.completedOf': '{completed}/{total} models completed',
  'progress.total': '{total} pilot models',
  'progress.sentence': '{name} has completed {completed} of {total} pilot models ({percent})',
  'progress.sentence.inProgress': '{count} in progress',
  'progress.sentence.notStarted': '{count} not started',
  'progress.valuetext': '{completed} of {total} models completed ({percent})',

  'kpi.change.up': 'Up {delta} on the previous period',
  'kpi.change.down': 'Down {delta} on the previous period',
  'kpi.change.same': 'Unchanged from the previous period',
  'kpi.better': 'better',
  'kpi.worse': 'worse',
  'kpi.points': '{value} percentage points',
  'kpi.target': 'Target {target}',
  'kpi.target.met': 'met',
  'kpi.target.notMet': 'not yet met',
  'kpi.target.valuetext': '{current} against a target of {target}',
  'kpi.score.valuetext': '{value} on a scale of {max}',
  'kpi.sentence': '{label} in {name}: {figure}',
  'kpi.sentence.rate': 'a rate of {rate}',
  'kpi.sentence.noArea': '{label}: {figure}',
  'kpi.sentence.target': 'target {target} ({status})',
};

const tables: Record<Lang, Record<MessageKey, string>> = { vi, en };

export type MessageParams = Record<string, string | number>;

/** The message `key` in `lang`, with `{placeholders}` filled from `params`. */
export function msg(lang: Lang, key: MessageKey, params: MessageParams = {}): string {
  return tables[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : whole,
  );
}

/** Maps any BCP 47 tag to a language tiendo speaks: English for `en*`, else Vietnamese. */
export function toLang(tag: string | null | undefined): Lang {
  return tag?.trim().toLowerCase().startsWith('en') ? 'en' : 'vi';
}
