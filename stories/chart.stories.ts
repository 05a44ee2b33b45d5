import type { Meta } from '@storybook/web-components';
import { ILLUSTRATIVE_34, stateStories, type Story } from './common.js';
import { renderWidget, type WidgetArgs } from './render.js';

export default {
  title: 'Widgets/Chart',
  component: 'tiendo-chart',
  args: { highlight: 'nghe-an' },
  render: (args) => renderWidget('tiendo-chart', args, 'Biểu đồ tiến độ mô hình điểm các tỉnh'),
} satisfies Meta<WidgetArgs>;

const s = stateStories({ highlight: 'nghe-an' });
export const Feed: Story = s.Feed;
export const English: Story = s.English;
export const Loading: Story = s.Loading;
export const ErrorForCitizens: Story = s.ErrorForCitizens;
export const ErrorWithDebug: Story = s.ErrorWithDebug;
export const Stale: Story = s.Stale;
export const Narrow320: Story = s.Narrow320;
export const Themed: Story = s.Themed;
export const DarkPage: Story = s.DarkPage;

/** Pilot models per province, as horizontal stacked bars. */
export const HorizontalBars: Story = { args: { ...s.Feed.args, type: 'horizontal-bar' } };

/** One metric across provinces. A line would join unrelated provinces, so `type="line"` draws bars (said under `debug`). */
export const MetricLineAcrossIsBars: Story = {
  args: { ...s.Feed.args, type: 'line', metric: 'residence-online', highlight: 'vinh-phuc', debug: true },
};

/**
 * Nghệ An's pilot models over time (`province`), stacked: completed, in progress, not started, on a
 * time axis spaced by the real dates (31/01, 29/02, 30/04, 20/06/2024: the gaps differ); the table
 * has one row per date, the sentence says the change with its dates.
 */
export const OverTimeModels: Story = {
  args: { src: '/feeds/nghe-an.json', province: 'nghe-an', highlight: '', 'show-sentence': true },
};

/** The same as stacked bars (`type="bar"`). */
export const OverTimeModelsBars: Story = { args: { ...OverTimeModels.args, type: 'bar' } };

/** The same in English: Intl's month ticks ("Mar 2024"), dates in the table and the sentence. */
export const OverTimeEnglish: Story = { args: { ...OverTimeModels.args, lang: 'en' } };

/**
 * The ministry's online dossiers over time: the national block (`province="national"`), its history and
 * latest figure, each point's reporting period in the table, the figure's own source and date in the footer.
 */
export const OverTimeNational: Story = {
  args: { ...s.Feed.args, province: 'national', metric: 'online-dossiers', highlight: '', 'show-sentence': true },
};

/**
 * Two provinces compared (`compare`): their pilot models as stacked bars side by side at each one's own
 * date. Their sources and dates differ, so the footer credits neither and the table lists each.
 */
export const CompareProvinces: Story = { args: { ...s.Feed.args, compare: 'ha-tinh,nghe-an', highlight: '' } };

/** Every province's models by status. */
export const Doughnut: Story = { args: { ...s.Feed.args, type: 'doughnut' } };

/** Five former provinces with made-up figures (marked as illustrative): dossiers as counts, and a rate the sources reported alone. */
const FORMER = {
  version: 1,
  title: 'Số liệu minh họa: các tỉnh trước ngày 01/07/2025',
  asOf: '2024-12-31',
  source: { name: 'Số liệu minh họa (không phải số liệu thật)' },
  metrics: [
    { id: 'online', name: 'Hồ sơ tiếp nhận trực tuyến', unit: 'hồ sơ' },
    { id: 'satisfied', name: 'Mức độ hài lòng' },
  ],
  provinces: [
    ['phu-tho', 'Phú Thọ', 25, 47, 36093, 54687, 0.91],
    ['vinh-phuc', 'Vĩnh Phúc', 35, 49, 27703, 37437, 0.88],
    ['hoa-binh', 'Hòa Bình', 25, 40, 15445, 36776, 0.86],
    ['nghe-an', 'Nghệ An', 31, 38, 41230, 60112, 0.9],
    ['ha-tinh', 'Hà Tĩnh', 30, 43, 30110, 41950, 0.93],
  ].map(([id, name, completed, total, value, of, rate]) => ({
    id,
    name,
    models: { completed, total },
    metrics: { online: { value, total: of }, satisfied: { rate } },
  })),
};
const former = (title: string) => (args: WidgetArgs) => renderWidget('tiendo-chart', args, title, FORMER);

