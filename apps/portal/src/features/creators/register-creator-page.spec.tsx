/**
 * @jest-environment jsdom
 */
import { describe, expect, it } from '@jest/globals';
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { useParams } from 'react-router';
import { renderRoutes } from '../../test/render';
import { fakeClient, type Call } from '../../test/fake-client';
import RegisterCreatorPage from './register-creator-page';

const EXISTING_ID = '0190f1a2-0000-7000-8000-000000000001';
const channelTaken = {
  type: 'https://concord.gov.vn/problems/creator/channel_taken',
  title: 'Channel taken',
  code: 'creator.channel_taken',
  detail: 'The tiktok channel @hongnhung is already registered to Nguyễn Thị Hồng Nhung',
  errors: [
    { path: 'channels.0.handle', code: 'channel_taken', message: 'Already registered to Nguyễn Thị Hồng Nhung' },
  ],
  existingCreatorId: EXISTING_ID,
  existingCreatorName: 'Nguyễn Thị Hồng Nhung',
};

function CreatorStub() {
  return <p>creator {useParams().id}</p>;
}

function renderPage(answer: (call: Call) => { status: number; body: unknown }, language: 'vi' | 'en' = 'en') {
  const client = fakeClient({ 'POST /v1/creators': answer });
  renderRoutes(
    {
      '/creators/new': <RegisterCreatorPage />,
      '/creators/:id': <CreatorStub />,
    },
    { client, at: '/creators/new', language },
  );
  return client;
}

function type(label: string | RegExp, value: string) {
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
}

describe('register a creator (form)', () => {
  it('shows the duplicate channel next to the handle, names the owner with a link, and keeps what was typed', async () => {
    const client = renderPage(() => ({ status: 409, body: channelTaken }));
    type('Display name', 'Hồng Nhung Official');
    type('Handle', 'HongNhung');
    type('Followers', '120.000');
    type('Address of the channel', 'https://www.tiktok.com/@hongnhung');
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Register the creator' })));

    const handle = await screen.findByLabelText('Handle');
    await waitFor(() => expect(handle.getAttribute('aria-invalid')).toBe('true'));
    const described = (handle.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent);
    expect(described).toContain('Already registered to Nguyễn Thị Hồng Nhung.');
    const links = screen.getAllByRole('link', { name: "Open the creator's page: Nguyễn Thị Hồng Nhung" });
    expect(links.map((l) => l.getAttribute('href'))).toContain(`/creators/${EXISTING_ID}`);
    expect(screen.getByRole('alert').textContent).toContain(
      'This channel is already registered to Nguyễn Thị Hồng Nhung.',
    );

    expect((screen.getByLabelText('Display name') as HTMLInputElement).value).toBe('Hồng Nhung Official');
    expect((handle as HTMLInputElement).value).toBe('HongNhung');
    expect((screen.getByLabelText('Followers') as HTMLInputElement).value).toBe('120.000');
    expect(client.calls).toHaveLength(1);
    expect(client.calls[0].init.body).toMatchObject({
      displayName: 'Hồng Nhung Official',
      channels: [{ handle: 'HongNhung', followers: 120000 }],
    });
    expect(client.calls[0].init.params?.header?.['Idempotency-Key']).toMatch(/^[0-9a-f]{32}$/);

    // Changing the handle clears the API's error about the old one.
    type('Handle', 'hongnhung.official');
    await waitFor(() => expect(screen.getByLabelText('Handle').getAttribute('aria-invalid')).toBeNull());
  });

  it("finds what the API would refuse before sending, in the reader's language, and sends nothing", async () => {
    const client = renderPage(() => ({ status: 201, body: {} }), 'vi');
    type('Tên tài khoản', 'bad handle!');
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Đăng ký nhà sáng tạo' })));
    expect(screen.getByRole('alert').textContent).toContain('Nhập tên có ít nhất 2 ký tự.');
    expect(screen.getByRole('alert').textContent).toContain(
      'Chỉ dùng chữ cái, chữ số, dấu chấm, gạch ngang hoặc gạch dưới.',
    );
    expect(screen.getByLabelText('Tên hiển thị').getAttribute('aria-invalid')).toBe('true');
    expect(client.calls).toHaveLength(0);

    // Fixing a field clears its error at once.
    type('Tên hiển thị', 'Nguyễn Văn An');
    await waitFor(() => expect(screen.getByLabelText('Tên hiển thị').getAttribute('aria-invalid')).toBeNull());
  });

  it("opens the new creator's page once registered", async () => {
    renderPage(() => ({ status: 201, body: { id: 'new-creator-id' } }));
    type('Display name', 'Nguyễn Văn An');
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Register the creator' })));
    expect(await screen.findByText('creator new-creator-id')).toBeTruthy();
  });
});
