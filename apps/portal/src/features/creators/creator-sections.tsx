import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Schemas } from '../../api/client';
import { useFormat } from '../../lib/format';
import { useSession } from '../../session/session';

type Creator = Schemas['Creator'];

/** The creator's channels: platform, handle (a link), followers, verified. */
export function CreatorChannels({ creator }: { creator: Creator }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <>
      <section className="section" aria-labelledby="channels-title">
        <h2 id="channels-title">{t('creator.channels.title')}</h2>
        {creator.channels.length === 0 ? (
          <p className="empty">{t('creator.channels.empty')}</p>
        ) : (
          <div className="table-scroll">
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">{t('creator.channels.platform')}</th>
                  <th scope="col">{t('creator.channels.handle')}</th>
                  <th scope="col" className="numeric">
                    {t('creator.channels.followers')}
                  </th>
                  <th scope="col">{t('creator.channels.verified')}</th>
                </tr>
              </thead>
              <tbody>
                {creator.channels.map((channel) => (
                  <tr key={channel.id}>
                    <td>{t(`enums.platform.${channel.platform}`)}</td>
                    <td>
                      <a href={channel.url} rel="noreferrer noopener" target="_blank">
                        @{channel.handle}
                      </a>
                    </td>
                    <td className="numeric">{format.number(channel.followers)}</td>
                    <td>{channel.verified ? t('app.yes') : t('app.no')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}

/** The creator's active agreements: ours open, another agency's by number only. */
export function CreatorAgreements({ creator }: { creator: Creator }) {
  const { t } = useTranslation();
  const format = useFormat();
  const session = useSession();
  return (
    <>
      <section className="section" aria-labelledby="agreements-title">
        <h2 id="agreements-title">{t('creator.agreements.title')}</h2>
        {(session.can('read', 'Agreement') || session.can('create', 'Agreement')) && (
          <p className="section-links">
            {session.can('read', 'Agreement') && (
              <Link to={`/agreements?counterpartyId=${creator.id}`}>{t('creator.agreements.all')}</Link>
            )}
            {session.can('create', 'Agreement') && (
              <Link to={`/agreements/new?counterparty=${creator.id}`}>{t('creator.agreements.new')}</Link>
            )}
          </p>
        )}
        {!creator.activeAgreements?.length ? (
          <p className="empty">{t('creator.agreements.empty')}</p>
        ) : (
          <div className="table-scroll">
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">{t('creator.agreements.number')}</th>
                  <th scope="col">{t('creator.agreements.agency')}</th>
                  <th scope="col">{t('creator.agreements.term')}</th>
                </tr>
              </thead>
              <tbody>
                {creator.activeAgreements.map((agreement) => (
                  <tr key={agreement.agreementId}>
                    <td className="mono">
                      {/* Another agency's agreement is not ours to open: its number only. */}
                      {session.can('read', 'Agreement') && agreement.agencyId === session.me?.agency?.id ? (
                        <Link to={`/agreements/${agreement.agreementId}`}>{agreement.number}</Link>
                      ) : (
                        agreement.number
                      )}
                    </td>
                    <td>{format.agency(agreement.agencyId)}</td>
                    <td>
                      {t('creator.agreements.termValue', {
                        start: format.date(agreement.termStart),
                        end: format.date(agreement.termEnd),
                      })}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}

/** Training completed and incidents recorded (incidents only for those who may read them). */
export function CreatorRecords({ creator }: { creator: Creator }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <>
      <section className="section" aria-labelledby="training-title">
        <h2 id="training-title">{t('creator.training.title')}</h2>
        {creator.training.length === 0 ? (
          <p className="empty">{t('creator.training.empty')}</p>
        ) : (
          <div className="table-scroll">
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">{t('creator.training.course')}</th>
                  <th scope="col">{t('creator.training.completedAt')}</th>
                  <th scope="col" className="numeric">
                    {t('creator.training.hours')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {creator.training.map((training) => (
                  <tr key={training.id}>
                    <td>{training.course}</td>
                    <td>{format.date(training.completedAt)}</td>
                    <td className="numeric">{training.hours ?? t('app.none')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      {creator.incidents && (
        <section className="section" aria-labelledby="incidents-title">
          <h2 id="incidents-title">{t('creator.incidents.title')}</h2>
          {creator.incidents.length === 0 ? (
            <p className="empty">{t('creator.incidents.empty')}</p>
          ) : (
            <div className="table-scroll">
              <table className="data-table">
                <thead>
                  <tr>
                    <th scope="col">{t('creator.incidents.occurredAt')}</th>
                    <th scope="col">{t('creator.incidents.severity')}</th>
                    <th scope="col">{t('creator.incidents.description')}</th>
                    <th scope="col">{t('creator.incidents.actionTaken')}</th>
                  </tr>
                </thead>
                <tbody>
                  {creator.incidents.map((incident) => (
                    <tr key={incident.id}>
                      <td>{format.date(incident.occurredAt)}</td>
                      <td>{t(`enums.severity.${incident.severity}`)}</td>
                      <td>{incident.description}</td>
                      <td>{incident.actionTaken ?? t('app.none')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      )}
    </>
  );
}
