import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Navigate, Outlet, useLocation, useNavigation } from 'react-router';
import { reviews } from '../session/ability';
import { useFormat } from '../lib/format';
import { useSession } from '../session/session';
import { LanguageSwitch } from './language-switch';
import { Loading } from './messages';

/** Header (brand, navigation, who is signed in, language), the page, and a footer. */
export function Layout() {
  const { t } = useTranslation();
  const session = useSession();
  const format = useFormat();
  const { me } = session;
  const navigation = useNavigation();
  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="site-header">
        <div className="header-inner">
          <Link to="/" className="brand">
            <span className="brand-mark" aria-hidden="true">
              ◆
            </span>
            <span>
              <span className="brand-name">{t('app.name')}</span>
              <span className="brand-tagline">{t('app.tagline')}</span>
            </span>
          </Link>
          <LanguageSwitch />
        </div>
        <nav className="main-nav" aria-label={t('nav.label')}>
          <ul>
            {session.status === 'signed_in' && (
              <li>
                <NavLink to="/" end>
                  {t('nav.home')}
                </NavLink>
              </li>
            )}
            {session.can('read', 'Creator') && (
              <li>
                <NavLink to="/creators">{t('nav.creators')}</NavLink>
              </li>
            )}
            {session.can('read', 'Agreement') && (
              <li>
                <NavLink to="/agreements">{t('agreementsArea.nav')}</NavLink>
              </li>
            )}
            {session.can('read', 'Campaign') && (
              <li>
                <NavLink to="/campaigns">{t('campaignsArea.nav.campaigns')}</NavLink>
              </li>
            )}
            {session.can('read', 'CampaignRequest') && (
              <li>
                <NavLink to="/requests">{t('campaignsArea.nav.requests')}</NavLink>
              </li>
            )}
            {session.can('read', 'Campaign') && (
              <li>
                <NavLink to="/calendar">{t('calendar.nav')}</NavLink>
              </li>
            )}
            {me && reviews(me) && (
              <li>
                <NavLink to="/reviews">{t('nav.reviews')}</NavLink>
              </li>
            )}
            <li>
              <NavLink to="/partnerships">{t('nav.publicRegister')}</NavLink>
            </li>
          </ul>
          <div className="session-box">
            {me ? (
              <>
                <p className="who">
                  <span className="visually-hidden">{t('session.you')} </span>
                  <strong>{me.user.name ?? me.creator?.displayName ?? me.user.id}</strong>
                  <span className="who-detail">
                    {[
                      me.agency ? format.agency(me.agency.id) : undefined,
                      me.roles.map((r) => t(`roles.${r}` as 'roles.admin', { defaultValue: r })).join(', '),
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </span>
                </p>
                <button type="button" className="button-secondary" onClick={session.signOut}>
                  {t('nav.signOut')}
                </button>
              </>
            ) : (
              session.status === 'signed_out' && (
                <NavLink to="/sign-in" className="button-link">
                  {t('nav.signIn')}
                </NavLink>
              )
            )}
          </div>
        </nav>
      </header>
      {navigation.state === 'loading' && (
        <div className="page-progress" role="progressbar" aria-label={t('app.loading')} />
      )}
      <main id="main" className="main" aria-busy={navigation.state === 'loading'}>
        <Suspense fallback={<PageLoading />}>
          <Outlet />
        </Suspense>
      </main>
      <footer className="site-footer">
        <p>
          {t('app.name')} · {t('app.tagline')}
        </p>
      </footer>
    </>
  );
}

/** What shows while a page's code loads (the first page, or a part a page loads later). */
export function PageLoading() {
  const { t } = useTranslation();
  return <Loading label={t('app.loading')} />;
}

/** Pages for signed-in users: others are sent to sign in and brought back afterwards. */
export function RequireSignIn() {
  const { t } = useTranslation();
  const session = useSession();
  const location = useLocation();
  if (session.status === 'checking') return <Loading label={t('session.checking')} />;
  if (session.status === 'signed_out')
    return <Navigate to="/sign-in" replace state={{ from: location.pathname + location.search }} />;
  return <Outlet />;
}
