/**
 * @jest-environment jsdom
 */
import { beforeEach, describe, expect, it } from '@jest/globals';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { createI18n, LANGUAGE_STORAGE_KEY } from '../i18n';
import { LanguageSwitch } from './language-switch';

function Heading() {
  const { t } = useTranslation();
  return <h1>{t('creators.title')}</h1>;
}

function renderSwitch() {
  render(
    <I18nextProvider i18n={createI18n()}>
      <LanguageSwitch />
      <Heading />
    </I18nextProvider>,
  );
}

describe('language switch', () => {
  beforeEach(() => localStorage.clear());

  it('starts in Vietnamese, switches to English, and remembers the choice', async () => {
    renderSwitch();
    expect(screen.getByRole('heading').textContent).toBe('Nhà sáng tạo');
    expect(document.documentElement.lang).toBe('vi');
    expect(screen.getByRole('button', { name: 'Tiếng Việt' }).getAttribute('aria-pressed')).toBe('true');

    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'English' })));
    expect(screen.getByRole('heading').textContent).toBe('Creators');
    expect(document.documentElement.lang).toBe('en');
    expect(screen.getByRole('button', { name: 'English' }).getAttribute('aria-pressed')).toBe('true');
    expect(localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('en');
  });

  it('opens in the language chosen on an earlier visit', () => {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, 'en');
    renderSwitch();
    expect(screen.getByRole('heading').textContent).toBe('Creators');
  });
});
