import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { settle } from '../../api/client';
import { Loading, ProblemAlert } from '../../components/messages';
import { Breadcrumb, PageHeading } from '../../components/page';
import { useApi } from '../../lib/use-api';
import { useApiClient } from '../../session/session';
import { SubmitForm } from './submit-form';

/** The creator submits content for an accepted assignment. */
export default function SubmitContentPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const api = useApiClient();
  const loaded = useApi(
    (signal) => settle(api.GET('/v1/assignments/{id}', { params: { path: { id } }, signal })),
    [api, id],
  );
  return (
    <div className="page page-form">
      <Breadcrumb to="/">{t('nav.home')}</Breadcrumb>
      <PageHeading title={t('submit.title')} />
      {loaded.state === 'loading' && <Loading label={t('app.loading')} />}
      {loaded.state === 'error' && <ProblemAlert problem={loaded.problem} onRetry={loaded.reload} />}
      {loaded.state === 'ok' && <SubmitForm assignment={loaded.data} />}
    </div>
  );
}
