import type { Meta } from '@storybook/web-components';
import { stateStories, type Story } from './common.js';
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
