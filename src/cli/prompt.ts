/** Asking for the open password on a terminal, without echoing it. */

/**
 * Reads one line from a TTY stdin with echo off (raw mode; '*' per character). Resolves null on
 * Ctrl-C / Ctrl-D so the caller can stop with a message instead of a stack.
 */
export function askHidden(question: string): Promise<string | null> {
  const stdin = process.stdin;
  const stderr = process.stderr;
  return new Promise((resolve) => {
    let answer = '';
    stderr.write(question);
    stdin.setRawMode(true);
    stdin.resume();
    stdin.setEncoding('utf8');
    const done = (value: string | null) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off('data', onData);
      stderr.write('\n');
      resolve(value);
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') return done(answer);
        if (ch === '\u0003' || ch === '\u0004') return done(null);
        if (ch === '\u007f' || ch === '\b') {
          if (answer.length > 0) {
            answer = answer.slice(0, -1);
            stderr.write('\b \b');
          }
        } else {
          answer += ch;
          stderr.write('*');
        }
      }
    };
    stdin.on('data', onData);
  });
}
