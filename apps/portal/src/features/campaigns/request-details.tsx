import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../lib/format';
import type { CampaignRequestView } from './request-form';

/** What was asked: who to whom, the period, the deadline, the campaign it became; the content; the counter-proposal. */
export function RequestDetails({ request }: { request: CampaignRequestView }) {
  const { t } = useTranslation();
  const format = useFormat();
  const period = (p: { start: string; end: string }) =>
    t('requests.period', { start: format.date(p.start), end: format.date(p.end) });
  const counter = request.counterProposal;
  return (
    <>
      <dl className="facts">
        <div>
          <dt>{t('requests.detail.status')}</dt>
          <dd>
            <span className={`badge badge-${request.status}`}>{t(`requests.status.${request.status}`)}</span>
          </dd>
        </div>
        <div>
          <dt>{t('requests.detail.from')}</dt>
          <dd>{format.agency(request.fromAgencyId)}</dd>
        </div>
        <div>
          <dt>{t('requests.detail.to')}</dt>
          <dd>{format.agency(request.toAgencyId)}</dd>
        </div>
        <div>
          <dt>{t('requests.detail.period')}</dt>
          <dd>{period(request.proposedPeriod)}</dd>
        </div>
        <div>
          <dt>{t('requests.detail.deadline')}</dt>
          <dd>{format.dateTime(request.responseDeadline)}</dd>
        </div>
        <div>
          <dt>{t('requests.detail.sentAt')}</dt>
          <dd>{t('requests.detail.sentBy', { date: format.dateTime(request.createdAt), by: request.createdBy })}</dd>
        </div>
      </dl>

      {request.campaignId && (
        <p className="panel">
          <Link to={`/campaigns/${request.campaignId}`} className="button-link">
            {t('requests.detail.openCampaign')}
          </Link>
        </p>
      )}

      <section className="section" aria-labelledby="request-what-title">
        <h2 id="request-what-title">{t('requests.detail.what')}</h2>
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
      </section>

      {counter && (
        <section className="section" aria-labelledby="request-counter-title">
          <h2 id="request-counter-title">{t('requests.detail.counterTitle')}</h2>
          <p className="work-meta">
            {t('requests.detail.counterBy', { by: counter.by, date: format.dateTime(counter.at) })}
          </p>
          <dl className="facts facts-compact">
            <div>
              <dt>{t('requests.detail.period')}</dt>
              <dd>{period(counter.proposedPeriod)}</dd>
            </div>
          </dl>
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
        </section>
      )}
    </>
  );
}

/** Each step of the request, with who took it, when, and why. */
export function RequestHistory({ request }: { request: CampaignRequestView }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <section className="section" aria-labelledby="request-history-title">
      <h2 id="request-history-title">{t('requests.detail.history')}</h2>
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
    </section>
  );
}