/** Former provinces, each named with the unit it is now part of: "Vĩnh Phúc (nay thuộc Phú Thọ)". */
export const ShowPresent: Story = { args: { 'show-present': true, metric: 'online' }, render: former('Hồ sơ trực tuyến theo tỉnh') };

/**
 * The former provinces added up into the 34 units (`regroup="2025"`): Phú Thọ's bar is Phú Thọ + Vĩnh
 * Phúc + Hòa Bình (dossiers and their totals summed, then the rate); the table says what each unit adds up.
 */
export const Regroup2025: Story = { args: { regroup: '2025', metric: 'online', highlight: 'phu-tho' }, render: former('Hồ sơ trực tuyến theo tỉnh') };

/** A rate the sources reported alone cannot be added up: no bars, "—" in the table, and a note saying why. */
export const Regroup2025RateOnly: Story = { args: { regroup: '2025', metric: 'satisfied' }, render: former('Mức độ hài lòng theo tỉnh') };

const SYLLABLES = ['Thạch', 'Cẩm', 'Xuyên', 'Kỳ', 'Anh', 'Đức', 'Thọ', 'Hương', 'Sơn', 'Khê', 'Lộc', 'Vĩnh', 'Phúc', 'Yên', 'Hòa'];

/** One province with `count` made-up communes and a made-up share of dossiers online (marked as illustrative). */
function communeFeed(count: number) {
  return {
    version: 1,
    title: 'Số liệu minh họa: hồ sơ trực tuyến theo xã, phường',
    asOf: '2025-09-30',
    source: { name: 'Số liệu minh họa (không phải số liệu thật)' },
    metrics: [{ id: 'online', name: 'Hồ sơ tiếp nhận trực tuyến', unit: 'hồ sơ' }],
    provinces: [
      {
        id: 'ha-tinh',
        name: 'Hà Tĩnh',
        metrics: {},
        communes: Array.from({ length: count }, (_, i) => ({
          id: `x-${i}`,
          name: i === 7 ? 'Xã Thạch Hà' : `${i % 4 ? 'Xã' : 'Phường'} ${SYLLABLES[i % 15]} ${SYLLABLES[Math.floor(i / 15) % 15]}`,
          metrics: { online: { value: 200 + ((i * 37) % 180), total: 400 } },
        })),
      },
    ],
  };
}

/**
 * 130 communes of a province (`level="commune"`): the chart draws the 10 highest and 10 lowest and the
 * highlighted commune, and says so ("… trên 130; Xã Thạch Hà xếp thứ …"); the table has all 130.
 */
export const Communes130: Story = {
  args: { level: 'commune', metric: 'online', highlight: 'x-7', type: 'horizontal-bar' },
  render: (args) => renderWidget('tiendo-chart', args, 'Hồ sơ trực tuyến theo xã, phường', communeFeed(130)),
};

/** The same with `limit="5"`, in English. */
export const CommunesLimitEnglish: Story = { ...Communes130, args: { ...Communes130.args, limit: 5, lang: 'en' } };

/** Attribute mistakes under `debug`: an unknown type (bars drawn) and a province name in `compare` (the id suggested). */
export const AttributeMistakes: Story = {
  args: { ...s.Feed.args, type: 'pie', compare: 'Nghệ An,ha-tinh', highlight: '', debug: true },
};

/** The 34 provinces since 1 July 2025 on the demo's illustrative feed: sorted bars, every name shown. */
export const Illustrative34: Story = { args: { src: ILLUSTRATIVE_34, highlight: 'nghe-an' } };

/** One of them over time (three earlier months in the illustrative feed). */
export const Illustrative34OverTime: Story = { args: { src: ILLUSTRATIVE_34, province: 'nghe-an' } };
