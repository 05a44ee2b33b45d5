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
    'chart.rank': '{name}: {value} (xếp thứ {rank}/{count})',
    'chart.show': 'Xem dạng bảng',
    'chart.hide': 'Ẩn bảng',

    // The communes of one province.
    'chart.communes.models': 'Tiến độ mô hình điểm theo xã, phường của {area}',
    'chart.communes.modelsTotal': 'Mô hình điểm của các xã, phường của {area} theo trạng thái',
    'chart.communes.metric': '{name} theo xã, phường của {area}',
    'chart.commune': 'Xã, phường',

    // Over time.
    'chart.time.models': 'Tiến độ mô hình điểm của {area} theo thời gian',
    'chart.time.modelsCompare': 'Tiến độ mô hình điểm theo thời gian',
    'chart.time.metric': '{name} của {area} theo thời gian',
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
    'chart.show': 'Show as a table',
    'chart.hide': 'Hide the table',

    'chart.communes.models': 'Pilot model progress by commune, {area}',
    'chart.communes.modelsTotal': 'Pilot models of the communes of {area} by status',
    'chart.communes.metric': '{name} by commune, {area}',
    'chart.commune': 'Commune',

    'chart.time.models': 'Pilot model progress in {area} over time',
    'chart.time.modelsCompare': 'Pilot model progress over time',
    'chart.time.metric': '{name} in {area} over time',
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
  },
});

export type ChartWord = Parameters<typeof chartMsg>[1];
