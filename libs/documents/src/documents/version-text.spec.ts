import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { assignSectionKeys } from './section-keys';
import { parseVersionText } from './version-text';

const SAMPLE = join(__dirname, '../../../../apps/api/src/seed/sample-circular');
const v1 = readFileSync(join(SAMPLE, 'circulaire-15-2025.v1.md'), 'utf8');
const v2 = readFileSync(join(SAMPLE, 'circulaire-15-2025.v2.md'), 'utf8');

describe('parseVersionText', () => {
  it('produces plain text without Markdown markup, blocks separated by blank lines', () => {
    const { plainText } = parseVersionText(
      '# Titre\n\nUn **texte** avec `code` et une [lien](https://x.ma).\n\n- un\n- deux\n',
    );
    expect(plainText).toBe('Titre\n\nUn texte avec code et une lien.\n\nun\n\ndeux');
  });

  it('finds each article with offsets that point at its heading and body', () => {
    const { plainText, sections } = parseVersionText(v1);
    expect(sections).toHaveLength(19);
    expect(sections.map((section) => section.number)).toEqual(Array.from({ length: 19 }, (_, index) => index + 1));
    for (const section of sections) {
      expect(plainText.slice(section.start).startsWith(section.heading)).toBe(true);
      expect(plainText[section.end - 1]).not.toBe('\n');
    }
    expect(sections[0].title).toBe("Objet et champ d'application");
    expect(plainText.slice(sections[0].start, sections[0].end)).toContain('دورية رقم 15/2025');
  });
});

describe('assignSectionKeys', () => {
  const first = parseVersionText(v1);
  const second = parseVersionText(v2);
  const keyedV1 = assignSectionKeys(first.sections, first.plainText, null);
  const previous = keyedV1.map((section) => ({
    key: section.key,
    title: section.title,
    text: first.plainText.slice(section.start, section.end),
  }));
  const keyedV2 = assignSectionKeys(second.sections, second.plainText, previous);
  const keyOfV2 = (number: number) => keyedV2.find((section) => section.number === number)!.key;

  it('keys the first version by article number', () => {
    expect(keyedV1.map((section) => section.key)).toEqual(keyedV1.map((section) => `art-${section.number}`));
  });

  it('keeps the key of an article across renumbering, moves and edits', () => {
    expect(keyOfV2(8)).toBe('art-7'); // renumbered
    expect(keyOfV2(11)).toBe('art-12'); // moved from Titre III to Titre II
    expect(keyOfV2(12)).toBe('art-18'); // moved from Titre IV
    expect(keyOfV2(9)).toBe('art-8'); // rewritten, same title
    expect(keyOfV2(16)).toBe('art-14'); // lightly edited
  });

  it('gives new articles fresh keys and never reuses a deleted one', () => {
    const keys = keyedV2.map((section) => section.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).not.toContain('art-10');
    expect(keys).not.toContain('art-15');
    expect([keyOfV2(7), keyOfV2(13)].sort()).toEqual(['art-20', 'art-21']);
  });
});
