import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeading } from './page';

export default function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <div className="page page-narrow">
      <PageHeading title={t('notFound.title')}>{t('notFound.title')}</PageHeading>
      <p>{t('notFound.body')}</p>
      <p>
        <Link to="/">{t('notFound.home')}</Link>
      </p>
    </div>
  );
}
