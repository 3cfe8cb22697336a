import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { settle, type Schemas } from '../../api/client';
import { placeFieldErrors, type Problem } from '../../api/problem';
import { Field } from '../../components/field';
import { Loading, ProblemAlert } from '../../components/messages';
import { PageHeading } from '../../components/page';
import { useFormat } from '../../lib/format';
import { useApi } from '../../lib/use-api';
import { CreatorAssignments } from '../../planning/creator-assignments';
import { useApiClient, useSession } from '../../session/session';

type Creator = Schemas['Creator'];
type PersonalData = Schemas['PersonalData'];

/** A creator: status, channels, active agreements, training, incidents, history, and personal data on request. */
export default function CreatorPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const api = useApiClient();
  const location = useLocation();
  const loaded = useApi(
    (signal) => settle(api.GET('/v1/creators/{id}', { params: { path: { id } }, signal })),
    [api, id],
  );
  const justRegistered = (location.state as { registered?: boolean } | null)?.registered === true;
  const justUpdated = (location.state as { updated?: boolean } | null)?.updated === true;

  if (loaded.state === 'loading' && !loaded.data) return <Loading label={t('creator.loading')} />;
  if (loaded.state === 'error') {
    return (
      <div className="page">
        <PageHeading title={t('nav.creators')}>{t('nav.creators')}</PageHeading>
        <ProblemAlert problem={loaded.problem} onRetry={loaded.problem.status === 404 ? undefined : loaded.reload} />
        <p>
          <Link to="/creators">{t('nav.creators')}</Link>
        </p>
      </div>
    );
  }
  const creator = loaded.data!;
  return <CreatorView creator={creator} justRegistered={justRegistered} justUpdated={justUpdated} />;
}

