import { describe, expect, it } from 'vitest';
import { sampleRow } from '../../../../shared/testing/sample-rows.js';
import { validateRows } from '../../../../shared/validate.js';
import { EMPTY_EXEMPTION_FORM, applyExemption, exemptionFromForm, formDiffers, formFromExemption } from './exemptionForm.js';

describe('uji konsekuensi form', () => {
  it('round-trips an exemption and leaves empty optional parts out', () => {
    const e = { article17: 'b' as const, clause: '2', consequence: 'K', publicInterest: 'P', period: '5 tahun' };
    expect(exemptionFromForm(formFromExemption(e))).toEqual(e);
    expect(exemptionFromForm({ ...EMPTY_EXEMPTION_FORM, otherLaw: '  UU 43/2009 ', consequence: ' K ', publicInterest: 'P', period: '2 tahun' })).toEqual({
      article17: null,
      otherLaw: 'UU 43/2009',
      consequence: 'K',
      publicInterest: 'P',
      period: '2 tahun',
    });
  });

  it('makes the row dikecualikan, and a complete form satisfies the shared rules', () => {
    const row = applyExemption(sampleRow(0), { article17: 'h', clause: '', otherLaw: '', consequence: 'Membuka data pribadi', publicInterest: 'Melindungi pegawai', period: '5 tahun' });
    expect(row.category).toBe('dikecualikan');
    expect(validateRows([row]).filter((i) => i.field === 'exemption')).toEqual([]);
  });

  it('lets the shared rules flag a permanent exclusion under huruf a–f', () => {
    const row = applyExemption(sampleRow(0), { article17: 'c', clause: '', otherLaw: '', consequence: 'K', publicInterest: 'P', period: 'Permanen' });
    expect(validateRows([row]).map((i) => i.code)).toContain('permanent_exclusion');
  });

  it('tells whether the inputs differ from the row (whitespace aside)', () => {
    const row = sampleRow(3);
    const f = formFromExemption(row.exemption);
    expect(formDiffers(row, f)).toBe(false);
    expect(formDiffers(row, { ...f, period: ` ${f.period} ` })).toBe(false);
    expect(formDiffers(row, { ...f, period: '1 tahun' })).toBe(true);
  });
});
