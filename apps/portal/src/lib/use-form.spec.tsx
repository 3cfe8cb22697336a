/**
 * @jest-environment jsdom
 */
import { describe, expect, it, jest } from '@jest/globals';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { settle, type ConcordClient } from '../api/client';
import { fieldProblem, type FieldProblem, type Problem } from '../api/problem';
import { fakeClient, type Call } from '../test/fake-client';
import { EnumSelect } from '../components/enum-select';
import { useForm, type FormOptions } from './use-form';

const ID = 'c-1';
interface Values {
  reason: string;
  note: string;
  urgency: 'low' | 'high';
}
type Options = Partial<FormOptions<Values, unknown>>;

/** A campaign's "close, with a reason" form, through the hook. */
function CloseForm({
  api,
  options = {},
  toForm,
}: {
  api: ConcordClient;
  options?: Options;
  toForm?: (errors: FieldProblem[]) => FieldProblem[];
}) {
  const form = useForm<Values, unknown>({
    initial: { reason: '', note: '', urgency: 'low' },
    validate: ({ reason }) => (reason.trim() ? [] : [fieldProblem('reason', 'reason_required')]),
    request: ({ reason }) => {
      const body = { reason: reason.trim() };
      return {
        body,
        send: (key) =>
          settle(
            api.POST('/v1/campaigns/{id}/close', {
              params: { path: { id: ID }, header: { 'Idempotency-Key': key } },
              body,
            }),
          ),
        toForm,
      };
    },
    ...options,
  });
  return (
    <form onSubmit={(e) => void form.submit(e)} aria-busy={form.busy} noValidate>
      <div ref={form.summary} tabIndex={-1} aria-label="summary" role="group" />
      <label>
        Reason <input value={form.values.reason} onChange={(e) => form.set('reason', e.target.value)} />
      </label>
      <label>
        Note <input value={form.values.note} onChange={(e) => form.set('note', e.target.value)} />
      </label>
      <label>
        Urgency <EnumSelect values={['low', 'high'] as const} text={(u) => u} {...form.choose('urgency')} />
      </label>
      <output aria-label="urgency">{form.values.urgency}</output>
      <output aria-label="errors">{form.errors.map((e: FieldProblem) => `${e.path}:${e.code}`).join(' ')}</output>
      <output aria-label="problem">{form.problem?.code ?? ''}</output>
      <output aria-label="stale">{String(form.stale)}</output>
      <button type="submit" disabled={form.busy}>
        Close
      </button>
    </form>
  );
}

function renderForm(
  answer: (call: Call) => { status: number; body: unknown },
  options?: Options,
  toForm?: (errors: FieldProblem[]) => FieldProblem[],
) {
  const client = fakeClient({ 'POST /v1/campaigns/{id}/close': answer });
  render(<CloseForm api={client} options={options} toForm={toForm} />);
  return client;
}

const out = (name: string) => screen.getByRole('status', { name }).textContent;
const type = (name: string, value: string) =>
  fireEvent.change(screen.getByRole('textbox', { name }), { target: { value } });
const submit = () => act(async () => fireEvent.click(screen.getByRole('button', { name: 'Close' })));
const invalid = (errors: FieldProblem[]) => () => ({
  status: 400,
  body: { code: 'validation.failed', detail: 'Invalid', errors },
});

