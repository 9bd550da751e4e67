/** The embed snippet a CMS editor pastes: the CDN script tag and one `<hashdrop-room>` with its attributes. */

/** Attribute name → value, in the order they appear in the snippet. */
export type EmbedAttributes = ReadonlyArray<readonly [name: string, value: string]>;

const escapeAttribute = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function embedSnippet(scriptUrl: string, attributes: EmbedAttributes): string {
  const attributeText = attributes.map(([name, value]) => `\n  ${name}="${escapeAttribute(value)}"`).join('');
  return `<script type="module" src="${escapeAttribute(scriptUrl)}"></script>\n<hashdrop-room${attributeText}\n></hashdrop-room>\n`;
}
