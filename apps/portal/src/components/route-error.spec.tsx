/**
 * @jest-environment jsdom
 */
import { describe, expect, it, jest } from '@jest/globals';
import { render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { createI18n } from '../i18n';
import { RouteError } from './route-error';

function Broken(): never {
  throw new TypeError('Failed to fetch dynamically imported module');
}

describe('a page that cannot be shown', () => {
  it('is replaced by an explanation in words and a way to reload, not a blank screen', async () => {
    const quiet = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const router = createMemoryRouter([
      {
        errorElement: <RouteError />,
        children: [{ path: '/', element: <Broken /> }],
      },
    ]);
    render(
      <I18nextProvider i18n={createI18n('vi')}>
        <RouterProvider router={router} />
      </I18nextProvider>,
    );
    expect(await screen.findByRole('heading', { level: 1, name: 'Đã có lỗi xảy ra' })).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toContain('Tải lại trang thường sẽ khắc phục được');
    expect(screen.getByRole('button', { name: 'Tải lại trang' })).toBeTruthy();
    expect(quiet.mock.calls.some(([message]) => message === 'The page could not be shown')).toBe(true);
    quiet.mockRestore();
  });
});
