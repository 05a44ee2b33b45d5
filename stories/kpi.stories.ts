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

/** With history: the trend line and the change since the last earlier point, with its date ("▲ 52.264 so với 31/05/2022"). */
export const WithHistory: Story = { args: { ...s.Feed.args, metric: 'online-dossiers', 'show-sentence': true } };

/** The same in English: the sentence says the date in words ("since 31 May 2022"). */
export const WithHistoryEnglish: Story = { args: { ...WithHistory.args, lang: 'en' } };

/**
 * A metric where lower is better, with history and a target: the fall is "tốt hơn", the bar is the
 * figure on its own scale (0–100%) with a marker at the target, judged at or below it.
 */
export const LowerIsBetterWithTarget: Story = {
  args: { metric: 'late', 'show-sentence': true },
  render: (args) =>
    renderWidget('tiendo-kpi', args, 'Hồ sơ trễ hạn: 3,1%', {
      version: 1,
      title: 'Số liệu minh họa',
      asOf: '2024-06-30',
      source: { name: 'Số liệu minh họa' },
      metrics: [{ id: 'late', name: 'Tỷ lệ hồ sơ trễ hạn', higherIsBetter: false }],
      national: {
        metrics: {
          late: {
            rate: 0.031,
            target: 0.02,
            history: [
              { asOf: '2024-01-31', rate: 0.058 },
              { asOf: '2024-03-31', rate: 0.047 },
              { asOf: '2024-04-30', rate: 0.049 },
              { asOf: '2024-05-31', rate: 0.036 },
            ],
          },
        },
      },
    }),
};

/** A figure just short of the whole never shows 100%: 149.999/150.000 is "> 99,99%"; near a target, enough decimals to agree. */
export const NeverMisleading: Story = {
  args: { value: 149999, total: 150000, target: 0.99995, label: 'Hồ sơ trả kết quả đúng hạn', unit: 'hồ sơ', 'show-sentence': true },
};
