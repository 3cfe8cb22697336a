/**
 * @jest-environment jsdom
 */
import { describe, expect, it } from '@jest/globals';
import { fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import { createI18n } from '../i18n';
import { DateInput, formatTypedDate, parseTypedDate } from './date-input';

function Form({
  language,
  kind,
  initial,
}: {
  language: 'vi' | 'en';
  kind?: 'date' | 'datetime-local';
  initial: string;
}) {
  const [value, setValue] = useState(initial);
  return (
    <I18nextProvider i18n={createI18n(language)}>
      <label htmlFor="d">Ngày</label>
      <DateInput id="d" kind={kind} value={value} onChange={(e) => setValue(e.target.value)} />
      <output>{value}</output>
    </I18nextProvider>
  );
}

describe('date inputs', () => {
  it('read and write dd/mm/yyyy on Vietnamese pages, whatever the browser’s language, and give the form ISO dates', () => {
    render(<Form language="vi" initial="2026-01-05" />);
    const input = screen.getByLabelText('Ngày') as HTMLInputElement;
    expect(input.value).toBe('05/01/2026');
    expect(input.type).toBe('text');
    expect(input.placeholder).toBe('dd/mm/yyyy');
    fireEvent.change(input, { target: { value: '01/12/2026' } });
    expect(screen.getByRole('status').textContent).toBe('2026-12-01');
    // Not a date: the form gets what was typed, and its checks say so.
    fireEvent.change(input, { target: { value: '31/02/2026' } });
    expect(screen.getByRole('status').textContent).toBe('31/02/2026');
  });

  it('take a date and a time as dd/mm/yyyy hh:mm', () => {
    render(<Form language="vi" kind="datetime-local" initial="2026-12-10T09:00" />);
    const input = screen.getByLabelText('Ngày') as HTMLInputElement;
    expect(input.value).toBe('10/12/2026 09:00');
    fireEvent.change(input, { target: { value: '11/12/2026 14:30' } });
    expect(screen.getByRole('status').textContent).toBe('2026-12-11T14:30');
  });

  it('stay native on English pages', () => {
    render(<Form language="en" initial="2026-01-05" />);
    expect((screen.getByLabelText('Ngày') as HTMLInputElement).type).toBe('date');
  });

  it('parse day first, never month first', () => {
    expect(parseTypedDate('1/2/2026', 'date')).toBe('2026-02-01');
    expect(parseTypedDate('2026-02-01', 'date')).toBe('2026-02-01');
    expect(parseTypedDate('13/13/2026', 'date')).toBeUndefined();
    expect(parseTypedDate('01/12/2026 24:00', 'datetime-local')).toBeUndefined();
    expect(formatTypedDate('2026-02-01', 'date')).toBe('01/02/2026');
  });
});
