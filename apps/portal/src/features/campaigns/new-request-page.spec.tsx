/**
 * @jest-environment jsdom
 */
import { beforeEach, describe, expect, it } from '@jest/globals';
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { useParams } from 'react-router';
import { tokenStore } from '../../session/token-store';
import { renderRoutes, staffMember } from '../../test/render';
import { fakeClient, type Call } from '../../test/fake-client';
import { validationRefusal } from '../../test/fixtures';
import NewRequestPage from './new-request-page';

const liaison = staffMember('liaison@mofa', 'Ngô Thanh Hương', 'mofa', ['liaison']);
const refused = validationRefusal(
  [
    { path: 'title', code: 'duplicate', message: 'An open request has this title' },
    { path: 'responseDeadline', code: 'custom', message: 'The deadline has passed' },
  ],
  'The request is not valid: title, responseDeadline',
  'Validation failed',
);

function RequestStub() {
  return <p>request {useParams().id}</p>;
}

function renderPage(answer: (call: Call) => { status: number; body: unknown }, language: 'en' | 'vi' = 'en') {
  const client = fakeClient({
    'GET /v1/me': () => ({ status: 200, body: liaison }),
    'POST /v1/campaign-requests': answer,
  });
  renderRoutes(
    {
      '/requests/new': <NewRequestPage />,
      '/requests/:id': <RequestStub />,
    },
    { client, at: '/requests/new', language },
  );
  return client;
}

const type = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });
const describedBy = (label: string) =>
  (screen.getByLabelText(label).getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent ?? '');

async function fillIn(labels: Record<string, string>) {
  await screen.findByRole('button', { name: labels.submit });
  for (const [label, value] of Object.entries(labels)) if (label !== 'submit') type(label, value);
}

describe('requesting a joint campaign', () => {
  beforeEach(() => tokenStore.set('a-token'));

  it("shows the API's field errors next to their fields, keeps what was typed, and clears an error once its field changes", async () => {
    const client = renderPage(() => refused);
    await fillIn({
      submit: 'Send the request',
      Title: 'Hanoi Convention signing',
      Objective: 'Explain the signing to foreign audiences',
      'Key messages': 'Viet Nam hosts the signing\nInternational cooperation',
      'Start date': '2026-12-01',
      'End date': '2026-12-20',
      'Expected deliverables': '10 short clips in English',
      'Answer by': '2026-12-05T17:00',
    });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Send the request' })));

    expect(client.calls.filter((c) => c.method === 'POST')).toHaveLength(1);
    expect(client.calls[1].init.body).toMatchObject({
      title: 'Hanoi Convention signing',
      keyMessages: ['Viet Nam hosts the signing', 'International cooperation'],
      toAgencyId: 'mcst-ttcs',
    });
    await waitFor(() => expect(screen.getByLabelText('Title').getAttribute('aria-invalid')).toBe('true'));
    expect(describedBy('Title')).toContain('This appears twice.');
    expect(describedBy('Answer by')).toContain('This value is not valid.');
    expect(screen.getByLabelText('Objective').getAttribute('aria-invalid')).toBeNull();
    expect((screen.getByLabelText('Title') as HTMLInputElement).value).toBe('Hanoi Convention signing');
    expect((screen.getByLabelText('Expected deliverables') as HTMLTextAreaElement).value).toBe(
      '10 short clips in English',
    );

    type('Title', 'Hanoi Convention signing, December');
    await waitFor(() => expect(screen.getByLabelText('Title').getAttribute('aria-invalid')).toBeNull());
    expect(screen.getByLabelText('Answer by').getAttribute('aria-invalid')).toBe('true');
  });

  it('finds a period that ends before it starts before sending, in Vietnamese', async () => {
    const client = renderPage(() => ({ status: 201, body: { id: 'x' } }), 'vi');
    await fillIn({
      submit: 'Gửi đề nghị',
      'Tên chiến dịch': 'Lễ mở ký Công ước Hà Nội',
      'Mục tiêu': 'Giới thiệu lễ mở ký',
      'Thông điệp chính': 'Việt Nam là nước chủ nhà',
      'Ngày bắt đầu': '2026-12-20',
      'Ngày kết thúc': '2026-12-01',
      'Sản phẩm dự kiến': '10 video ngắn',
      'Hạn trả lời': '2026-12-05T17:00',
    });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Gửi đề nghị' })));
    expect(describedBy('Ngày kết thúc')).toContain('Ngày kết thúc phải bằng hoặc sau ngày bắt đầu.');
    expect(client.calls.filter((c) => c.method === 'POST')).toHaveLength(0);
  });

  it('opens the new request once sent', async () => {
    renderPage(() => ({ status: 201, body: { id: 'new-request' } }));
    await fillIn({
      submit: 'Send the request',
      Title: 'Hanoi Convention signing',
      Objective: 'Explain the signing',
      'Key messages': 'Viet Nam hosts the signing',
      'Start date': '2026-12-01',
      'End date': '2026-12-20',
      'Expected deliverables': '10 short clips',
      'Answer by': '2026-12-05T17:00',
    });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Send the request' })));
    expect(await screen.findByText('request new-request')).toBeTruthy();
  });
});
