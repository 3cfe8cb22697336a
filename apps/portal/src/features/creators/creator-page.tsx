import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { settle, type Schemas } from '../../api/client';
import { Loading, ProblemAlert } from '../../components/messages';
import { Breadcrumb, PageHeading } from '../../components/page';
import { useApi } from '../../lib/use-api';
import { CreatorAssignments } from '../planning/creator-assignments';
import { PersonalDataSection } from './personal-data-section';
import { CreatorFacts } from './creator-facts';
import { CreatorHistory } from './creator-history';
import { CreatorAgreements, CreatorChannels, CreatorRecords } from './creator-sections';
import { useApiClient, useSession } from '../../session/session';

type Creator = Schemas['Creator'];

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
        <PageHeading title={t('nav.creators')} />
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
  const session = useSession();
  return (
    <div className="page">
      <Breadcrumb to="/creators">{t('nav.creators')}</Breadcrumb>
      <div className="page-head">
        <PageHeading title={creator.displayName} />
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
      <CreatorFacts creator={creator} />
      <CreatorChannels creator={creator} />
      <CreatorAgreements creator={creator} />
      <CreatorRecords creator={creator} />
      {session.can('read', 'Assignment') && <CreatorAssignments creatorId={creator.id} />}
      <PersonalDataSection creator={creator} />
      <CreatorHistory creator={creator} />
    </div>
  );
}
