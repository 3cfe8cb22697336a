import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate, Navigate } from 'react-router';
import { settle, type Result, type Schemas } from '../api/client';
import type { FieldProblem, Problem } from '../api/problem';
import { Field } from '../components/field';
import { Loading, ProblemAlert } from '../components/messages';
import { PageHeading } from '../components/page';
import { useFormat } from '../lib/format';
import { useApi } from '../lib/use-api';
import { useApiClient, useSession } from '../session/session';

type DevUser = Schemas['DevUsers'][number];

/** Field errors of a failed sign-in, by field of this page. */
interface Failure {
  problem: Problem;
  field?: 'creator' | 'token';
  errors: FieldProblem[];
}

/**
 * Sign in: in development a picker of the seeded users (one click each, by
 * agency) and creators by channel handle; always, a token from the agency's
 * identity provider.
 */
export default function SignInPage() {
  const { t } = useTranslation();
  const api = useApiClient();
  const session = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const format = useFormat();
  const [busy, setBusy] = useState<string | undefined>();
  const [failure, setFailure] = useState<Failure | undefined>();
  const [handle, setHandle] = useState('');
  const [token, setToken] = useState('');
  const from = (location.state as { from?: string } | null)?.from ?? '/';

  // 404 means dev sign-in is off (production): the picker is simply not shown.
  const devUsers = useApi((signal) => settle(api.GET('/v1/auth/dev-users', { signal })), [api]);
  const devAvailable = devUsers.state === 'ok' && devUsers.data.length > 0;

  if (session.status === 'signed_in' && !busy) return <Navigate to={from} replace />;

  async function finish(result: Result<unknown>, field?: Failure['field']) {
    if (result.ok) {
      void navigate(from, { replace: true });
      return;
    }
    const errors = result.problem.errors ?? [];
    setFailure({
      problem: result.problem,
      field,
      errors:
        field === 'token' && result.problem.code === 'auth.unauthenticated'
          ? [{ path: 'token', code: 'invalid', message: result.problem.detail }]
          : errors,
    });
    setBusy(undefined);
  }

  async function signInAs(username: string, field?: Failure['field']) {
    setBusy(username);
    setFailure(undefined);
    const issued = await settle(api.POST('/v1/auth/dev-token', { body: { username } }));
    if (!issued.ok) return finish(issued, field);
    await finish(await session.signInWithToken(issued.data.token), field);
  }

  function required(field: NonNullable<Failure['field']>) {
    setFailure({
      problem: { code: 'validation.failed', detail: 'Required' },
      field,
      errors: [{ path: field, code: 'required', message: 'Required' }],
    });
  }

  async function signInAsCreator(event: FormEvent) {
    event.preventDefault();
    const bare = handle.trim().replace(/^@+/, '');
    if (!bare) return required('creator');
    await signInAs(`creator@${bare}`, 'creator');
  }

  async function signInWithToken(event: FormEvent) {
    event.preventDefault();
    if (!token.trim()) return required('token');
    setBusy('token');
    setFailure(undefined);
    await finish(await session.signInWithToken(token.trim()), 'token');
  }

  const groups = new Map<string, DevUser[]>();
  if (devUsers.state === 'ok') {
    for (const user of devUsers.data) groups.set(user.orgId, [...(groups.get(user.orgId) ?? []), user]);
  }
  const creatorErrors = failure?.field === 'creator' ? failure.errors : [];
  const tokenErrors = failure?.field === 'token' ? failure.errors : [];
  const generalProblem = failure && (failure.errors.length === 0 || !failure.field) ? failure.problem : undefined;

  return (
    <div className="page page-narrow">
      <PageHeading title={t('signIn.title')}>{t('signIn.title')}</PageHeading>
      <p className="lead">{t('signIn.intro')}</p>
      {session.notice === 'expired' && (
        <div className="alert alert-info" role="status">
          <p>{t('session.expired')}</p>
        </div>
      )}
      {generalProblem && <ProblemAlert problem={generalProblem} />}
      <p className="visually-hidden" role="status" aria-live="polite">
        {busy ? t('signIn.signingIn') : ''}
      </p>

      {devUsers.state === 'loading' && <Loading label={t('signIn.devLoading')} />}
      {devAvailable && (
        <section className="panel" aria-labelledby="dev-users-title">
          <h2 id="dev-users-title">{t('signIn.devTitle')}</h2>
          <p>{t('signIn.devIntro')}</p>
          {[...groups].map(([orgId, users]) => (
            <section key={orgId} className="user-group" aria-labelledby={`org-${orgId}`}>
              <h3 id={`org-${orgId}`}>{format.agency(orgId)}</h3>
              <ul className="user-list">
                {users.map((user) => (
                  <li key={user.username}>
                    <button
                      type="button"
                      className="user-button"
                      disabled={busy !== undefined}
                      aria-label={`${t('signIn.signInAs', { name: user.name })} (${user.username}, ${user.roles.map((r) => t(`roles.${r}` as 'roles.admin', { defaultValue: r })).join(', ')})`}
                      onClick={() => void signInAs(user.username)}
                    >
                      <span className="user-name">{user.name}</span>
                      <span className="user-meta">
                        {user.roles.map((r) => t(`roles.${r}` as 'roles.admin', { defaultValue: r })).join(', ')}
                      </span>
                      <span className="user-meta mono">{user.username}</span>
                    </button>
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </section>
      )}

      {devAvailable && (
        <section className="panel" aria-labelledby="creator-title">
          <h2 id="creator-title">{t('signIn.creatorTitle')}</h2>
          <p>{t('signIn.creatorIntro')}</p>
          <form onSubmit={(e) => void signInAsCreator(e)} noValidate>
            <Field
              id="creator-handle"
              label={t('signIn.creatorHandle')}
              hint={t('signIn.creatorHint')}
              errors={creatorErrors}
              problem={failure?.problem}
            >
              {(control) => (
                <div className="input-prefixed">
                  <span aria-hidden="true">creator@</span>
                  <input
                    {...control}
                    value={handle}
                    onChange={(e) => setHandle(e.target.value)}
                    autoComplete="username"
                    spellCheck={false}
                  />
                </div>
              )}
            </Field>
            <button type="submit" disabled={busy !== undefined}>
              {t('signIn.creatorSubmit')}
            </button>
          </form>
        </section>
      )}

      <section className="panel" aria-labelledby="token-title">
        <h2 id="token-title">{t('signIn.tokenTitle')}</h2>
        <p>{t('signIn.tokenIntro')}</p>
        <form onSubmit={(e) => void signInWithToken(e)} noValidate>
          <Field
            id="token"
            label={t('signIn.tokenLabel')}
            hint={t('signIn.tokenHint')}
            errors={tokenErrors}
            problem={failure?.problem}
          >
            {(control) => (
              <textarea
                {...control}
                rows={3}
                value={token}
                onChange={(e) => setToken(e.target.value)}
                spellCheck={false}
                autoComplete="off"
                className="mono"
              />
            )}
          </Field>
          <button type="submit" disabled={busy !== undefined}>
            {t('signIn.tokenSubmit')}
          </button>
        </form>
      </section>
    </div>
  );
}
