import type { Meta } from '@storybook/web-components';
import { stateStories, type Story } from './common.js';
import { renderWidget, type WidgetArgs } from './render.js';

export default {
  title: 'Widgets/Progress',
  component: 'tiendo-progress',
  args: { province: 'nghe-an' },
  render: (args) => renderWidget('tiendo-progress', args, 'Nghệ An: 6/38 mô hình hoàn thành'),
} satisfies Meta<WidgetArgs>;

const s = stateStories({ province: 'nghe-an' });
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

/** Hà Tĩnh: 21 models in progress and 22 not started of 43. */
export const HaTinh: Story = { args: { ...s.Feed.args, province: 'ha-tinh' } };

/** A province without model figures: the empty state. */
export const Empty: Story = { args: { ...s.Feed.args, province: 'vinh-phuc' } };

/** Inline mode: the figures as attributes, no feed. */
export const Inline: Story = {
  args: { total: 38, completed: 6, 'in-progress': 20, label: 'Nghệ An', source: 'Công an tỉnh Nghệ An', 'as-of': '2024-10-04', 'show-sentence': true },
};

/** Inline mode: a whole feed inside the tag. */
export const InlineJson: Story = {
  args: {},
  render: (args) =>
    renderWidget('tiendo-progress', args, '', {
      version: 1,
      source: { name: 'Công an tỉnh Nghệ An', url: 'https://nghean.gov.vn/' },
      provinces: [{ id: 'nghe-an', name: 'Nghệ An', models: { total: 38, completed: 6, inProgress: 20, notStarted: 12 } }],
    }),
};

/** With history: "+2 mô hình hoàn thành so với 30/04/2024", said in the sentence with the date in words. */
export const WithHistory: Story = { args: { src: '/feeds/nghe-an.json', province: '', 'show-sentence': true } };

/** The same in English. */
export const WithHistoryEnglish: Story = { args: { ...WithHistory.args, lang: 'en' } };

/** None completed yet is said in words, not as a big 0,0% (Hà Tĩnh: 21 of 43 under way). */
export const NoneCompletedYet: Story = { args: { ...s.Feed.args, province: 'ha-tinh', 'show-sentence': true } };

/** 1.999 of 2.000 is "> 99,9%", never "100,0%". */
export const NearlyAll: Story = {
  args: { total: 2000, completed: 1999, 'in-progress': 1, label: 'Số liệu minh họa', 'show-sentence': true },
};