function CreatorView({
  creator,
  justRegistered,
  justUpdated,
}: {
  creator: Creator;
  justRegistered: boolean;
  justUpdated: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const session = useSession();
  return (
    <div className="page">
      <p className="breadcrumb">
        <Link to="/creators">{t('nav.creators')}</Link>
      </p>
      <div className="page-head">
        <PageHeading title={creator.displayName}>{creator.displayName}</PageHeading>
        {session.can('update', 'Creator') && (
          <Link to={`/creators/${creator.id}/edit`} className="button-link">
            {t('creator.edit')}
          </Link>
        )}
      </div>
      {justUpdated && (
        <div className="alert alert-success" role="status">
          <p>{t('creator.updated', { name: creator.displayName })}</p>
        </div>
      )}
      {justRegistered && (
        <div className="alert alert-success" role="status">
          <p>{t('register.registered', { name: creator.displayName })}</p>
        </div>
      )}
      <dl className="facts">
        <div>
          <dt>{t('creator.facts.status')}</dt>
          <dd>
            <span className={`badge badge-${creator.status}`}>{t(`enums.creatorStatus.${creator.status}`)}</span>
          </dd>
        </div>
        <div>
          <dt>{t('creator.facts.kind')}</dt>
          <dd>{t(`creator.kind.${creator.kind}`)}</dd>
        </div>
        <div>
          <dt>{t('creator.facts.topics')}</dt>
          <dd>{creator.topics.map((topic) => t(`enums.topic.${topic}`)).join(', ') || t('app.none')}</dd>
        </div>
        <div>
          <dt>{t('creator.facts.languages')}</dt>
          <dd>{format.languages(creator.languages) || t('app.none')}</dd>
        </div>
        <div>
          <dt>{t('creator.facts.regions')}</dt>
          <dd>{creator.regions.join(', ') || t('app.none')}</dd>
        </div>
        <div>
          <dt>{t('creator.facts.registered')}</dt>
          <dd>{format.date(creator.createdAt)}</dd>
        </div>
        {creator.consent !== undefined && (
          <div>
            <dt>{t('creator.facts.consent')}</dt>
            <dd>
              {creator.consent
                ? t('creator.facts.consentGiven', {
                    date: format.date(creator.consent.givenAt),
                    scope: creator.consent.scope,
                  })
                : t('creator.facts.consentNone')}
            </dd>
          </div>
        )}
      </dl>

      {creator.possibleDuplicates && creator.possibleDuplicates.length > 0 && (
        <section className="section" aria-labelledby="duplicates-title">
          <h2 id="duplicates-title">{t('creator.duplicates.title')}</h2>
          <ul>
            {creator.possibleDuplicates.map((d) => (
              <li key={d.id}>
                <Link to={`/creators/${d.id}`}>{d.displayName}</Link> ({format.percent(d.similarity)})
              </li>
            ))}
          </ul>
        </section>
      )}

      <section className="section" aria-labelledby="channels-title">
        <h2 id="channels-title">{t('creator.channels.title')}</h2>
        {creator.channels.length === 0 ? (
          <p className="empty">{t('creator.channels.empty')}</p>
        ) : (
          <div className="table-scroll">
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">{t('creator.channels.platform')}</th>
                  <th scope="col">{t('creator.channels.handle')}</th>
                  <th scope="col" className="numeric">
                    {t('creator.channels.followers')}
                  </th>
                  <th scope="col">{t('creator.channels.verified')}</th>
                </tr>
              </thead>
              <tbody>
                {creator.channels.map((channel) => (
                  <tr key={channel.id}>
                    <td>{t(`enums.platform.${channel.platform}`)}</td>
                    <td>
                      <a href={channel.url} rel="noreferrer noopener" target="_blank">
                        @{channel.handle}
                      </a>
                    </td>
                    <td className="numeric">{format.number(channel.followers)}</td>
                    <td>{channel.verified ? t('app.yes') : t('app.no')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section className="section" aria-labelledby="agreements-title">
        <h2 id="agreements-title">{t('creator.agreements.title')}</h2>
        {(session.can('read', 'Agreement') || session.can('create', 'Agreement')) && (
          <p className="section-links">
            {session.can('read', 'Agreement') && (
              <Link to={`/agreements?counterpartyId=${creator.id}`}>{t('creator.agreements.all')}</Link>
            )}
            {session.can('create', 'Agreement') && (
              <Link to={`/agreements/new?counterparty=${creator.id}`}>{t('creator.agreements.new')}</Link>
            )}
          </p>
        )}
        {!creator.activeAgreements?.length ? (
          <p className="empty">{t('creator.agreements.empty')}</p>
        ) : (
          <div className="table-scroll">
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">{t('creator.agreements.number')}</th>
                  <th scope="col">{t('creator.agreements.agency')}</th>
                  <th scope="col">{t('creator.agreements.term')}</th>
                </tr>
              </thead>
              <tbody>
                {creator.activeAgreements.map((agreement) => (
                  <tr key={agreement.agreementId}>
                    <td className="mono">
                      {/* Another agency's agreement is not ours to open: its number only. */}
                      {session.can('read', 'Agreement') && agreement.agencyId === session.me?.agency?.id ? (
                        <Link to={`/agreements/${agreement.agreementId}`}>{agreement.number}</Link>
                      ) : (
                        agreement.number
                      )}
                    </td>
                    <td>{format.agency(agreement.agencyId)}</td>
                    <td>
                      {t('creator.agreements.termValue', {
                        start: format.date(agreement.termStart),
                        end: format.date(agreement.termEnd),
                      })}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section className="section" aria-labelledby="training-title">
        <h2 id="training-title">{t('creator.training.title')}</h2>
        {creator.training.length === 0 ? (
          <p className="empty">{t('creator.training.empty')}</p>
        ) : (
          <div className="table-scroll">
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">{t('creator.training.course')}</th>
                  <th scope="col">{t('creator.training.completedAt')}</th>
                  <th scope="col" className="numeric">
                    {t('creator.training.hours')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {creator.training.map((training) => (
                  <tr key={training.id}>
                    <td>{training.course}</td>
                    <td>{format.date(training.completedAt)}</td>
                    <td className="numeric">{training.hours ?? t('app.none')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      {creator.incidents && (
        <section className="section" aria-labelledby="incidents-title">
          <h2 id="incidents-title">{t('creator.incidents.title')}</h2>
          {creator.incidents.length === 0 ? (
            <p className="empty">{t('creator.incidents.empty')}</p>
          ) : (
            <div className="table-scroll">
              <table className="data-table">
                <thead>
                  <tr>
                    <th scope="col">{t('creator.incidents.occurredAt')}</th>
                    <th scope="col">{t('creator.incidents.severity')}</th>
                    <th scope="col">{t('creator.incidents.description')}</th>
                    <th scope="col">{t('creator.incidents.actionTaken')}</th>
                  </tr>
                </thead>
                <tbody>
                  {creator.incidents.map((incident) => (
                    <tr key={incident.id}>
                      <td>{format.date(incident.occurredAt)}</td>
                      <td>{t(`enums.severity.${incident.severity}`)}</td>
                      <td>{incident.description}</td>
                      <td>{incident.actionTaken ?? t('app.none')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      )}

      {session.can('read', 'Assignment') && <CreatorAssignments creatorId={creator.id} />}

      <PersonalDataSection creator={creator} />

      <section className="section" aria-labelledby="history-title">
        <h2 id="history-title">{t('creator.history.title')}</h2>
        <div className="table-scroll">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t('creator.history.change')}</th>
                <th scope="col">{t('creator.history.reason')}</th>
                <th scope="col">{t('creator.history.at')}</th>
                <th scope="col">{t('creator.history.by')}</th>
              </tr>
            </thead>
            <tbody>
              {creator.statusHistory.map((entry) => (
                <tr key={`${entry.at}-${entry.to}`}>
                  <td>
                    {entry.from
                      ? t('creator.history.moved', {
                          from: t(`enums.creatorStatus.${entry.from}`),
                          to: t(`enums.creatorStatus.${entry.to}`),
                        })
                      : t('creator.history.initial', { to: t(`enums.creatorStatus.${entry.to}`) })}
                    {entry.override && <strong className="tag tag-danger">{t('creator.history.override')}</strong>}
                  </td>
                  <td>{entry.reason}</td>
                  <td>{format.dateTime(entry.at)}</td>
                  <td className="mono">{entry.by}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </div>
  );
}

type PersonalState =
  | { step: 'closed' }
  | { step: 'asking'; problem?: Problem }
  | { step: 'loading' }
  | { step: 'shown'; data: PersonalData; reason: string };

/**
 * Personal data stays hidden until the reader asks, giving a reason; the
 * registry checks the permission and writes the read and its reason to the audit trail.
 */
function PersonalDataSection({ creator }: { creator: Creator }) {
  const { t } = useTranslation();
  const api = useApiClient();
  const session = useSession();
  const [state, setState] = useState<PersonalState>({ step: 'closed' });
  const [reason, setReason] = useState('');
  const showButton = useRef<HTMLButtonElement>(null);
  const reasonInput = useRef<HTMLTextAreaElement>(null);
  const shownHeading = useRef<HTMLHeadingElement>(null);
  const previousStep = useRef(state.step);

  useEffect(() => {
    if (state.step === previousStep.current) return;
    if (state.step === 'asking') reasonInput.current?.focus();
    if (state.step === 'shown') shownHeading.current?.focus();
    if (state.step === 'closed') showButton.current?.focus();
    previousStep.current = state.step;
  }, [state.step]);

  async function show(event: FormEvent) {
    event.preventDefault();
    setState({ step: 'loading' });
    const result = await settle(
      api.GET('/v1/creators/{id}/personal-data', { params: { path: { id: creator.id }, query: { reason } } }),
    );
    setState(result.ok ? { step: 'shown', data: result.data, reason } : { step: 'asking', problem: result.problem });
  }

  const mayRead = session.can('read_personal_data', 'Creator');
  const problem = state.step === 'asking' ? state.problem : undefined;
  const placed = placeFieldErrors(problem?.errors ?? [], ['reason']);

  return (
    <section className="section panel" aria-labelledby="personal-title">
      <h2 id="personal-title">{t('creator.personal.title')}</h2>
      <p>{t('creator.personal.intro')}</p>
      {!creator.hasPersonalData ? (
        <p className="empty">{t('creator.personal.none')}</p>
      ) : !mayRead ? (
        <p className="empty">{t('creator.personal.notAllowed')}</p>
      ) : state.step === 'closed' ? (
        <button
          ref={showButton}
          type="button"
          className="button-secondary"
          onClick={() => setState({ step: 'asking' })}
        >
          {t('creator.personal.show')}
        </button>
      ) : state.step === 'shown' ? (
        <div className="personal-data">
          <h3 ref={shownHeading} tabIndex={-1} className="visually-hidden">
            {t('creator.personal.title')}
          </h3>
          <dl className="facts">
            <div>
              <dt>{t('creator.personal.legalName')}</dt>
              <dd>{state.data.legalName}</dd>
            </div>
            <div>
              <dt>{t('creator.personal.nationalId')}</dt>
              <dd className="mono">{state.data.nationalId ?? t('app.none')}</dd>
            </div>
            <div>
              <dt>{t('creator.personal.phone')}</dt>
              <dd className="mono">{state.data.phone ?? t('app.none')}</dd>
            </div>
            <div>
              <dt>{t('creator.personal.email')}</dt>
              <dd>{state.data.email ?? t('app.none')}</dd>
            </div>
          </dl>
          <p className="hint">{t('creator.personal.shownBecause', { reason: state.reason })}</p>
          <button
            type="button"
            className="button-secondary"
            onClick={() => {
              setReason('');
              setState({ step: 'closed' });
            }}
          >
            {t('creator.personal.hide')}
          </button>
        </div>
      ) : (
        <form onSubmit={(e) => void show(e)} noValidate aria-busy={state.step === 'loading'}>
          {problem && (placed.unplaced.length > 0 || !problem.errors?.length) && <ProblemAlert problem={problem} />}
          <Field
            id="personal-reason"
            label={t('creator.personal.reasonLabel')}
            hint={t('creator.personal.reasonHint')}
            errors={placed.byField.get('reason')}
            problem={problem}
          >
            {(control) => (
              <textarea
                ref={reasonInput}
                {...control}
                rows={2}
                value={reason}
                onChange={(e) => setReason(e.target.value)}
                maxLength={500}
              />
            )}
          </Field>
          <div className="actions">
            <button type="submit" disabled={state.step === 'loading'}>
              {t('creator.personal.submit')}
            </button>
            <button type="button" className="button-secondary" onClick={() => setState({ step: 'closed' })}>
              {t('creator.personal.cancel')}
            </button>
          </div>
          {state.step === 'loading' && <Loading label={t('creator.personal.loading')} />}
        </form>
      )}
    </section>
  );
}
