/**
 * CSS text without what only its reader needs: comments, indentation, line breaks, the spaces around `{`, `}`, `;`
 * and `>`, before `,` and after `:`. Each run of other whitespace becomes one space, so a piece of a template cut at an
 * interpolation keeps the space that separates it from the value put there (`margin: 0 ${x}`). Not a CSS minifier:
 * nothing is renamed, merged or reordered, and the browser reads the result as it reads the source (a browser unit
 * test compares the two as parsed style sheets).
 */
export function compactCss(text: string): string {
  return (
    text
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/\s+/g, ' ')
      .replace(/ ?([{};>]) ?/g, '$1')
      // Not the space after a comma: a var() fallback keeps it (the browser keeps that value's text as written).
      .replace(/ ,/g, ',')
      .replace(/: /g, ':')
  );
}
