/**
 * The validator's rules in words, both languages. Only a broken feed or
 * attribute needs them, so they are a chunk of their own, loaded on demand
 * (see loadMessages in messages.ts). Shown after the JSON path:
 * "provinces[2].models.completed: phải là số nguyên không âm".
 */
export const ruleVi = {
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
} as const;

export type RuleKey = keyof typeof ruleVi;

export const ruleEn: Record<RuleKey, string> = {
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
};
