/**
 * @jest-environment jsdom
 */
import { describe, expect, it, jest } from '@jest/globals';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { settle, type ConcordClient } from '../api/client';
import type { Problem } from '../api/problem';
import { fakeClient, type Call } from '../test/fake-client';
import { useMutation, type MutationOptions } from './use-mutation';

const ID = 'c-1';
type Answer = (call: Call) => { status: number; body: unknown };

/** An action button that closes a campaign with a reason, through the hook. */
function CloseCampaign({
  api,
  options,
  gate,
}: {
  api: ConcordClient;
  options?: MutationOptions;
  gate?: Promise<void>;
}) {
  const mutation = useMutation(options);
  const [reason, setReason] = useState('Done early');
  const [done, setDone] = useState(false);
  async function close() {
    const body = { reason };
    const result = await mutation.run(body, async (key) => {
      await gate;
      return settle(
        api.POST('/v1/campaigns/{id}/close', {
          params: { path: { id: ID }, header: { 'Idempotency-Key': key } },
          body,
        }),
      );
    });
    setDone(result.ok);
  }
  return (
    <>
      <label>
        Reason <input value={reason} onChange={(e) => setReason(e.target.value)} />
      </label>
      <button type="button" disabled={mutation.busy} onClick={() => void close()}>
        Close
      </button>
      <output aria-label="problem">{mutation.problem?.code ?? ''}</output>
      <output aria-label="fields">{mutation.fieldErrors.map((e) => `${e.path}:${e.code}`).join(' ')}</output>
      <output aria-label="stale">{String(mutation.stale)}</output>
      <output aria-label="done">{String(done)}</output>
      <button type="button" onClick={mutation.reset}>
        Forget
      </button>
    </>
  );
}

function renderClose(answer: Answer, options?: MutationOptions, gate?: Promise<void>) {
  const client = fakeClient({ 'POST /v1/campaigns/{id}/close': answer });
  render(<CloseCampaign api={client} options={options} gate={gate} />);
  return client;
}

const out = (name: string) => screen.getByRole('status', { name }).textContent;
const close = () => act(async () => fireEvent.click(screen.getByRole('button', { name: 'Close' })));
const keys = (calls: Call[]) => calls.map((c) => c.init.params?.header?.['Idempotency-Key']);
const refusal =
  (status: number, code: string, errors?: Problem['errors']): Answer =>
  () => ({
    status,
    body: { code, detail: code, ...(errors ? { errors } : {}) },
  });

describe('useMutation, the one way the portal writes', () => {
  it('is busy while the write is on its way, then not', async () => {
    let open = () => undefined as void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    renderClose(() => ({ status: 200, body: {} }), {}, gate);
    fireEvent.click(screen.getByRole('button', { name: 'Close' }));
    expect((screen.getByRole('button', { name: 'Close' }) as HTMLButtonElement).disabled).toBe(true);
    await act(async () => open());
    expect((screen.getByRole('button', { name: 'Close' }) as HTMLButtonElement).disabled).toBe(false);
    expect(out('done')).toBe('true');
  });

  it('sends the same Idempotency-Key when the same submission is retried, a new one once it changes', async () => {
    const client = renderClose(refusal(503, 'service.unavailable'));
    await close();
    await close();
    fireEvent.change(screen.getByRole('textbox', { name: 'Reason' }), { target: { value: 'Budget cut' } });
    await close();
    const [first, retry, changed] = keys(client.calls);
    expect(first).toMatch(/^[0-9a-f]{32}$/);
    expect(retry).toBe(first);
    expect(changed).not.toBe(first);
  });

  it('keeps the refusal as the problem, its field errors with paths into the request body, until the next write', async () => {
    let answer = refusal(400, 'validation.failed', [{ path: 'input.reason', code: 'too_small', message: 'Too short' }]);
    renderClose((call) => answer(call));
    await close();
    expect(out('problem')).toBe('validation.failed');
    expect(out('fields')).toBe('reason:too_small');
    expect(out('stale')).toBe('false');
    answer = () => ({ status: 200, body: {} });
    await close();
    expect(out('problem')).toBe('');
    expect(out('fields')).toBe('');
  });

  it('forgets the refusal on reset', async () => {
    renderClose(refusal(422, 'campaign.not_active'));
    await close();
    expect(out('problem')).toBe('campaign.not_active');
    fireEvent.click(screen.getByRole('button', { name: 'Forget' }));
    expect(out('problem')).toBe('');
  });

  it.each([409, 412])('reads the object again on a stale refusal (%i) and says so', async (status) => {
    const reload = jest.fn(async (_problem: Problem) => undefined);
    renderClose(refusal(status, 'version.mismatch'), { onStale: reload });
    await close();
    expect(reload).toHaveBeenCalledTimes(1);
    expect(reload.mock.calls[0]).toEqual([expect.objectContaining({ code: 'version.mismatch', status })]);
    expect(out('problem')).toBe('version.mismatch');
    expect(out('stale')).toBe('true');
  });

  it('takes a 409 naming a field for a refusal of the input, not a stale object', async () => {
    const reload = jest.fn<(problem: Problem) => void>();
    renderClose(
      refusal(409, 'creator.channel_taken', [{ path: 'channels.0.handle', code: 'channel_taken', message: '' }]),
      {
        onStale: reload,
      },
    );
    await close();
    expect(reload).not.toHaveBeenCalled();
    expect(out('stale')).toBe('false');
    expect(out('fields')).toBe('channels.0.handle:channel_taken');
  });

  it('lets a form say which refusals are stale', async () => {
    const reload = jest.fn<(problem: Problem) => void>();
    renderClose(refusal(409, 'submission.checks_failing'), {
      onStale: reload,
      isStale: (problem) => problem.code === 'submission.stage_changed',
    });
    await close();
    expect(reload).not.toHaveBeenCalled();
    expect(out('stale')).toBe('false');
  });

  it('tells nothing stale without a way to reload', async () => {
    renderClose(refusal(409, 'version.mismatch'));
    await close();
    expect(out('problem')).toBe('version.mismatch');
    expect(out('stale')).toBe('false');
  });

  it('answers a lost connection with the network problem and stops being busy', async () => {
    renderClose(() => {
      throw new TypeError('Failed to fetch');
    });
    await close();
    expect(out('problem')).toBe('network');
    expect((screen.getByRole('button', { name: 'Close' }) as HTMLButtonElement).disabled).toBe(false);
  });
});
