import type { ReactiveController, ReactiveElement } from 'lit';

/** The area a group of linked widgets follows: a province id ('' for the national block) and a commune id. */
export interface GroupChoice {
  province: string;
  commune?: string;
}

/** What `tiendo-select` tells the page (bubbling, composed). */
export interface TiendoSelectDetail extends GroupChoice {
  group?: string;
}

interface GroupState {
  choices: Map<string, GroupChoice>;
}

const CHANGE = 'tiendo-group-change';
const KEY = Symbol.for('tiendo.groups');

/**
 * The page's groups of linked widgets, one state for the whole page (shared by two copies of
 * the script through a global symbol). Any `tiendo-select` that carries a `group`, from a picker,
 * a map tile or a table row, becomes that group's choice; every widget of the group follows.
 * A page-level registry rather than @lit/context: a portal scatters a group's widgets over the
 * sidebar, the article and the footer, so the picker is rarely their ancestor.
 */
function groups(): GroupState {
  const w = window as unknown as Record<symbol, GroupState | undefined>;
  let state = w[KEY];
  if (!state) {
    const created: GroupState = (state = w[KEY] = { choices: new Map() });
    document.addEventListener('tiendo-select', (e) => {
      const { group, province, commune } = (e as CustomEvent<TiendoSelectDetail>).detail ?? {};
      if (!group || typeof province !== 'string') return;
      created.choices.set(group, { province, commune });
      document.dispatchEvent(new CustomEvent(CHANGE, { detail: group }));
    });
  }
  return state;
}

/** The current choice of `group`, if one was made. */
export function groupChoice(group: string): GroupChoice | undefined {
  return groups().choices.get(group);
}

/** What a widget is to its group: the host's `group` and how it takes a choice. */
interface GroupMember extends ReactiveElement {
  group?: string;
  /** Applies the group's choice; `joining` is true when the widget joins a choice made before it. */
  followGroup(choice: GroupChoice, joining: boolean): void;
}

/** Makes a widget follow its `group`: the current choice when it joins, and every later one. */
export class GroupController implements ReactiveController {
  readonly #onChange = (e: Event) => {
    const group = this.host.group;
    const choice = group && (e as CustomEvent<string>).detail === group ? groupChoice(group) : undefined;
    if (choice) this.host.followGroup(choice, false);
  };

  constructor(private readonly host: GroupMember) {
    host.addController(this);
  }

  hostConnected(): void {
    const group = this.host.group;
    document.addEventListener(CHANGE, this.#onChange);
    const choice = group ? groupChoice(group) : undefined;
    if (choice) this.host.followGroup(choice, true);
  }

  hostDisconnected(): void {
    document.removeEventListener(CHANGE, this.#onChange);
  }
}
