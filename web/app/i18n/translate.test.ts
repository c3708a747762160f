import { describe, expect, it } from 'vitest';
import { messages } from './messages';
import { createTranslator, joinList } from './translate';

describe('message catalog', () => {
  it('has the same keys in both languages, none empty', () => {
    expect(Object.keys(messages.en).sort()).toEqual(Object.keys(messages.id).sort());
    for (const catalog of Object.values(messages)) for (const text of Object.values(catalog)) expect(text.trim()).not.toBe('');
  });

  it('uses the same parameters in both languages', () => {
    const params = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
    for (const key of Object.keys(messages.id) as (keyof typeof messages.id)[]) expect(params(messages.en[key])).toEqual(params(messages.id[key]));
  });

  it('fills parameters', () => {
    expect(createTranslator('id')('caseType.slaStage', { stage: 'Verifikasi', days: 3 })).toBe('Verifikasi: 3 hari kerja');
    expect(createTranslator('en')('caseType.slaStage', { stage: 'Verification', days: 3 })).toBe('Verification: 3 working days');
  });

  it('joins lists in each language', () => {
    expect(joinList(['Teridentifikasi', 'Anonim'], 'id')).toBe('Teridentifikasi dan Anonim');
    expect(joinList(['Identified', 'Anonymous'], 'en')).toBe('Identified and Anonymous');
  });
});

describe('a key the catalog lacks', () => {
  it('reads as the last part of the key instead of breaking the page', () => {
    const t = createTranslator('en') as (key: string) => string;
    expect(t('channelKind.CARRIER_PIGEON')).toBe('Carrier pigeon');
  });
});
