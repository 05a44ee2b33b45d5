/**
 * Keeping the page's main thread free (issue 19): work split into tasks under 50 ms each (a feed's
 * answer handed to one widget per task, the first formatters built one per task) lets the page
 * answer a tap between them.
 */

/** A new task (a message to itself: not a timer, so no clamping and nothing a fake clock holds back). */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const { port1, port2 } = new MessageChannel();
    port1.onmessage = () => {
      port1.close();
      resolve();
    };
    port2.postMessage(null);
  });
}
