/**
 * Template markup without its source indentation: each run of whitespace that holds a line break becomes that one line
 * break. Where whitespace collapses (everywhere in our templates, between tags and inside them) a line break reads as
 * the run did; where it is kept (`white-space: pre-wrap`, as the chat's message text) only the indentation after it
 * goes, which no such template has, since it would show. Runs without a line break stay as written: they may be the
 * only space between two words or inline elements. Nothing else is touched: no tag, attribute or comment.
 */
export function compactMarkup(text: string): string {
  return text.replace(/[ \t]*\n\s*/g, '\n');
}
