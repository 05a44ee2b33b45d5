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

/** One metric across provinces, as a line. */
export const MetricLine: Story = { args: { ...s.Feed.args, type: 'line', metric: 'residence-online', highlight: 'vinh-phuc' } };

/** Every province's models by status. */
export const Doughnut: Story = { args: { ...s.Feed.args, type: 'doughnut' } };
