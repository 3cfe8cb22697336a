/**
 * @jest-environment jsdom
 */
import { describe, expect, it, jest } from '@jest/globals';
import { fireEvent, render, screen } from '@testing-library/react';
import { PLATFORMS } from '@concord/domain';
import type { ReactElement } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { createI18n } from '../i18n';
import { EnumSelect } from './enum-select';

type Platform = (typeof PLATFORMS)[number];

function Platforms({ onChange, any }: { onChange: (value: Platform | '') => void; any?: boolean }) {
  const { t } = useTranslation();
  const text = (p: Platform) => t(`enums.platform.${p}`);
  return (
    <label>
      Platform
      {any ? (
        <EnumSelect values={PLATFORMS} text={text} value="" onChange={onChange} any={t('creators.filters.any')} />
      ) : (
        <EnumSelect values={PLATFORMS} text={text} value="youtube" onChange={onChange} aria-invalid />
      )}
    </label>
  );
}

function show(ui: ReactElement) {
  render(<I18nextProvider i18n={createI18n('en')}>{ui}</I18nextProvider>);
}

describe('the enum select', () => {
  it("offers each value of the domain's enum in the reader's words, in the enum's order", () => {
    show(<Platforms onChange={() => undefined} />);
    const select = screen.getByRole('combobox', { name: 'Platform' }) as HTMLSelectElement;
    expect([...select.options].map((o) => o.value)).toEqual([...PLATFORMS]);
    expect([...select.options].map((o) => o.text)).not.toContain('youtube');
    expect(select.value).toBe('youtube');
    expect(select.getAttribute('aria-invalid')).toBe('true');
  });

  it('hands on the value chosen', () => {
    const onChange = jest.fn();
    show(<Platforms onChange={onChange} />);
    fireEvent.change(screen.getByRole('combobox', { name: 'Platform' }), { target: { value: 'tiktok' } });
    expect(onChange).toHaveBeenCalledWith('tiktok');
  });

  it('starts with an empty choice when any value will do', () => {
    const onChange = jest.fn();
    show(<Platforms onChange={onChange} any />);
    const select = screen.getByRole('combobox', { name: 'Platform' }) as HTMLSelectElement;
    expect(select.options[0].value).toBe('');
    expect(select.options[0].text).toBe('Any');
    expect(select.options).toHaveLength(PLATFORMS.length + 1);
  });
});
