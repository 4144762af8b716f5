/**
 * The server's message catalog is whole: every key in Bahasa Indonesia and English with the same
 * placeholders, sentences starting with a capital; rendering fills parameters in the reader's
 * language and Accept-Language picks it.
 */
import { expect } from 'chai';
import { catalog } from '../../engine/messages/catalog/index.js';
import { catalogProblems, dictionaryProblems } from '../../engine/messages/check.js';
import { allOf, anyOf, negotiateLang, render, text, localize, entry } from '../../engine/messages/index.js';

describe('messages: the server catalog', () => {
  it('has every key in both languages, with the same placeholders, starting with a capital', () => {
    expect(catalogProblems(catalog)).to.deep.equal([]);
  });

  it('catches a key missing in one language, drifting placeholders and a lower-case start', () => {
    const broken = {
      'x.only-english': { en: 'Only English.', id: '' },
      'x.drift': { en: 'Version {version} of {key}.', id: 'Versi {versi} dari {key}.' },
      'x.lower': { en: 'starts low.', id: 'Mulai rendah.' },
      'x.fragment': { en: 'word', id: 'kata', fragment: true as const },
    };
    expect(catalogProblems(broken)).to.deep.equal([
      'x.only-english: no Indonesian text',
      'x.drift: placeholders differ (id {key}, {versi}, en {key}, {version})',
      'x.lower (en): starts with a lower-case letter',
    ]);
    expect(dictionaryProblems({ id: { a: 'A {n}', b: 'B' }, en: { a: 'A {m}' } })).to.deep.equal(['a: placeholders differ between id and en', 'b: missing in en']);
  });

  it('renders a message with nested texts and lists in the reader language, capitalised', () => {
    const refused = text('access.role-required', { action: text('action.deploy'), roles: anyOf([text('role.analyst'), text('role.admin')]) });
    expect(render(refused, 'en')).to.equal('Deploying needs the role analyst or admin.');
    expect(render(refused, 'id')).to.equal('Deploy memerlukan peran analis atau admin.');
    expect(String(refused)).to.equal('Deploying needs the role analyst or admin.');
    expect(render(text('access.role-required', { action: 'x', roles: allOf(['a', 'b', 'c']) }), 'id')).to.equal('X memerlukan peran a, b dan c.');
  });

  it('localizes an answer: entries carrying text get their message in the language, the text itself goes', () => {
    const body = { status: 400, errors: [entry({ element: 'Task_1' }, text('access.sign-in-required')), { path: 'x', message: 'plain' }], at: new Date(0) };
    const id = localize(body, 'id');
    expect(id.errors).to.deep.equal([{ element: 'Task_1', message: 'Silakan masuk terlebih dahulu.' }, { path: 'x', message: 'plain' }]);
    expect(id.at).to.be.instanceOf(Date);
    expect(body.errors[0].message, 'the original keeps its English').to.equal('Sign in first.');
  });
});

describe('messages: Accept-Language', () => {
  const cases: [string | undefined, string][] = [
    [undefined, 'en'], ['', 'en'], ['id', 'id'], ['id-ID,id;q=0.9,en;q=0.8', 'id'], ['en-US,en;q=0.9', 'en'],
    ['en;q=0.5, id;q=0.8', 'id'], ['in', 'id'], ['fr, de;q=0.7', 'en'], ['id;q=0, en', 'en'], ['*', 'en'], ['x'.repeat(2000), 'en'],
  ];
  for (const [header, lang] of cases) {
    it(`${JSON.stringify(header?.slice(0, 30))} → ${lang}`, () => expect(negotiateLang(header)).to.equal(lang));
  }
});
