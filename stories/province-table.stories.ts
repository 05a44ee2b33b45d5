import type { Meta } from '@storybook/web-components';
import { ILLUSTRATIVE_34, stateStories, type Story } from './common.js';
import { renderWidget, type WidgetArgs } from './render.js';

export default {
  title: 'Widgets/Province table',
  component: 'tiendo-province-table',
  args: { highlight: 'nghe-an' },
  render: (args) => renderWidget('tiendo-province-table', args, 'Bảng so sánh tiến độ các tỉnh'),
} satisfies Meta<WidgetArgs>;

const s = stateStories({ highlight: 'nghe-an' });
export const Feed: Story = s.Feed;
export const English: Story = s.English;
export const Loading: Story = s.Loading;
export const ErrorForCitizens: Story = s.ErrorForCitizens;
export const ErrorWithDebug: Story = s.ErrorWithDebug;
export const Stale: Story = s.Stale;
export const Overdue: Story = s.Overdue;
export const Narrow320: Story = s.Narrow320;
export const Themed: Story = s.Themed;
export const DarkPage: Story = s.DarkPage;

/** The metrics side by side, sorted by the on-time rate. */
export const Metrics: Story = { args: { ...s.Feed.args, columns: 'rank,name,residence-online,passport-online', sort: '-residence-online' } };

/** The first rows only. */
export const Limit: Story = { args: { ...s.Feed.args, limit: 2 } };

/** A highlighted province outside the top rows is shown after them, with its rank. */
export const LimitWithHighlightOutside: Story = { args: { ...s.Feed.args, limit: 1, highlight: 'ha-noi', sort: '-total' } };

/**
 * Each row keeps its own source and date: the demo's provinces report at different dates, so a
 * column shows them and the footer credits none of the feed's own to them.
 */
export const SourcesPerRow: Story = { args: { ...s.Feed.args, highlight: '' } };

/** A feed of the 63 former provinces, each named with the unit it is now part of: "Vĩnh Phúc (nay thuộc Phú Thọ)". */
export const ShowPresent: Story = { args: { ...s.Feed.args, 'show-present': true } };

/**
 * The 63 former provinces added up into the 34 units (`regroup="2025"`): counts and value/total
 * pairs are summed, each unit says what it adds up and which former provinces the feed lacks.
 */
export const Regroup2025: Story = { args: { ...s.Feed.args, regroup: '2025', highlight: '' } };

const SYLLABLES = ['Thạch', 'Cẩm', 'Xuyên', 'Kỳ', 'Anh', 'Đức', 'Thọ', 'Hương', 'Sơn', 'Khê', 'Lộc', 'Vĩnh', 'Phúc', 'Yên', 'Hòa'];

/** One province with `count` made-up communes (illustrative figures, marked as such). */
function communeFeed(count: number) {
  return {
    version: 1,
    title: 'Số liệu minh họa: tiến độ mô hình điểm theo xã, phường',
    asOf: '2025-09-30',
    source: { name: 'Số liệu minh họa (không phải số liệu thật)' },
    provinces: [
      {
        id: 'ha-tinh',
        name: 'Hà Tĩnh',
        communes: Array.from({ length: count }, (_, i) => ({
          id: `x-${i}`,
          name: i === 7 ? 'Xã Thạch Hà' : `${i % 4 ? 'Xã' : 'Phường'} ${SYLLABLES[i % 15]} ${SYLLABLES[Math.floor(i / 15) % 15]} ${Math.floor(i / 225) + 1}`,
          models: { total: 20, completed: (i * 7) % 21 },
        })),
      },
    ],
  };
}

/**
 * The 3,321 communes of a province (as many as Vietnam has since 2025): a filter box that finds
 * "thach ha" without diacritics, pages of 100 rows, and a CSV of every row.
 */
export const Communes3321: Story = {
  args: { level: 'commune', highlight: 'x-7' },
  render: (args) => renderWidget('tiendo-province-table', args, 'Tiến độ mô hình điểm theo xã, phường', communeFeed(3321)),
};

/** The same in English. */
export const CommunesEnglish: Story = { ...Communes3321, args: { ...Communes3321.args, lang: 'en' } };

/** The change of the sort metric since each row's last earlier point, sortable (illustrative history). */
export const ChangeColumn: Story = {
  args: { columns: 'rank,name,rate,completed,change', sort: '-completed' },
  render: (args) =>
    renderWidget('tiendo-province-table', args, 'Tiến độ mô hình điểm', {
      version: 1,
      title: 'Số liệu minh họa: mô hình điểm hoàn thành',
      asOf: '2024-06-30',
      source: { name: 'Số liệu minh họa (không phải số liệu thật)' },
      provinces: [
        { id: 'nghe-an', name: 'Nghệ An', models: { total: 38, completed: 6, history: [{ asOf: '2024-04-30', completed: 4 }] } },
        { id: 'ha-tinh', name: 'Hà Tĩnh', models: { total: 43, completed: 9, history: [{ asOf: '2024-04-30', completed: 9 }] } },
        { id: 'ha-noi', name: 'Hà Nội', models: { total: 30, completed: 12, history: [{ asOf: '2024-03-31', completed: 13 }] } },
        { id: 'hue', name: 'Huế', models: { total: 25, completed: 5 } },
      ],
    }),
};

/** The 34 provinces since 1 July 2025 on the demo's illustrative feed (made-up figures, its source says so). */
export const Illustrative34: Story = { args: { src: ILLUSTRATIVE_34, highlight: 'nghe-an' } };
