import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { settle, type Schemas } from '../../api/client';
import { placeFieldErrors } from '../../api/problem';
import { Field } from '../../components/field';
import { Loading, ProblemAlert } from '../../components/messages';
import { useForm } from '../../lib/use-form';
import { useApiClient, useSession } from '../../session/session';
import { Facts } from '../../components/facts';

type Creator = Schemas['Creator'];
type PersonalData = Schemas['PersonalData'];

/**
 * Personal data stays hidden until the reader asks, giving a reason; the
 * registry checks the permission and writes the read and its reason to the audit trail.
 */
export function PersonalDataSection({ creator }: { creator: Creator }) {
  const { t } = useTranslation();
  const session = useSession();
  const mayRead = session.can('read_personal_data', 'Creator');
  return (
    <section className="section panel" aria-labelledby="personal-title">
      <h2 id="personal-title">{t('creator.personal.title')}</h2>
      <p>{t('creator.personal.intro')}</p>
      {!creator.hasPersonalData ? (
        <p className="empty">{t('creator.personal.none')}</p>
      ) : !mayRead ? (
        <p className="empty">{t('creator.personal.notAllowed')}</p>
      ) : (
        <PersonalData creatorId={creator.id} />
      )}
    </section>
  );
}

/** Closed, asking for the reason (reading meanwhile), or shown with the reason given. */
function PersonalData({ creatorId }: { creatorId: string }) {
  const { t } = useTranslation();
  const api = useApiClient();
  const [asking, setAsking] = useState(false);
  const [shown, setShown] = useState<{ data: PersonalData; reason: string } | undefined>();
  const form = useForm<{ reason: string }, PersonalData>({
    initial: { reason: '' },
    request: ({ reason }) => ({
      body: reason,
      send: () =>
        settle(api.GET('/v1/creators/{id}/personal-data', { params: { path: { id: creatorId }, query: { reason } } })),
    }),
    onDone: (data, { reason }) => setShown({ data, reason }),
  });
  const step = shown ? 'shown' : asking ? 'asking' : 'closed';
  const showButton = useRef<HTMLButtonElement>(null);
  const reasonInput = useRef<HTMLTextAreaElement>(null);
  const shownHeading = useRef<HTMLHeadingElement>(null);
  const previousStep = useRef(step);

  useEffect(() => {
    if (step === previousStep.current) return;
    if (step === 'asking') reasonInput.current?.focus();
    if (step === 'shown') shownHeading.current?.focus();
    if (step === 'closed') showButton.current?.focus();
    previousStep.current = step;
  }, [step]);

  function close() {
    form.reset();
    setShown(undefined);
    setAsking(false);
  }

  if (shown) {
    return (
      <div className="personal-data">
        <h3 ref={shownHeading} tabIndex={-1} className="visually-hidden">
          {t('creator.personal.title')}
        </h3>
        <Facts
          facts={[
            { label: 'creator.personal.legalName', value: shown.data.legalName },
            { label: 'creator.personal.nationalId', value: shown.data.nationalId ?? t('app.none'), className: 'mono' },
            { label: 'creator.personal.phone', value: shown.data.phone ?? t('app.none'), className: 'mono' },
            { label: 'creator.personal.email', value: shown.data.email ?? t('app.none') },
          ]}
        />
        <p className="hint">{t('creator.personal.shownBecause', { reason: shown.reason })}</p>
        <button type="button" className="button-secondary" onClick={close}>
          {t('creator.personal.hide')}
        </button>
      </div>
    );
  }
  if (!asking) {
    return (
      <button ref={showButton} type="button" className="button-secondary" onClick={() => setAsking(true)}>
        {t('creator.personal.show')}
      </button>
    );
  }
  const { problem } = form;
  const placed = placeFieldErrors(form.errors, ['reason']);
  return (
    <form onSubmit={(e) => void form.submit(e)} noValidate aria-busy={form.busy}>
      {problem && (placed.unplaced.length > 0 || !problem.errors?.length) && <ProblemAlert problem={problem} />}
      <Field
        id="personal-reason"
        label={t('creator.personal.reasonLabel')}
        hint={t('creator.personal.reasonHint')}
        errors={placed.byField.get('reason')}
        problem={problem}
      >
        {(control) => <textarea ref={reasonInput} {...control} rows={2} {...form.bind('reason')} maxLength={500} />}
      </Field>
      <div className="actions">
        <button type="submit" disabled={form.busy}>
          {t('creator.personal.submit')}
        </button>
        <button
          type="button"
          className="button-secondary"
          onClick={() => {
            form.reset(form.values);
            setAsking(false);
          }}
        >
          {t('creator.personal.cancel')}
        </button>
      </div>
      {form.busy && <Loading label={t('creator.personal.loading')} />}
    </form>
  );
}
