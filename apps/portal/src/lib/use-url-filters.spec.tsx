/**
 * @jest-environment jsdom
 */
import { describe, expect, it } from '@jest/globals';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { MemoryRouter, useLocation } from 'react-router';
import { RouterInstance, type NavigatingRouter } from './navigation-pending';
import { useUrlFilters } from './use-url-filters';

function Search() {
  const filters = useUrlFilters(['q'] as const, () => undefined, 50);
  const location = useLocation();
  return (
    <>
      <label>
        Search <input value={filters.draft.q} onChange={(e) => filters.set('q', e.target.value)} />
      </label>
      <output aria-label="address">{location.search}</output>
    </>
  );
}

function renderSearch(navigation: NavigatingRouter['state']['navigation']['state']) {
  const router: NavigatingRouter = { state: { navigation: { state: navigation } } };
  render(
    <RouterInstance.Provider value={router}>
      <MemoryRouter initialEntries={['/creators']}>
        <Search />
      </MemoryRouter>
    </RouterInstance.Provider>,
  );
}

const settle = () => act(() => new Promise((resolve) => setTimeout(resolve, 120)));

describe('filters kept in the address', () => {
  it('write what was typed into the address once typing settles', async () => {
    renderSearch('idle');
    fireEvent.change(screen.getByLabelText('Search'), { target: { value: 'lan anh' } });
    expect(screen.getByLabelText('address').textContent).toBe('');
    await settle();
    expect(screen.getByLabelText('address').textContent).toBe('?q=lan+anh');
  });

  it('leave the address alone while the user is on the way to another page, so that navigation is not cancelled', async () => {
    renderSearch('loading');
    fireEvent.change(screen.getByLabelText('Search'), { target: { value: 'lan anh' } });
    await settle();
    expect(screen.getByLabelText('address').textContent).toBe('');
  });
});
