/**
 * The converter's problems: each pinned to where the officer can find it in the
 * sheet (a cell, a row, or a command-line option), worded either by the
 * converter (`key`) or by the library's validator (`issue`).
 */
import { FeedChecker, type FeedIssue } from '../feed/validation.js';
import { msg, type Lang } from '../i18n/messages.js';
import { columnLetter } from './csv.js';
import { convertMsg, type ConvertKey, type ConvertParams } from './messages.js';

/** Where a problem is: a cell (row and column as a spreadsheet numbers them), a row, or an option. */
export interface Place {
  row?: number;
  /** 0-based column index; shown as a letter. */
  column?: number;
  header?: string;
  option?: string;
}

/**
 * One problem. Either the converter's own (`key`, a converter message) or one
 * of the validator's (`issue`, worded by the library), with the place it came
 * from. `sheet` rewords a validator issue in the sheet's terms where the
 * library's words name JSON keys (`completed`, `total`).
 */
export interface ConvertIssue {
  place?: Place;
  key?: ConvertKey;
  params?: ConvertParams;
  issue?: FeedIssue;
  sheet?: { key: ConvertKey; params: ConvertParams };
}

/**
 * Issues as the validator lists them: the first 100, then one closing line
 * "và N lỗi khác". The cap and its closing line are the validator's own
 * (FeedChecker), not a second copy of the rule: every converter issue is
 * counted by a FeedChecker, and kept only when that checker listed it.
 */
export class IssueList {
  private readonly counter = new FeedChecker();
  private readonly kept: ConvertIssue[] = [];

  add(issue: ConvertIssue): void {
    const listed = this.counter.errors.length;
    this.counter.error(String(this.kept.length), 'rule.more');
    if (this.counter.errors.length > listed) this.kept.push(issue);
  }

  get length(): number {
    return this.kept.length;
  }

  /** The listed issues, and the validator's "and N more" line when some were not listed. */
  list(): ConvertIssue[] {
    const more = this.counter.result().errors.slice(this.kept.length);
    return [...this.kept, ...more.map((issue) => ({ issue }))];
  }
}

/** How many problems there are in all, counting those a list's "and N more" line stands for. */
export function issueCount(issues: readonly ConvertIssue[]): number {
  const more = issues.find((e) => e.issue?.rule === 'rule.more');
  return issues.length - (more ? 1 : 0) + Number(more?.issue?.params?.count ?? 0);
}

/** "dòng 3, cột D "Hoàn thành"", "dòng 3", the option's name, or '' (the whole file). */
export function placeText(place: Place | undefined, lang: Lang): string {
  if (!place) return '';
  if (place.option) return place.option;
  if (place.row === undefined) return '';
  if (place.column === undefined) return convertMsg(lang, 'where.row', { row: place.row });
  const letter = columnLetter(place.column);
  return place.header
    ? convertMsg(lang, 'where.cell', { row: place.row, letter, header: place.header })
    : convertMsg(lang, 'where.cellNoHeader', { row: place.row, letter });
}

/**
 * What is wrong, without where: the converter's words, or the validator's
 * reworded in the sheet's terms where it has such words. Validator words need
 * `loadMessages(lang, true)` to have resolved.
 */
export function ruleText(issue: ConvertIssue, lang: Lang): string {
  if (issue.sheet) return convertMsg(lang, issue.sheet.key, issue.sheet.params, true);
  if (issue.issue) return msg(lang, issue.issue.rule, issue.issue.params);
  return convertMsg(lang, issue.key!, issue.params);
}

/**
 * One problem as one line: "dòng 3, cột D "Hoàn thành": phải là số nguyên không âm".
 * A validator issue with no cell to show keeps its JSON path ("provinces[2].asOf: …").
 */
export function convertIssueText(issue: ConvertIssue, lang: Lang): string {
  const where = placeText(issue.place, lang);
  const text = ruleText(issue, lang);
  const path = issue.issue?.path;
  if (where) return `${where}: ${text}`;
  return path ? `${path}: ${text}` : text;
}
