/**
 * English words for every message key; loaded on demand by messages.ts, which checks that
 * every key is here (this file imports nothing, so no import loop runs through it).
 */
export const en = {

  'state.loading': 'Loading figures…',
  'state.error': 'The figures cannot be shown right now. Please check back later.',
  'state.empty': 'There are no figures to show yet.',
  'state.stale': 'New figures could not be loaded; showing the last figures received.',
  'state.overdue': 'These figures may be out of date: the update due on {date} has passed.',
  'footer.source': 'Source:',
  'footer.asOf': 'Figures as of {date}',

  'area.national': 'Nationwide',


  'status.completed': 'Completed',
  'status.in-progress': 'In progress',
  'status.not-started': 'Not started',
  'progress.label': 'Pilot models',
  'progress.completedOf': '{completed}/{total} models completed',
  'progress.total': '{total} pilot models',
  'progress.sentence': '{name} has completed {completed} of {total} pilot models ({percent})',
  'progress.sentence.none': '{name} has not completed any of its {total} pilot models yet',
  'progress.none': 'No model completed yet',
  'progress.sentence.inProgress': '{count} in progress',
  'progress.sentence.notStarted': '{count} not started',
  'progress.more': 'Models completed: +{count} {since}',
  'progress.fewer': 'Models completed: {count} fewer {since}',
  'progress.same': 'Models completed: unchanged {since}',

  'kpi.change.up': 'Up {delta} {since}',
  'kpi.change.down': 'Down {delta} {since}',
  'kpi.change.same': 'Unchanged {since}',
  'kpi.previous': 'on the previous period',
  'kpi.since': 'since {date}',
  'kpi.of': '{value} of {total}',
  'kpi.better': 'better',
  'kpi.worse': 'worse',
  'kpi.points': '{value} percentage points',
  'kpi.target': 'Target {target}',
  'kpi.target.met': 'met',
  'kpi.target.notMet': 'not yet met',
  'kpi.sentence': '{label} in {name}: {figure}',
  'kpi.sentence.merged': '{name}: {figure}',
  'kpi.sentence.rate': ', a rate of {rate}',
  'kpi.sentence.noArea': '{label}: {figure}',
  'kpi.sentence.target': 'target {target} ({status})',

  // Model list.
  'models.unknown': 'Model {id}',
};
