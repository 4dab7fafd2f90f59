import { describe, expect, it } from 'vitest';
import en from './en.json';
import fr from './fr.json';
import { browserLocale } from './locale';

describe('the catalogues', () => {
  it('give English every message French has, and nothing else', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(fr).sort());
  });

  it("take the browser's first language among French and English, French by default", () => {
    expect(browserLocale(['en-GB', 'fr'])).toBe('en');
    expect(browserLocale(['de-DE', 'fr-FR', 'en'])).toBe('fr');
    expect(browserLocale(['de-DE'])).toBe('fr');
  });
});
