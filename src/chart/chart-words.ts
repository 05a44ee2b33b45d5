/**
 * The words of `<tiendo-chart>`, Vietnamese and English, in the chart's own
 * chunk: a page without charts does not download them.
 */
import { addWords } from '../i18n/messages.js';

export const chartMsg = addWords({
  vi: {
    'chart.models': 'Tiến độ mô hình điểm theo tỉnh',
    'chart.modelsTotal': 'Mô hình điểm của các tỉnh theo trạng thái',
    'chart.metric': '{name} theo tỉnh',
    'chart.province': 'Tỉnh, thành phố',
    'chart.status': 'Trạng thái',
    'chart.share': '{percent} hoàn thành',
    'chart.summary': 'Cao nhất: {max}; thấp nhất: {min}',
    'chart.rank': '{name}: {value} (xếp thứ {rank} trên {count})',
    'chart.rankOnly': '{name} xếp thứ {rank} trên {count}',
    'chart.show': 'Xem dạng bảng',
    'chart.hide': 'Ẩn bảng',
    'chart.table': 'Số liệu của biểu đồ',

    // The communes of one province.
    'chart.communes.models': 'Tiến độ mô hình điểm theo xã, phường của {area}',
    'chart.communes.modelsTotal': 'Mô hình điểm của các xã, phường của {area} theo trạng thái',
    'chart.communes.metric': '{name} theo xã, phường của {area}',
    'chart.commune': 'Xã, phường',

    // Over time.
    'chart.time.models': 'Tiến độ mô hình điểm của {area} theo thời gian',
    'chart.time.models.national': 'Tiến độ mô hình điểm toàn quốc theo thời gian',
    'chart.time.modelsCompare': 'Tiến độ mô hình điểm theo thời gian',
    'chart.time.metric': '{name} của {area} theo thời gian',
    'chart.time.metric.national': '{name} toàn quốc theo thời gian',
    'chart.time.metricCompare': '{name} theo thời gian',
    'chart.date': 'Ngày',
    'chart.period': 'Kỳ báo cáo',
    'chart.of': '{area}: {series}',
    'chart.time.change': '{name}: {latest} {latestDate}, {change} so với {first} {firstDate}',
    'chart.time.same': '{name}: {latest} {latestDate}, không đổi so với {firstDate}',
    'chart.time.one': '{name}: {latest} {latestDate}',
    'chart.up': 'tăng {delta}',
    'chart.down': 'giảm {delta}',
    'chart.points': '{value} điểm phần trăm',
    'chart.completedOf': '{completed} trên {total} mô hình hoàn thành',

    // Where the figures come from, when it differs between rows.
    'chart.note': 'Nguồn, thời điểm',
    'chart.mixed': 'Nguồn và thời điểm khác nhau theo từng {each}, xem bảng',
    'chart.mixed.source': 'Nguồn khác nhau theo từng {each}, xem bảng',
    'chart.mixed.asOf': 'Thời điểm số liệu khác nhau theo từng {each}, xem bảng',
    'chart.each.province': 'tỉnh',
    'chart.each.commune': 'xã, phường',

    // For the editor, under `debug`.
    'chart.lineAcross':
      'Biểu đồ đường chỉ dùng cho số liệu theo thời gian (province hoặc compare): đường nối các tỉnh không nói lên điều gì, nên biểu đồ được vẽ dạng cột.',
    'chart.stackedLine':
      'Mô hình điểm của nhiều nơi theo thời gian được vẽ dạng cột chồng, mỗi nơi một cột: các vùng chồng lên nhau của nhiều nơi không đọc được.',
    'chart.typeOver': 'Kiểu "{asked}" không dùng cho biểu đồ theo thời gian; biểu đồ được vẽ kiểu "{type}".',
    'chart.typeUnknown': 'Không có kiểu biểu đồ "{asked}" (bar, horizontal-bar, line, doughnut); biểu đồ được vẽ kiểu "{type}".',

    // `show-present` and `regroup="2025"` (a feed of the 63 added up into the 34).
    'chart.partOf': '{name} (nay thuộc {unit})',
    'chart.regrouped': 'Số liệu của các tỉnh, thành phố cũ được cộng gộp vào 34 đơn vị hành chính cấp tỉnh từ ngày 01/07/2025.',
    'chart.withheld.rate': '{name}: nguồn chỉ báo cáo tỷ lệ, không có số đếm để cộng gộp, nên để trống (—), không vẽ cột.',
    'chart.withheld.score': '{name}: điểm số không cộng gộp được, nên để trống (—), không vẽ cột.',
    'chart.withheld.partial': '{name}: không phải tỉnh cũ nào cũng có số liệu này, nên để trống (—) thay vì cộng thiếu.',
    'chart.unplaced': 'Không xác định được đơn vị hành chính mới của {names}; giữ nguyên như nguồn.',
    'chart.parts': 'Gộp từ',
    'chart.missing': 'thiếu số liệu của {names}',
    'chart.modelsName': 'Mô hình điểm',

    // Many communes: the top and bottom ones and the highlighted one.
    'chart.trimmed': '{top} xã, phường cao nhất và {bottom} thấp nhất trên {count}',
    'chart.trimmed.rank': '{name} xếp thứ {rank}',
    'chart.trimmed.table': 'Bảng số liệu có đủ {count} xã, phường.',
    'chart.trimmed.shows': 'Biểu đồ vẽ {shown}.',

    // Attribute mistakes, for the editor (under `debug` and once on the console).
    'chart.compare.unknown': 'compare: không có "{id}" trong nguồn dữ liệu, nên không vẽ.',
    'chart.compare.near': 'compare: không có "{id}" trong nguồn dữ liệu; có phải là "{near}"? (compare nhận mã, không nhận tên.)',
    'chart.metricNear': 'Không có chỉ số "{id}" trong nguồn dữ liệu; có phải là metric="{near}"? (metric nhận mã, không nhận tên.)',
    'chart.metricUnknown': 'Không có chỉ số "{id}" trong nguồn dữ liệu. Các chỉ số có: {ids}.',
    'chart.note.limit': 'limit="{value}" phải là số nguyên dương: {used}.',
    'chart.note.limitUsed': 'vẽ {count} xã, phường cao nhất và {count} thấp nhất',
    'chart.note.limitIgnored': 'bỏ qua, dùng {count}',
    'chart.note.limitLevel': 'limit chỉ dùng với level="commune" (số xã, phường vẽ ở mỗi đầu); các tỉnh được vẽ đủ.',
    'chart.note.level': 'level="{value}" không hợp lệ (province hoặc commune): vẽ các tỉnh, thành phố.',
    'chart.note.regroup': 'regroup="{value}" không hợp lệ (chỉ có regroup="2025"): không cộng gộp.',
    'chart.note.regroupWhere': 'regroup="2025" chỉ dùng cho biểu đồ so sánh các tỉnh tại một thời điểm: số liệu theo thời gian và xã, phường không được cộng gộp.',
  },
  en: {
    'chart.models': 'Pilot model progress by province',
    'chart.modelsTotal': 'Pilot models of all provinces by status',
    'chart.metric': '{name} by province',
    'chart.province': 'Province',
    'chart.status': 'Status',
    'chart.share': '{percent} completed',
    'chart.summary': 'Highest: {max}; lowest: {min}',
    'chart.rank': '{name}: {value} (ranked {rank} of {count})',
    'chart.rankOnly': '{name} ranks {rank} of {count}',
    'chart.show': 'Show as a table',
    'chart.hide': 'Hide the table',
    'chart.table': 'The chart’s figures',

    'chart.communes.models': 'Pilot model progress by commune, {area}',
    'chart.communes.modelsTotal': 'Pilot models of the communes of {area} by status',
    'chart.communes.metric': '{name} by commune, {area}',
    'chart.commune': 'Commune',

    'chart.time.models': 'Pilot model progress in {area} over time',
    'chart.time.models.national': 'Pilot model progress nationwide over time',
    'chart.time.modelsCompare': 'Pilot model progress over time',
    'chart.time.metric': '{name} in {area} over time',
    'chart.time.metric.national': '{name} nationwide over time',
    'chart.time.metricCompare': '{name} over time',
    'chart.date': 'Date',
    'chart.period': 'Period',
    'chart.of': '{area}: {series}',
    'chart.time.change': '{name}: {latest} on {latestDate}, {change} from {first} on {firstDate}',
    'chart.time.same': '{name}: {latest} on {latestDate}, unchanged since {firstDate}',
    'chart.time.one': '{name}: {latest} on {latestDate}',
    'chart.up': 'up {delta}',
    'chart.down': 'down {delta}',
    'chart.points': '{value} percentage points',
    'chart.completedOf': '{completed} of {total} models completed',

    'chart.note': 'Source, date',
    'chart.mixed': 'Sources and dates differ by {each}: see the table',
    'chart.mixed.source': 'Sources differ by {each}: see the table',
    'chart.mixed.asOf': 'Dates differ by {each}: see the table',
    'chart.each.province': 'province',
    'chart.each.commune': 'commune',

    'chart.lineAcross':
      'A line chart is for figures over time (province or compare): a line joining provinces says nothing, so the chart is drawn as bars.',
    'chart.stackedLine':
      'The pilot models of several areas over time are drawn as stacked bars, one per area: overlapping stacked areas could not be read.',
    'chart.typeOver': 'type="{asked}" is not offered for a chart over time; it is drawn as "{type}".',
    'chart.typeUnknown': 'There is no chart type "{asked}" (bar, horizontal-bar, line, doughnut); it is drawn as "{type}".',

    'chart.partOf': '{name} (now part of {unit})',
    'chart.regrouped': 'The figures of the former provinces are added up into the 34 provincial units in place since 1 July 2025.',
    'chart.withheld.rate': '{name}: the sources reported only a rate, with no counts to add up, so it is left blank (—) with no bar.',
    'chart.withheld.score': '{name}: a score cannot be added up, so it is left blank (—) with no bar.',
    'chart.withheld.partial': '{name}: not every former province gives this figure, so it is left blank (—) rather than added up in part.',
    'chart.unplaced': 'No present unit was found for {names}; they are shown as the source gives them.',
    'chart.parts': 'Added up from',
    'chart.missing': 'no figures for {names}',
    'chart.modelsName': 'Pilot models',

    'chart.trimmed': 'the {top} highest and {bottom} lowest of {count} communes',
    'chart.trimmed.rank': '{name} ranks {rank}',
    'chart.trimmed.table': 'The table has all {count} communes.',
    'chart.trimmed.shows': 'The chart shows {shown}.',

    'chart.compare.unknown': 'compare: the feed has no "{id}", so it is not drawn.',
    'chart.compare.near': 'compare: the feed has no "{id}"; did you mean "{near}"? (compare takes ids, not names.)',
    'chart.metricNear': 'The feed has no metric "{id}"; did you mean metric="{near}"? (metric takes an id, not a name.)',
    'chart.metricUnknown': 'The feed has no metric "{id}". Its metrics: {ids}.',
    'chart.note.limit': 'limit="{value}" must be a whole number above 0: {used}.',
    'chart.note.limitUsed': 'drawing the {count} highest and {count} lowest communes',
    'chart.note.limitIgnored': 'ignored, using {count}',
    'chart.note.limitLevel': 'limit is for level="commune" (the communes drawn at each end); every province is drawn.',
    'chart.note.level': 'level="{value}" is not valid (province or commune): the provinces are drawn.',
    'chart.note.regroup': 'regroup="{value}" is not valid (only regroup="2025"): nothing is added up.',
    'chart.note.regroupWhere': 'regroup="2025" is for a chart comparing provinces at one time: figures over time and communes are not added up.',
  },
});

export type ChartWord = Parameters<typeof chartMsg>[1];
