import type { Meta } from '@storybook/web-components';
import { stateStories, type Story } from './common.js';
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
