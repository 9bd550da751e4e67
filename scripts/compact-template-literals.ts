/**
 * A Vite plugin for the CDN build: the text of our Lit tagged templates goes out compacted, `css` by css-text.ts and
 * `html` and `svg` by markup-text.ts. Lit ships template text as it is written, indentation and all; the minifier
 * cannot touch what is inside a template. Only the literal text between interpolations changes, found with
 * TypeScript's parser, never a string or an expression. The npm build keeps the sources' text (a bundler downstream
 * does its own minifying).
 */
import MagicString from 'magic-string';
import ts from 'typescript';
import type { Plugin } from 'vite';
import { compactCss } from './css-text.js';
import { compactMarkup } from './markup-text.js';

const OUR_SOURCES = /[\\/]src[\\/].+\.ts$/;

/** How each tag's text is compacted. */
const COMPACTERS: Record<string, (text: string) => string> = {
  css: compactCss,
  html: compactMarkup,
  svg: compactMarkup,
};

interface TemplateText {
  start: number;
  /** Exclusive. */
  end: number;
  compact: (text: string) => string;
}

/** Each literal text piece of every `css`, `html` and `svg` tagged template in `code`, with its compacter. */
function templateTexts(code: string, file: string): TemplateText[] {
  const source = ts.createSourceFile(file, code, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const pieces: TemplateText[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag) && Object.hasOwn(COMPACTERS, node.tag.text)) {
      const compact = COMPACTERS[node.tag.text]!;
      const template = node.template;
      // A piece's text sits between its opening (` or }) and its closing (` or ${).
      const textOf = (literal: ts.Node, closing: number): TemplateText => ({
        start: literal.getStart(source) + 1,
        end: literal.end - closing,
        compact,
      });
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

const HAS_TEMPLATE = /\b(css|html|svg)`/;

export function compactTemplateLiterals(): Plugin {
  return {
    name: 'hashdrop:compact-template-literals',
    enforce: 'pre',
    transform(code, id) {
      if (!OUR_SOURCES.test(id) || !HAS_TEMPLATE.test(code)) return null;
      const output = new MagicString(code);
      for (const { start, end, compact } of templateTexts(code, id)) {
        const text = code.slice(start, end);
        const compacted = compact(text);
        if (compacted !== text) output.overwrite(start, end, compacted || ' ');
      }
      return output.hasChanged() ? { code: output.toString(), map: output.generateMap({ hires: true }) } : null;
    },
  };
}
