import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../../src/elements/prejoin/define.js';
import '../../src/elements/room/define.js';
import type { HashdropPrejoin } from '../../src/elements/prejoin/prejoin.js';
// The public API, from the package entry (also the CDN's hashdrop.js), not from the i18n module.
import { loadMessages, registerMessages, registeredLanguages, shippedLanguages } from '../../src/index.js';
import { addShippedEnglish, en, t, type Messages } from '../../src/i18n/index.js';
import { de } from '../../src/i18n/de.js';
import { es } from '../../src/i18n/es.js';
import { fr } from '../../src/i18n/fr.js';
import { snapshots } from '../../src/testing/fixtures.js';
import { part, sessionWith, text } from './helpers.js';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

const SHIPPED: Record<string, Partial<Messages>> = { de, es, fr };

async function prejoin(lang: string | null, wrapper?: (el: TemplateResult) => TemplateResult) {
  const el = html`<hashdrop-prejoin
    lang=${ifDefined(lang ?? undefined)}
    .session=${sessionWith(snapshots.preJoin())}
  ></hashdrop-prejoin>`;
  const root = await fixture(wrapper ? wrapper(el) : el);
  return (root.localName === 'hashdrop-prejoin' ? root : root.querySelector('hashdrop-prejoin')!) as HashdropPrejoin;
}

/** The join button's text once it shows `expected` (a shipped catalog arrives as a lazy chunk). */
async function joinLabelBecomes(el: HashdropPrejoin, expected: string) {
  await waitUntil(() => text(part(el, 'join')) === expected, `join button never read “${expected}”`);
}

describe('message catalogs', () => {
  for (const [lang, catalog] of Object.entries(SHIPPED)) {
    it(`${lang} has every English key, with the same {placeholders}, and nothing else`, () => {
      const missing = Object.keys(en).filter((key) => !(key in catalog));
      expect(missing, `keys missing from ${lang}.ts — translate them`).to.deep.equal([]);
      const extra = Object.keys(catalog).filter((key) => !(key in en));
      expect(extra, `keys in ${lang}.ts that en.ts no longer has`).to.deep.equal([]);
      for (const [key, english] of Object.entries(en)) {
        const translated = catalog[key as keyof Messages] ?? '';
        expect(translated.trim(), `${lang} ${key} is empty`).not.to.equal('');
        expect(placeholders(translated), `${lang} ${key} placeholders`).to.deep.equal(placeholders(english));
      }
    });
  }

  it('lists the shipped languages', () => {
    expect([...shippedLanguages].sort()).to.deep.equal(['de', 'en', 'es', 'fr']);
  });

  it('loads a shipped catalog on demand and resolves regional tags to it', async () => {
    await loadMessages('de-AT');
    expect(registeredLanguages()).to.include('de');
    expect(t('de-AT', 'prejoin.join')).to.equal('Beitreten');
    expect(t('de-at', 'prejoin.title.room', { room: 'Weekly sync' })).to.equal('Weekly sync beitreten');
  });

  it('falls back to English for a language neither shipped nor registered', async () => {
    await loadMessages('sw');
    expect(t('sw', 'prejoin.join')).to.equal('Join');
  });

  it('adds the English strings a lazy chunk brings, over the others and under a page’s own', () => {
    // The CDN build's chunk catalogs (en-host.ts …) arrive this way; the sources' are empty, so this stands in.
    try {
      addShippedEnglish({ 'host.title': 'Knocking' });
      expect(t('en', 'host.title')).to.equal('Knocking');
      expect(t('en', 'prejoin.join'), 'the strings already there stay').to.equal(en['prejoin.join']);
      registerMessages('en', { 'host.title': 'At the door' });
      expect(t('en', 'host.title')).to.equal('At the door');
    } finally {
      addShippedEnglish({ 'host.title': en['host.title'] });
      registerMessages('en', { 'host.title': undefined });
    }
  });
});

describe('element languages', () => {
  afterEach(() => document.documentElement.setAttribute('lang', 'en'));

  it('speaks its own lang, loading the shipped catalog and re-rendering when it arrives', async () => {
    const el = await prejoin('fr');
    await joinLabelBecomes(el, 'Rejoindre');
    expect(text(part(el, 'title'))).to.equal('Rejoindre Weekly sync');
    await expect(el).to.be.accessible();
  });

  it('falls back to the nearest ancestor’s lang (de-AT → de)', async () => {
    const el = await prejoin(null, (inner) => html`<section lang="de-AT"><div>${inner}</div></section>`);
    await joinLabelBecomes(el, 'Beitreten');
    expect(el.language).to.equal('de-AT');
  });

  it('falls back to the page’s lang, and follows it when it changes', async () => {
    document.documentElement.setAttribute('lang', 'es');
    const el = await prejoin(null);
    await joinLabelBecomes(el, 'Unirte');
    document.documentElement.setAttribute('lang', 'en');
    await joinLabelBecomes(el, 'Join');
  });

  it('switches language when its lang attribute changes', async () => {
    const el = await prejoin('en');
    expect(text(part(el, 'join'))).to.equal('Join');
    el.setAttribute('lang', 'de');
    await joinLabelBecomes(el, 'Beitreten');
  });

  it('takes a page’s strings for a language it does not ship, key by key over English', async () => {
    const el = await prejoin('it');
    expect(text(part(el, 'join'))).to.equal('Join');
    registerMessages('it', { 'prejoin.join': 'Partecipa', 'prejoin.title.room': 'Partecipa a {room}' });
    await joinLabelBecomes(el, 'Partecipa');
    expect(text(part(el, 'title'))).to.equal('Partecipa a Weekly sync');
    // Not supplied → English.
    expect(text(el.shadowRoot!.querySelector('label[for="name"]'))).to.equal('Your name');
    expect(registeredLanguages()).to.include('it');
  });

  it('keeps a page’s override of a shipped language even when the shipped catalog loads afterwards', async () => {
    registerMessages('es-MX', { 'prejoin.join': 'Entrar' });
    const el = await prejoin('es-MX');
    await joinLabelBecomes(el, 'Entrar');
    await loadMessages('es');
    await el.updateComplete;
    expect(text(part(el, 'join'))).to.equal('Entrar');
    // Everything else comes from the shipped Spanish catalog.
    expect(text(part(el, 'title'))).to.equal('Unirte a Weekly sync');
  });

  it('shows an error in the room’s language by its code, with the endpoint’s own message as the detail', async () => {
    const el = await fixture<HTMLElement>(
      html`<hashdrop-room lang="de" .session=${sessionWith(snapshots.error())}></hashdrop-room>`,
    );
    await waitUntil(
      () =>
        text(el.shadowRoot!.querySelector('[role="alert"] p')) ===
        'Der Server ist nicht erreichbar. Prüfe deine Verbindung und versuche es erneut.',
      'the NETWORK error never read in German',
    );
    expect(text(part(el, 'error-detail'))).to.equal('The endpoint could not be reached.');
    await expect(el).to.be.accessible();
  });
});
