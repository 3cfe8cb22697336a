import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../lib/format';
import { pendingAmendment, termText, type Agreement } from './lifecycle';
import { Reviews, Signatures, useTermWriter } from './versions-section';

/** The agreement's facts and terms, its scope, and the legal reviews and signatures of the version in force. */
export function AgreementFacts({ agreement }: { agreement: Agreement }) {
  const { t } = useTranslation();
  const format = useFormat();
  const write = useTermWriter();
  const amendment = pendingAmendment(agreement);
  return (
    <>
      <dl className="facts">
        <div>
          <dt>{t('agreementsArea.detail.status')}</dt>
          <dd>
            <span className={`badge badge-${agreement.status}`}>{t(`enums.agreementStatus.${agreement.status}`)}</span>
            {amendment && (
              <>
                {' '}
                <span className="tag tag-muted">
                  {t('agreementsArea.detail.amendmentPending', {
                    n: amendment.version,
                    status: t(`agreementsArea.versionStatus.${amendment.status}`),
                  })}
                </span>
              </>
            )}
          </dd>
        </div>
        <div>
          <dt>{t('agreementsArea.detail.number')}</dt>
          <dd className="mono">{agreement.number}</dd>
        </div>
        <div>
          <dt>{t('agreementsArea.detail.kind')}</dt>
          <dd>{t(`agreementsArea.kind.${agreement.kind}`)}</dd>
        </div>
        <div>
          <dt>{t('agreementsArea.detail.counterparty')}</dt>
          <dd>
            <Link to={`/creators/${agreement.counterparty.id}`}>{agreement.counterparty.displayName}</Link>
          </dd>
        </div>
        <div>
          <dt>{t('agreementsArea.detail.agency')}</dt>
          <dd>{format.agency(agreement.agencyId)}</dd>
        </div>
        <div>
          <dt>{t('agreementsArea.term.term')}</dt>
          <dd>{termText('term', agreement.term, write)}</dd>
        </div>
        <div>
          <dt>{t('agreementsArea.term.budget')}</dt>
          <dd>{format.money(agreement.budget)}</dd>
        </div>
        <div>
          <dt>{t('agreementsArea.term.deliverables')}</dt>
          <dd>{termText('deliverables', agreement.deliverables, write)}</dd>
        </div>
        <div>
          <dt>{t('agreementsArea.term.disclosureLabel')}</dt>
          <dd>
            <span className="label-chip">{agreement.disclosureLabel}</span>
          </dd>
        </div>
        <div>
          <dt>{t('agreementsArea.term.usageRights')}</dt>
          <dd>{termText('usageRights', agreement.usageRights, write)}</dd>
        </div>
        <div>
          <dt>{t('agreementsArea.detail.version')}</dt>
          <dd>{agreement.version}</dd>
        </div>
      </dl>
      <section className="section" aria-labelledby="scope-title">
        <h2 id="scope-title">{t('agreementsArea.term.scope')}</h2>
        <div className="content-text">{agreement.scope}</div>
        {agreement.legalReviews.length > 0 && (
          <>
            <h3>{t('agreementsArea.detail.legalReviews')}</h3>
            <Reviews reviews={agreement.legalReviews} />
          </>
        )}
        {agreement.signatures.length > 0 && (
          <>
            <h3>{t('agreementsArea.detail.signatures')}</h3>
            <Signatures signatures={agreement.signatures} />
          </>
        )}
      </section>
    </>
  );
}
