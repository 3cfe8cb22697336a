import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useRouteError } from 'react-router';
import { PageHeading } from './page';

/**
 * What shows in place of a page that could not be shown: its code did not
 * load (the network failed, or a new version of the portal replaced it) or
 * it failed while drawing. The header stays; reloading fetches the portal anew.
 */
export function RouteError() {
  const { t } = useTranslation();
  const error = useRouteError();
  useEffect(() => {
    console.error('The page could not be shown', error);
  }, [error]);
  return (
    <div className="page page-narrow">
      <PageHeading title={t('routeError.title')}>{t('routeError.title')}</PageHeading>
      <div className="alert alert-error" role="alert">
        <p>{t('routeError.body')}</p>
      </div>
      <p>
        <button type="button" className="button-primary" onClick={() => window.location.reload()}>
          {t('routeError.reload')}
        </button>
      </p>
    </div>
  );
}
