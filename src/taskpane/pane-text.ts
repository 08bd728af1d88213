/**
 * The core's messages serve the command line too: some end with a hint such as
 * "（命令行加 --year 2024）". In the pane those words mean nothing, so every message from the core
 * passes through here before it is shown.
 */

const OPEN = new Set(['（', '(']);
const CLOSE = new Set(['）', ')']);

/** A bracketed part that speaks of the command line: an option ("--year") or the word itself. */
const isCommandLine = (inside: string): boolean => inside.includes('--') || inside.includes('命令行');

/**
 * The message without its command-line hints: every bracketed part (full-width or ASCII brackets,
 * nested or mixed) that contains "--" or 命令行 is dropped with the spaces before it, and a clause
 * such as "，或命令行加 --month 8" is dropped up to the next punctuation. Everything else is kept as
 * written, unbalanced brackets included.
 * @example paneText('请填写年度（命令行加 --year 2024）。') === '请填写年度。'
 */
export function paneText(message: string): string {
  const out = dropCommandLineClauses(dropBracketedHints(message));
  return out.replace(/[ \t]+([。，；：！？、）)])/g, '$1').trim();
}

function dropBracketedHints(message: string): string {
  const chars = Array.from(message);
  const keep = chars.map(() => true);
  const opened: number[] = [];
  chars.forEach((c, i) => {
    if (OPEN.has(c)) opened.push(i);
    else if (CLOSE.has(c) && opened.length > 0) {
      const start = opened.pop()!;
      // Only the outermost bracket decides: an inner one is judged with it.
      if (opened.length > 0) return;
      if (!isCommandLine(chars.slice(start + 1, i).join(''))) return;
      let from = start;
      while (from > 0 && /\s/.test(chars[from - 1]!)) from--;
      for (let k = from; k <= i; k++) keep[k] = false;
    }
  });
  return chars.filter((_, i) => keep[i]).join('');
}

/** "…，或在命令行加 --month 8。" → "…。"; a sentence made only of such a hint goes entirely. */
function dropCommandLineClauses(message: string): string {
  return message
    .replace(/[，,；;]\s*[^，,；;。！？!?]*命令行[^，,；;。！？!?]*--[^，,；;。！？!?]*/g, '')
    .replace(/(^|[。！？!?])\s*[^，,；;。！？!?]*命令行[^，,；;。！？!?]*--[^，,；;。！？!?]*[。！？!?]?/g, '$1');
}