describe('useForm, the one form hook', () => {
  it("sends nothing while the form's own checks fail, and from the first attempt on they follow what is typed", async () => {
    const client = renderForm(() => ({ status: 200, body: {} }));
    expect(out('errors')).toBe('');
    await submit();
    expect(client.calls).toHaveLength(0);
    expect(out('errors')).toBe('reason:reason_required');
    type('Reason', 'Done early');
    expect(out('errors')).toBe('');
  });

  it('focuses the summary of what stops the form after a failed attempt', async () => {
    const frames = jest.spyOn(window, 'requestAnimationFrame').mockImplementation((run) => {
      run(0);
      return 0;
    });
    renderForm(() => ({ status: 200, body: {} }));
    await submit();
    expect(document.activeElement).toBe(screen.getByRole('group', { name: 'summary' }));
    frames.mockRestore();
  });

  it("shows the API's field errors by the problem's paths, and drops each once its field is changed", async () => {
    renderForm(
      invalid([
        { path: 'input.reason', code: 'too_small', message: '' },
        { path: 'input.note', code: 'too_big', message: '' },
        { path: 'urgency', code: 'invalid_enum_value', message: '' },
      ]),
    );
    type('Reason', 'x');
    await submit();
    expect(out('problem')).toBe('validation.failed');
    expect(out('errors')).toBe('reason:too_small note:too_big urgency:invalid_enum_value');
    type('Reason', 'xy');
    expect(out('errors')).toBe('note:too_big urgency:invalid_enum_value');
    // A choice bound with `choose` takes what is chosen and drops its error too.
    fireEvent.change(screen.getByRole('combobox', { name: 'Urgency' }), { target: { value: 'high' } });
    expect(out('urgency')).toBe('high');
    expect(out('errors')).toBe('note:too_big');
  });

  it('moves the API paths onto the form where the request says how', async () => {
    renderForm(invalid([{ path: 'overrides.0.reason', code: 'too_small', message: '' }]), {}, (errors) =>
      errors.map((e) => ({ ...e, path: 'reason' })),
    );
    type('Reason', 'x');
    await submit();
    expect(out('errors')).toBe('reason:too_small');
  });

  it('hides the refusal while its own checks fail again', async () => {
    renderForm(invalid([{ path: 'reason', code: 'too_small', message: '' }]));
    type('Reason', 'x');
    await submit();
    expect(out('problem')).toBe('validation.failed');
    type('Reason', '');
    expect(out('problem')).toBe('');
    expect(out('errors')).toBe('reason:reason_required');
  });

  it('hands the answer on once done, and starts again from its initial values (or what it keeps)', async () => {
    const done = jest.fn();
    renderForm(() => ({ status: 200, body: { id: ID, status: 'closed' } }), { onDone: done });
    type('Reason', 'Done early');
    type('Note', 'for the file');
    await submit();
    expect(done).toHaveBeenCalledWith(
      { id: ID, status: 'closed' },
      {
        reason: 'Done early',
        note: 'for the file',
        urgency: 'low',
      },
    );
    expect((screen.getByRole('textbox', { name: 'Reason' }) as HTMLInputElement).value).toBe('');
    expect(out('errors')).toBe('');
  });

  it('keeps what `afterDone` says after a success', async () => {
    renderForm(() => ({ status: 200, body: {} }), { afterDone: (values) => ({ ...values, reason: '' }) });
    type('Reason', 'Done early');
    type('Note', 'for the file');
    await submit();
    expect((screen.getByRole('textbox', { name: 'Note' }) as HTMLInputElement).value).toBe('for the file');
    expect((screen.getByRole('textbox', { name: 'Reason' }) as HTMLInputElement).value).toBe('');
  });

  it('says so when there is nothing to send', async () => {
    const nothing = jest.fn();
    const client = renderForm(() => ({ status: 200, body: {} }), {
      validate: undefined,
      request: () => undefined,
      onNothing: nothing,
    });
    await submit();
    expect(nothing).toHaveBeenCalledTimes(1);
    expect(client.calls).toHaveLength(0);
  });

  it('reloads a stale object through the mutation, keeping what was typed', async () => {
    const reload = jest.fn<(problem: Problem) => void>();
    renderForm(() => ({ status: 412, body: { code: 'version.mismatch', detail: 'stale' } }), { onStale: reload });
    type('Reason', 'Done early');
    await submit();
    expect(reload).toHaveBeenCalledTimes(1);
    expect(out('stale')).toBe('true');
    expect(out('problem')).toBe('version.mismatch');
    expect((screen.getByRole('textbox', { name: 'Reason' }) as HTMLInputElement).value).toBe('Done early');
  });

  it('retries a refused submission with the same Idempotency-Key', async () => {
    const client = renderForm(() => ({ status: 503, body: { code: 'service.unavailable', detail: 'busy' } }));
    type('Reason', 'Done early');
    await submit();
    await submit();
    const [first, retry] = client.calls.map((c) => c.init.params?.header?.['Idempotency-Key']);
    expect(first).toMatch(/^[0-9a-f]{32}$/);
    expect(retry).toBe(first);
  });
});
