import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Facts } from '../../components/facts';
import { Section } from '../../components/section';
import { useFormat } from '../../lib/format';
import { pendingAmendment, termText, type Agreement } from './lifecycle';
import { Reviews, Signatures, useTermWriter } from './versions-section';
import { StatusBadge } from '../../components/status-badge';

/** The agreement's facts and terms, its scope, and the legal reviews and signatures of the version in force. */
export function AgreementFacts({ agreement }: { agreement: Agreement }) {
  const { t } = useTranslation();
  const format = useFormat();
  const write = useTermWriter();
  const amendment = pendingAmendment(agreement);
  return (
    <>
      <Facts
        facts={[
          {
            label: 'agreementsArea.detail.status',
            value: (
              <>
                <StatusBadge of={agreement.status}>{t(`enums.agreementStatus.${agreement.status}`)}</StatusBadge>
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
              </>
            ),
          },
          { label: 'agreementsArea.detail.number', value: agreement.number, className: 'mono' },
          { label: 'agreementsArea.detail.kind', value: t(`agreementsArea.kind.${agreement.kind}`) },
          {
            label: 'agreementsArea.detail.counterparty',
            value: <Link to={`/creators/${agreement.counterparty.id}`}>{agreement.counterparty.displayName}</Link>,
          },
          { label: 'agreementsArea.detail.agency', value: format.agency(agreement.agencyId) },
          { label: 'agreementsArea.term.term', value: termText('term', agreement.term, write) },
          { label: 'agreementsArea.term.budget', value: format.money(agreement.budget) },
          { label: 'agreementsArea.term.deliverables', value: termText('deliverables', agreement.deliverables, write) },
          {
            label: 'agreementsArea.term.disclosureLabel',
            value: <span className="label-chip">{agreement.disclosureLabel}</span>,
          },
          { label: 'agreementsArea.term.usageRights', value: termText('usageRights', agreement.usageRights, write) },
          { label: 'agreementsArea.detail.version', value: agreement.version },
        ]}
      />
      <Section id="scope-title" title="agreementsArea.term.scope">
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
      </Section>
    </>
  );
}
