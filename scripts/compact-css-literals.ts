/**
 * A Vite plugin for the CDN build: the text of our `css` tagged templates (Lit's) goes out compacted (css-text.ts).
 * Lit ships template text as it is written, indentation and all; the minifier cannot touch what is inside a template.
 * Only the literal text between interpolations changes, found with TypeScript's parser, never a string or an
 * expression. The npm build keeps the sources' text (a bundler downstream does its own minifying).
 */
import MagicString from 'magic-string';
import ts from 'typescript';
import type { Plugin } from 'vite';
import { compactCss } from './css-text.js';

const OUR_SOURCES = /[\\/]src[\\/].+\.ts$/;

/** Start and end (exclusive) of each literal text piece of every `css` tagged template in `code`. */
function cssTemplateTexts(code: string, file: string): [number, number][] {
  const source = ts.createSourceFile(file, code, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const pieces: [number, number][] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag) && node.tag.text === 'css') {
      const template = node.template;
      // A piece's text sits between its opening (` or }) and its closing (` or ${).
      const textOf = (literal: ts.Node, closing: number): [number, number] => [
        literal.getStart(source) + 1,
        literal.end - closing,
      ];
      if (ts.isNoSubstitutionTemplateLiteral(template)) pieces.push(textOf(template, 1));
      else {
        pieces.push(textOf(template.head, 2));
        for (const span of template.templateSpans) {
          pieces.push(textOf(span.literal, ts.isTemplateTail(span.literal) ? 1 : 2));
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return pieces;
}

export function compactCssLiterals(): Plugin {
  return {
    name: 'hashdrop:compact-css-literals',
    enforce: 'pre',
    transform(code, id) {
      if (!OUR_SOURCES.test(id) || !code.includes('css`')) return null;
      const output = new MagicString(code);
      for (const [start, end] of cssTemplateTexts(code, id)) {
        const text = code.slice(start, end);
        const compacted = compactCss(text);
        if (compacted !== text) output.overwrite(start, end, compacted || ' ');
      }
      return output.hasChanged() ? { code: output.toString(), map: output.generateMap({ hires: true }) } : null;
    },
  };
}
