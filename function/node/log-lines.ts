// The Node entry's log: JSON lines written together, a few times a second, rather than one write each.
// On Linux, a process's standard output to a file or a pipe is written synchronously: one write per answer cost the
// server a fifth of its time under a flood of requests (docs/contributing.md, "Where a filing's time goes"). A line
// about a fault (an answer of 500 or more, or any line that is not an answer) goes out at once, with what waited.

export interface LogLines {
  log(line: Record<string, unknown>): void;
  /** Writes what waits; at shutdown, and by the timer. */
  flush(): void;
}

export function logLines(write: (text: string) => void, options: { everyMs?: number; maxBytes?: number } = {}) {
  const everyMs = options.everyMs ?? 250;
  const maxBytes = options.maxBytes ?? 64 * 1024;
  let waiting: string[] = [];
  let bytes = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    if (!waiting.length) return;
    const text = waiting.join('');
    waiting = [];
    bytes = 0;
    write(text);
  };
  const log = (line: Record<string, unknown>) => {
    const text = `${JSON.stringify(line)}\n`;
    waiting.push(text);
    bytes += text.length;
    const routine = typeof line['status'] === 'number' && line['status'] < 500;
    if (!routine || bytes >= maxBytes) return flush();
    timer ??= setTimeout(flush, everyMs);
    timer.unref?.();
  };
  return { log, flush } satisfies LogLines;
}
