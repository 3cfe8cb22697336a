/**
 * @jest-environment jsdom
 */
import { beforeEach, describe, expect, it } from '@jest/globals';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { useState, type ReactElement } from 'react';
import { I18nextProvider } from 'react-i18next';
import { createI18n } from '../i18n';
import { useCursorPages } from '../lib/use-cursor-pages';
import { Pager } from './pager';

/** A list of `total` rows served by cursor (the cursor is the first row's number), as the API would. */
function List({ total, withPageSize = false }: { total: number; withPageSize?: boolean }) {
  const pages = useCursorPages();
  const [size, setSize] = useState(2);
  const first = Number(pages.cursor ?? 0);
  const next = first + size < total ? String(first + size) : null;
  return (
    <>
      <p>{`page ${pages.page} from row ${first}`}</p>
      <Pager
        label="Pages of rows"
        pages={pages}
        loaded={{ state: 'ok', data: { nextCursor: next } }}
        pageSize={withPageSize ? { value: size, options: [2, 5], onChange: setSize } : undefined}
      />
    </>
  );
}

function show(list: ReactElement) {
  const i18n = createI18n();
  void i18n.changeLanguage('en');
  render(<I18nextProvider i18n={i18n}>{list}</I18nextProvider>);
}

describe('pager', () => {
  beforeEach(() => localStorage.clear());

  it('goes to the next page and back, and cannot go before the first', async () => {
    show(<List total={5} />);
    const nav = screen.getByRole('navigation', { name: 'Pages of rows' });
    expect(nav).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Previous page' }) as HTMLButtonElement).disabled).toBe(true);

    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Next page' })));
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Next page' })));
    expect(screen.getByText('page 3 from row 4')).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Next page' }) as HTMLButtonElement).disabled).toBe(true);

    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Previous page' })));
    expect(screen.getByText('page 2 from row 2')).toBeTruthy();
  });

  it('is not shown when everything fits on one page and there is no page size to choose', () => {
    show(<List total={2} />);
    expect(screen.queryByRole('navigation')).toBeNull();
  });

  it('goes back to the first page when the page size changes', async () => {
    show(<List total={20} withPageSize />);
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Next page' })));
    expect(screen.getByText('page 2 from row 2')).toBeTruthy();

    await act(async () => fireEvent.change(screen.getByLabelText('Rows per page'), { target: { value: '5' } }));
    expect(screen.getByText('page 1 from row 0')).toBeTruthy();
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Next page' })));
    expect(screen.getByText('page 2 from row 5')).toBeTruthy();
  });
});
