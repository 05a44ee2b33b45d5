import type { Meta } from '@storybook/web-components';
import { stateStories, type Story } from './common.js';
import { renderWidget, type WidgetArgs } from './render.js';

export default {
  title: 'Widgets/Model list',
  component: 'tiendo-model-list',
  args: { province: 'nghe-an' },
  render: (args) => renderWidget('tiendo-model-list', args, 'Nghệ An: 6 mô hình đã hoàn thành'),
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

/** One status only. */
export const CompletedOnly: Story = { args: { ...s.Feed.args, status: 'completed' } };

/** A province without a model list: the empty state. */
export const Empty: Story = { args: { ...s.Feed.args, province: 'vinh-phuc' } };
