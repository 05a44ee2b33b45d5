import type { Meta } from '@storybook/web-components';
import { stateStories, type Story } from './common.js';
import { narrow, renderWidget, type WidgetArgs } from './render.js';

export default {
  title: 'Widgets/Picker',
  component: 'tiendo-picker',
  args: {},
  render: (args) => renderWidget('tiendo-picker', args),
} satisfies Meta<WidgetArgs>;

const s = stateStories({});
export const Feed: Story = s.Feed;
export const English: Story = s.English;
export const Loading: Story = s.Loading;
export const ErrorForCitizens: Story = s.ErrorForCitizens;
export const ErrorWithDebug: Story = s.ErrorWithDebug;
export const Narrow320: Story = s.Narrow320;
export const DarkPage: Story = s.DarkPage;

/**
 * A feed where every area has pilot models and the online-dossier metric, so that each
 * choice of the picker has figures for all three widgets. The figures are illustrative,
 * and the feed says so in its title and source.
 */
const LINKED_FEED = {
  version: 1,
  title: 'Tiến độ Đề án 06 theo tỉnh (số liệu minh họa)',
  asOf: '2024-10-04',
  source: { name: 'Số liệu minh họa' },
  metrics: [{ id: 'online-dossiers', name: 'Hồ sơ tiếp nhận trực tuyến', unit: 'hồ sơ' }],
  national: {
    models: { total: 138, completed: 21, inProgress: 71, notStarted: 46 },
    metrics: { 'online-dossiers': { value: 201884, total: 250000 } },
  },
  provinces: [
    { id: 'ha-tinh', name: 'Hà Tĩnh', models: { total: 43, completed: 0, inProgress: 21, notStarted: 22 }, metrics: { 'online-dossiers': { value: 31250, total: 40100 } } },
    { id: 'nghe-an', name: 'Nghệ An', models: { total: 38, completed: 6, inProgress: 20, notStarted: 12 }, metrics: { 'online-dossiers': { value: 52400, total: 61800 } } },
    { id: 'ha-noi', name: 'Hà Nội', models: { total: 19, completed: 9, inProgress: 8, notStarted: 2 }, metrics: { 'online-dossiers': { value: 84900, total: 97300 } } },
    { id: 'vinh-phuc', name: 'Vĩnh Phúc', models: { total: 38, completed: 6, inProgress: 22, notStarted: 10 }, metrics: { 'online-dossiers': { value: 33334, total: 50800 } } },
  ],
};

/**
 * The picker and three widgets of its `group`, scattered as a portal places them: each
 * widget carries the group's name only, and follows the reader's choice (the progress and
 * the KPI show the chosen province, the table marks its row). The picker's attributes are
 * the story's controls; the three widgets take its `group`, and the language of the box around them.
 */
function linked(args: WidgetArgs): HTMLElement {
  const box = document.createElement('div');
  box.style.cssText = 'display:grid;gap:1rem;max-width:46rem';
  // The story's language, when it sets one, for the whole group (else the page's, from the toolbar).
  if (args.lang) box.lang = String(args.lang);
  const shared: WidgetArgs = { group: args.group };
  box.append(
    renderWidget('tiendo-picker', args, '', LINKED_FEED),
    renderWidget('tiendo-progress', shared, 'Toàn quốc: 21/138 mô hình hoàn thành', LINKED_FEED),
    renderWidget('tiendo-kpi', { ...shared, metric: 'online-dossiers' }, 'Toàn quốc: 201.884 hồ sơ trực tuyến', LINKED_FEED),
    renderWidget('tiendo-province-table', { ...shared, columns: 'rank,name,rate,completed,online-dossiers' }, 'Bảng so sánh các tỉnh', LINKED_FEED),
  );
  return box;
}

/** Choose a province: the progress bar and the KPI move to it, the table marks its row. "Toàn quốc" shows the national figures. */
export const LinkedWidgets: Story = {
  args: { group: 'story-linked' },
  render: linked,
};

/** The same group in English: the picker's label and options, and every widget. Each story has its own group, so the docs page's stories stay apart. */
export const LinkedWidgetsEnglish: Story = {
  args: { group: 'story-linked-en', lang: 'en' },
  render: linked,
};

/** The picker's own label (`label`), on a phone 320 px wide: the native select fits the column. */
export const LinkedWidgetsNarrow320: Story = {
  args: { group: 'story-linked-320', label: 'Xem số liệu của' },
  render: linked,
  decorators: [narrow(320)],
};
