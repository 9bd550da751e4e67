/**
 * Generates docs/reference.md — every element's attributes, properties, methods, events, slots, parts, CSS custom
 * properties and custom states — from custom-elements.json, which `cem analyze` makes from the elements' JSDoc. So
 * the reference is the code's own account of itself; scripts/check-manifest.ts fails when the committed file is stale.
 *
 * `npm run reference` (after `npm run analyze`) rewrites docs/reference.md.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { format, resolveConfig } from 'prettier';

export const REFERENCE_PATH = 'docs/reference.md';

interface Named {
  name: string;
  description?: string;
  summary?: string;
  type?: { text: string };
  default?: string;
  inheritedFrom?: { name: string };
}
interface Attribute extends Named {
  fieldName?: string;
}
interface Member extends Named {
  kind: 'field' | 'method';
  privacy?: 'public' | 'private' | 'protected';
  static?: boolean;
  readonly?: boolean;
  attribute?: string;
  parameters?: Named[];
  return?: { type?: { text: string } };
}
interface Declaration extends Named {
  customElement?: boolean;
  tagName?: string;
  attributes?: Attribute[];
  members?: Member[];
  events?: Named[];
  slots?: Named[];
  cssParts?: Named[];
  cssProperties?: Named[];
  cssStates?: Named[];
}
export interface Manifest {
  modules: { path: string; declarations?: Declaration[]; exports?: { kind: string; name: string }[] }[];
}

/** Text for one table cell: one line, pipes escaped. */
function cell(text: string | undefined): string {
  return (text ?? '')
    .replace(/\s*\n\s*/g, ' ')
    .replace(/\|/g, '\\|')
    .trim();
}

function code(text: string | undefined): string {
  return text ? `\`${text.replace(/\|/g, '\\|')}\`` : '';
}

function table(headers: string[], rows: string[][]): string {
  if (rows.length === 0) return '';
  return [
    `| ${headers.join(' | ')} |`,
    `| ${headers.map(() => '---').join(' | ')} |`,
    ...rows.map((row) => `| ${row.join(' | ')} |`),
  ].join('\n');
}

/**
 * Custom states: the `@cssstate` tags, plus the ones an element names in its description as `:state(name)` (the
 * convention the elements used before the tag), each once.
 */
function customStates(element: Declaration): Named[] {
  const states = new Map<string, Named>();
  for (const state of element.cssStates ?? []) states.set(state.name, state);
  for (const match of (element.description ?? '').matchAll(/:state\(([\w-]+)\)/g)) {
    const name = match[1]!;
    if (!states.has(name)) states.set(name, { name, description: 'See the description above.' });
  }
  return [...states.values()];
}

function section(title: string, body: string): string {
  return body ? `#### ${title}\n\n${body}\n` : '';
}

function renderElement(element: Declaration, modulePath: string): string {
  const tag = element.tagName!;
  const publicMembers = (element.members ?? []).filter(
    (m) => (m.privacy ?? 'public') === 'public' && !m.static && !m.name.startsWith('#'),
  );
  const attributeFields = new Set((element.attributes ?? []).map((a) => a.fieldName).filter(Boolean));
  const properties = publicMembers.filter((m) => m.kind === 'field' && !attributeFields.has(m.name));
  const methods = publicMembers.filter((m) => m.kind === 'method');
  const description = (element.description ?? '').trim();

  return [
    `### \`<${tag}>\`\n`,
    element.summary ? `${cell(element.summary)}\n` : '',
    description ? `${description}\n` : '',
    `Class \`${element.name}\`, defined in \`${modulePath}\`.\n`,
    section(
      'Attributes',
      table(
        ['Attribute', 'Property', 'Type', 'Default', 'Description'],
        (element.attributes ?? []).map((a) => [
          code(a.name),
          code(a.fieldName),
          code(a.type?.text),
          code(a.default),
          cell(a.description),
        ]),
      ),
    ),
    section(
      'Properties',
      table(
        ['Property', 'Type', 'Read-only', 'Description'],
        properties.map((p) => [code(p.name), code(p.type?.text), p.readonly ? 'yes' : '', cell(p.description)]),
      ),
    ),
    section(
      'Methods',
      table(
        ['Method', 'Description'],
        methods.map((m) => [
          code(
            `${m.name}(${(m.parameters ?? []).map((p) => `${p.name}${p.type ? `: ${p.type.text}` : ''}`).join(', ')})`,
          ),
          cell(m.description),
        ]),
      ),
    ),
    section(
      'Events',
      table(
        ['Event', 'Type', 'Description'],
        (element.events ?? []).map((e) => [code(e.name), code(e.type?.text), cell(e.description)]),
      ),
    ),
    section(
      'Slots',
      table(
        ['Slot', 'Description'],
        (element.slots ?? []).map((s) => [s.name ? code(s.name) : '(default)', cell(s.description)]),
      ),
    ),
    section(
      'CSS parts',
      table(
        ['Part', 'Description'],
        (element.cssParts ?? []).map((p) => [code(p.name), cell(p.description)]),
      ),
    ),
    section(
      'CSS custom properties',
      table(
        ['Property', 'Default', 'Description'],
        (element.cssProperties ?? []).map((p) => [code(p.name), code(p.default), cell(p.description)]),
      ),
    ),
    section(
      'Custom states',
      table(
        ['State', 'Description'],
        customStates(element).map((s) => [code(`:state(${s.name})`), cell(s.description)]),
      ),
    ),
  ]
    .filter(Boolean)
    .join('\n');
}

/** The reference as Markdown, formatted the way the repository's prettier formats docs/reference.md. */
export async function renderReference(manifest: Manifest): Promise<string> {
  const elements = manifest.modules
    .flatMap((module) => (module.declarations ?? []).map((declaration) => ({ declaration, path: module.path })))
    .filter(({ declaration }) => declaration.customElement && declaration.tagName)
    .sort((a, b) => a.declaration.tagName!.localeCompare(b.declaration.tagName!));

  const markdown = [
    '# Element reference',
    '',
    '<!-- Generated by `npm run reference` from custom-elements.json; edit the elements’ JSDoc, not this file. -->',
    '',
    'Every HashDrop element with its attributes, properties, methods, events, slots, CSS parts, CSS custom properties',
    'and custom states. Every element also takes `lang`, `dir` and `theme` (see [Languages, direction and theming](../README.md#languages-direction-and-theming)), and every',
    'color, radius, space and font follows the global `--hashdrop-*` tokens (defaults in',
    '`src/elements/shared/tokens.styles.ts`).',
    '',
    elements.map(({ declaration }) => `- [\`<${declaration.tagName}>\`](#${declaration.tagName})`).join('\n'),
    '',
    ...elements.map(({ declaration, path }) => renderElement(declaration, path)),
  ].join('\n');
  const options = { ...(await resolveConfig(REFERENCE_PATH)), filepath: REFERENCE_PATH };
  return format(markdown, options);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8')) as Manifest;
  writeFileSync(REFERENCE_PATH, await renderReference(manifest));
  console.log(`Wrote ${REFERENCE_PATH}.`);
}
