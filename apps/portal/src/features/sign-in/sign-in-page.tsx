import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { settle, type Result } from '../../api/client';
import { fieldProblem, type FieldProblem, type Problem } from '../../api/problem';
import { Loading, ProblemAlert } from '../../components/messages';
import { PageHeading } from '../../components/page';
import { useApi } from '../../lib/use-api';
import { useForm } from '../../lib/use-form';
import { useMutation } from '../../lib/use-mutation';
import { useApiClient, useSession } from '../../session/session';
import { DevUsers } from './dev-sign-in';
import { SignInPanel } from './sign-in-panel';

/** The ways in; what the page says is about the last one tried. */
type Way = 'dev' | 'creator' | 'token';

/** A field left empty: its own sentence, named by the field (`creator`, `token`). */
const required = (field: string, value: string): FieldProblem[] =>
  value ? [] : [fieldProblem(field, 'required', 'Required')];

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
  const from = (location.state as { from?: string } | null)?.from ?? '/';
  const [last, setLast] = useState<Way | undefined>();
  const signedIn = () => void navigate(from, { replace: true });

  // 404 means dev sign-in is off (production): the picker is simply not shown.
  const devUsers = useApi((signal) => settle(api.GET('/v1/auth/dev-users', { signal })), [api]);
  const devAvailable = devUsers.state === 'ok' && devUsers.data.length > 0;

  /** A seeded user's (or creator's) dev token, then the session with it. */
  const signInAs = (username: string) => async (): Promise<Result<unknown>> => {
    const issued = await settle(api.POST('/v1/auth/dev-token', { body: { username } }));
    return issued.ok ? session.signInWithToken(issued.data.token) : issued;
  };
  const dev = useMutation();
  const creator = useForm({
    initial: { creator: '' },
    validate: ({ creator: handle }) => required('creator', bare(handle)),
    request: ({ creator: handle }) => ({ body: handle, send: signInAs(`creator@${bare(handle)}`) }),
    onDone: signedIn,
  });
  const token = useForm({
    initial: { token: '' },
    validate: ({ token: text }) => required('token', text.trim()),
    request: ({ token: text }) => ({ body: text, send: () => session.signInWithToken(text.trim()) }),
    onDone: signedIn,
  });
  const busy = dev.busy || creator.busy || token.busy;

  if (session.status === 'signed_in' && !busy) return <Navigate to={from} replace />;

  async function signInAsUser(username: string) {
    setLast('dev');
    const result = await dev.run(username, signInAs(username));
    if (result.ok) signedIn();
  }

  // A refused token is said at its field, with the API's own words as the last resort.
  const tokenErrors =
    token.problem?.code === 'auth.unauthenticated'
      ? [fieldProblem('token', 'invalid', token.problem.detail)]
      : token.errors;
  const shown: Record<Way, { problem?: Problem; errors: FieldProblem[] }> = {
    dev: { problem: dev.problem, errors: [] },
    creator: { problem: creator.problem, errors: creator.errors },
    token: { problem: token.problem, errors: tokenErrors },
  };
  const general = last && shown[last].errors.length === 0 ? shown[last].problem : undefined;

  return (
    <div className="page page-narrow">
      <PageHeading title={t('signIn.title')} />
      <p className="lead">{t('signIn.intro')}</p>
      {session.notice === 'expired' && (
        <div className="alert alert-info" role="status">
          <p>{t('session.expired')}</p>
        </div>
      )}
      {general && <ProblemAlert problem={general} />}
      <p className="visually-hidden" role="status" aria-live="polite">
        {busy ? t('signIn.signingIn') : ''}
      </p>

      {devUsers.state === 'loading' && <Loading label={t('signIn.devLoading')} />}
      {devAvailable && (
        <DevUsers users={devUsers.data} busy={busy} onSignIn={(username) => void signInAsUser(username)} />
      )}
      {devAvailable && (
        <SignInPanel
          id="creator"
          fieldId="creator-handle"
          label={t('signIn.creatorHandle')}
          form={creator}
          errors={last === 'creator' ? creator.errors : []}
          busy={busy}
          onSubmit={() => setLast('creator')}
        >
          {(control) => (
            <div className="input-prefixed">
              <span aria-hidden="true">creator@</span>
              <input {...control} {...creator.bind('creator')} autoComplete="username" spellCheck={false} />
            </div>
          )}
        </SignInPanel>
      )}
      <SignInPanel
        id="token"
        fieldId="token"
        label={t('signIn.tokenLabel')}
        form={token}
        errors={last === 'token' ? tokenErrors : []}
        busy={busy}
        onSubmit={() => setLast('token')}
      >
        {(control) => (
          <textarea
            {...control}
            rows={3}
            {...token.bind('token')}
            spellCheck={false}
            autoComplete="off"
            className="mono"
          />
        )}
      </SignInPanel>
    </div>
  );
}

/** A channel handle without the `@` people type before it. */
function bare(handle: string): string {
  return handle.trim().replace(/^@+/, '');
}
