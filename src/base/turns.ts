/**
 * Widgets take turns (issue 19): twelve widgets drawing in one task block a phone for a third of a
 * second; the same work in tasks under 50 ms each lets the page answer a tap between them.
 */
import { nextTask } from '../feed/next-task.js';

/** How long the widgets' updates may run in one task before the next waits for a task of its own. */
const SLICE_MS = 30;
let sliceStart: number | undefined;
let sliceCount = 0;
const waiting: (() => void)[] = [];

/** Starts the slice of the current task (at its first update) and ends it in the next task. */
function slice(): number {
  if (sliceStart === undefined) {
    sliceStart = performance.now();
    sliceCount++;
    void nextTask().then(() => {
      sliceStart = undefined;
      waiting.shift()?.();
    });
  }
  return sliceStart;
}

// The script's own evaluation (the widgets' classes defined, the page's tags upgraded) counts as
// the first slice: a page of widgets draws after it in tasks of their own.
slice();

/** The slice under way (a number that changes with each), or NaN between slices. */
export function currentSlice(): number {
  return sliceStart === undefined ? NaN : sliceCount;
}

/**
 * Runs a widget's update now while the updates of this task have taken under 30 ms, else in a later
 * task, in the order they asked. The first widget of a task runs at once (a page with one widget
 * waits at most for the task after the script's own evaluation); one update is never cut in two;
 * `finishing` (an update that completes the one this widget just drew, such as the table's scroll
 * hint) runs at once, before the browser paints. A slice ends when the task after its start runs,
 * so a busy page may make a widget wait one task more than it needs: never longer.
 */
export async function inTurn<T>(update: () => T, finishing = false): Promise<T> {
  if (!finishing && (waiting.length || performance.now() - slice() >= SLICE_MS)) await new Promise<void>((go) => waiting.push(go));
  try {
    return update();
  } finally {
    // The next in line goes on in this task while the slice lasts; else the slice's end lets it go.
    if (waiting.length && performance.now() - slice() < SLICE_MS) waiting.shift()!();
  }
}
