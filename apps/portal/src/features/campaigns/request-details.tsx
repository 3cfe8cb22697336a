import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Facts } from '../../components/facts';
import { Section } from '../../components/section';
import { useFormat } from '../../lib/format';
import type { CampaignRequestView } from './request-form';
import { StatusBadge } from '../../components/status-badge';

/** What was asked: who to whom, the period, the deadline, the campaign it became; the content; the counter-proposal. */
export function RequestDetails({ request }: { request: CampaignRequestView }) {
  const { t } = useTranslation();
  const format = useFormat();
  const period = (p: { start: string; end: string }) =>
    t('requests.period', { start: format.date(p.start), end: format.date(p.end) });
  const counter = request.counterProposal;
  return (
    <>
      <Facts
        facts={[
          {
            label: 'requests.detail.status',
            value: <StatusBadge of={request.status}>{t(`requests.status.${request.status}`)}</StatusBadge>,
          },
          { label: 'requests.detail.from', value: format.agency(request.fromAgencyId) },
          { label: 'requests.detail.to', value: format.agency(request.toAgencyId) },
          { label: 'requests.detail.period', value: period(request.proposedPeriod) },
          { label: 'requests.detail.deadline', value: format.dateTime(request.responseDeadline) },
          {
            label: 'requests.detail.sentAt',
            value: t('requests.detail.sentBy', { date: format.dateTime(request.createdAt), by: request.createdBy }),
          },
        ]}
      />

      {request.campaignId && (
        <p className="panel">
          <Link to={`/campaigns/${request.campaignId}`} className="button-link">
            {t('requests.detail.openCampaign')}
          </Link>
        </p>
      )}

      <Section id="request-what-title" title="requests.detail.what">
        <h3>{t('requests.detail.objective')}</h3>
        <p>{request.objective}</p>
        <h3>{t('requests.detail.keyMessages')}</h3>
        <ul>
          {request.keyMessages.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
        <h3>{t('requests.detail.deliverables')}</h3>
        <p>{request.expectedDeliverables}</p>
      </Section>

      {counter && (
        <Section id="request-counter-title" title="requests.detail.counterTitle">
          <p className="work-meta">
            {t('requests.detail.counterBy', { by: counter.by, date: format.dateTime(counter.at) })}
          </p>
          <Facts
            className="facts facts-compact"
            facts={[{ label: 'requests.detail.period', value: period(counter.proposedPeriod) }]}
          />
          {counter.keyMessages && (
            <>
              <h3>{t('requests.detail.keyMessages')}</h3>
              <ul>
                {counter.keyMessages.map((m) => (
                  <li key={m}>{m}</li>
                ))}
              </ul>
            </>
          )}
          <h3>{t('requests.detail.counterMessage')}</h3>
          <p>{counter.message}</p>
        </Section>
      )}
    </>
  );
}

/** Each step of the request, with who took it, when, and why. */
export function RequestHistory({ request }: { request: CampaignRequestView }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Section id="request-history-title" title="requests.detail.history">
      <ol className="work-list">
        {request.statusHistory.map((h, i) => (
          <li key={i}>
            <span className="work-title">{t(`requests.status.${h.to}`)}</span>
            <span className="work-meta">
              {h.by} · {format.dateTime(h.at)}
            </span>
            {h.reason && <span>{h.reason}</span>}
          </li>
        ))}
      </ol>
    </Section>
  );
}
