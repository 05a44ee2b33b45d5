import type { Meta } from '@storybook/web-components';
import { stateStories, type Story } from './common.js';
import { renderWidget, type WidgetArgs } from './render.js';

export default {
  title: 'Widgets/KPI',
  component: 'tiendo-kpi',
  args: { metric: 'on-time' },
  render: (args) => renderWidget('tiendo-kpi', args, '74.336/74.587 hồ sơ đúng hạn'),
} satisfies Meta<WidgetArgs>;

const s = stateStories({ metric: 'on-time' });
export const Feed: Story = s.Feed;
export const English: Story = s.English;
export const Loading: Story = s.Loading;
export const ErrorForCitizens: Story = s.ErrorForCitizens;
export const ErrorWithDebug: Story = s.ErrorWithDebug;
export const Stale: Story = s.Stale;
export const Narrow320: Story = s.Narrow320;
export const Themed: Story = s.Themed;
export const DarkPage: Story = s.DarkPage;

/** The Ministry's 201.884 dossiers received online. */
export const OnlineDossiers: Story = { args: { ...s.Feed.args, metric: 'online-dossiers' } };

/** Vĩnh Phúc: 50.579 of 70.758 residence dossiers online, against a 90% target. */
export const VinhPhucWithTarget: Story = { args: { ...s.Feed.args, province: 'vinh-phuc', metric: 'residence-online' } };

/** A province without this metric: the empty state. */
export const Empty: Story = { args: { ...s.Feed.args, province: 'nghe-an' } };

/** Inline mode with the change against the previous period and a target. */
export const Inline: Story = {
  args: { value: 50579, total: 70758, previous: 41000, target: 0.9, label: 'Hồ sơ cư trú trực tuyến', unit: 'hồ sơ', source: 'Công an tỉnh Vĩnh Phúc', 'as-of': '2022-08-17' },
};

/** A score against its scale. */
export const Score: Story = { args: { value: 82.5, max: 100, unit: 'điểm', label: 'Bộ chỉ số phục vụ người dân, doanh nghiệp' } };
