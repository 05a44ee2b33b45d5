import type { Meta } from '@storybook/web-components';
import { UNITS_2025, UNITS_BEFORE_2025, type Unit } from '../src/places/provinces.js';
import { stateStories, type Story } from './common.js';
import { narrow, renderWidget, type WidgetArgs } from './render.js';

/**
 * Feeds of every province for the stories, made here from the library's own
 * lists with fixed pseudo-random figures, and marked as illustrative
 * ("số liệu minh họa"): the seed articles give figures for a few provinces only.
 */
function illustrative(units: readonly Unit[], seed: number, asOf: string) {
  let x = seed;
  const random = () => (x = (x * 1103515245 + 12345) % 2147483648) / 2147483648;
  return {
    version: 1,
    title: `Số liệu minh họa: ${units.length} tỉnh, thành phố`,
    asOf,
    source: { name: 'Số liệu minh họa (không phải số liệu thật)' },
    metrics: [
      { id: 'online-dossiers', name: 'Hồ sơ tiếp nhận trực tuyến', unit: 'hồ sơ' },
      { id: 'index-766', name: 'Bộ chỉ số 766', unit: 'điểm', max: 100 },
    ],
    provinces: units.map((u) => {
      const total = 30 + Math.floor(random() * 20);
      const dossiers = 20000 + Math.floor(random() * 80000);
      return {
        id: u.id,
        code: u.code,
        name: u.name,
        models: { total, completed: Math.floor(random() * total) },
        metrics: {
          'online-dossiers': { value: Math.floor(dossiers * (0.3 + 0.65 * random())), total: dossiers },
          'index-766': { value: Math.round(600 + random() * 350) / 10 },
        },
      };
    }),
  };
}

const FEEDS: Record<string, unknown> = {
  '34': illustrative(UNITS_2025, 34, '2025-09-30'),
  '63': illustrative(UNITS_BEFORE_2025, 63, '2025-03-31'),
  // A feed that gives only a few provinces, and one the lists do not know.
  few: {
    version: 1,
    title: 'Số liệu minh họa: vài tỉnh',
    asOf: '2025-09-30',
    source: { name: 'Số liệu minh họa (không phải số liệu thật)' },
    provinces: [
      { id: 'nghe-an', code: '40', name: 'Nghệ An', models: { total: 38, completed: 6 } },
      { id: 'ha-tinh', code: '42', name: 'Hà Tĩnh', models: { total: 40, completed: 19 } },
      { id: 'ha-noi', code: '01', name: 'Hà Nội', models: { total: 36, completed: 4 } },
      { id: 'khu-thu-nghiem', name: 'Khu thử nghiệm', models: { total: 10, completed: 5 } },
    ],
  },
};

export default {
  title: 'Widgets/Map',
  component: 'tiendo-map',
  args: { _feed: '34', highlight: 'nghe-an' },
  argTypes: { _feed: { control: 'select', options: ['', ...Object.keys(FEEDS)], description: 'Which illustrative feed is written inside the tag ("" for `src`).' } },
  render: (args) => renderWidget('tiendo-map', args, 'Bản đồ tiến độ mô hình điểm các tỉnh', FEEDS[String(args._feed ?? '')]),
} satisfies Meta<WidgetArgs>;

/** The 34 provinces of today (from 1 July 2025), coloured by the completion rate of their pilot models; Nghệ An highlighted. */
export const Units34: Story = {};

/** The 63 provinces before 1 July 2025 (the feed's provinces say which grid). */
export const Units63: Story = { args: { _feed: '63', highlight: 'vinh-phuc' } };

/** One metric: its rate (value/total) colours the tiles; the table adds the counts. */
export const Metric: Story = { args: { metric: 'online-dossiers' } };

/** A score (no rate): the value colours the tiles. */
export const Score: Story = { args: { metric: 'index-766', highlight: '' } };

/** A feed with few provinces: the others are hatched and labelled "no data"; one it cannot place is listed under the map. */
export const NoData: Story = { args: { _feed: 'few' } };

/** The highlighted province stands out by its rings and is ranked in the sentence (shown here). */
export const Highlight: Story = { args: { highlight: 'ha-tinh', 'show-sentence': true } };

/** A feed of the 63 added up into the 34 (`regroup="2025"`): each unit's table row says what it is made of. */
export const Regroup2025: Story = { args: { _feed: '63', regroup: '2025', highlight: 'phu-tho' } };

/** A feed of the 63 naming each former province's present unit (`show-present`). */
export const ShowPresent: Story = { args: { _feed: '63', 'show-present': true, highlight: '' } };

/** The seed feed (four provinces of the 63) from `src`. */
export const SeedFeed: Story = { args: { ...stateStories({}).Feed.args, _feed: '' } };

const s = stateStories({ _feed: '' });
export const English: Story = { args: { lang: 'en' } };
export const Narrow320: Story = { decorators: [narrow(320)] };
export const Narrow320Units63: Story = { args: { _feed: '63' }, decorators: [narrow(320)] };
export const DarkPage: Story = { args: { theme: 'dark' }, globals: s.DarkPage.globals };
export const Loading: Story = s.Loading;
export const ErrorWithDebug: Story = s.ErrorWithDebug;
