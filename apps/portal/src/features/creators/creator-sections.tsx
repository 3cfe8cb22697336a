import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Schemas } from '../../api/client';
import { DataTable } from '../../components/data-table';
import { Section } from '../../components/section';
import { useFormat } from '../../lib/format';
import { useSession } from '../../session/session';

type Creator = Schemas['Creator'];

/** The creator's channels: platform, handle (a link), followers, verified. */
export function CreatorChannels({ creator }: { creator: Creator }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Section id="channels-title" title="creator.channels.title">
      <DataTable
        rows={creator.channels}
        rowKey={(channel) => channel.id}
        empty="creator.channels.empty"
        columns={[
          { id: 'platform', header: 'creator.channels.platform', cell: (c) => t(`enums.platform.${c.platform}`) },
          {
            id: 'handle',
            header: 'creator.channels.handle',
            cell: (c) => (
              <a href={c.url} rel="noreferrer noopener" target="_blank">
                @{c.handle}
              </a>
            ),
          },
          {
            id: 'followers',
            header: 'creator.channels.followers',
            numeric: true,
            cell: (c) => format.number(c.followers),
          },
          {
            id: 'verified',
            header: 'creator.channels.verified',
            cell: (c) => (c.verified ? t('app.yes') : t('app.no')),
          },
        ]}
      />
    </Section>
  );
}

/** The creator's active agreements: ours open, another agency's by number only. */
export function CreatorAgreements({ creator }: { creator: Creator }) {
  const { t } = useTranslation();
  const format = useFormat();
  const session = useSession();
  // Another agency's agreement is not ours to open: its number only.
  const opens = (agencyId: string) => session.can('read', 'Agreement') && agencyId === session.me?.agency?.id;
  return (
    <Section id="agreements-title" title="creator.agreements.title">
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
      <DataTable
        rows={creator.activeAgreements ?? []}
        rowKey={(agreement) => agreement.agreementId}
        empty="creator.agreements.empty"
        columns={[
          {
            id: 'number',
            header: 'creator.agreements.number',
            className: 'mono',
            cell: (a) => (opens(a.agencyId) ? <Link to={`/agreements/${a.agreementId}`}>{a.number}</Link> : a.number),
          },
          { id: 'agency', header: 'creator.agreements.agency', cell: (a) => format.agency(a.agencyId) },
          {
            id: 'term',
            header: 'creator.agreements.term',
            cell: (a) =>
              t('creator.agreements.termValue', { start: format.date(a.termStart), end: format.date(a.termEnd) }),
          },
        ]}
      />
    </Section>
  );
}

/** Training completed and incidents recorded (incidents only for those who may read them). */
export function CreatorRecords({ creator }: { creator: Creator }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <>
      <Section id="training-title" title="creator.training.title">
        <DataTable
          rows={creator.training}
          rowKey={(training) => training.id}
          empty="creator.training.empty"
          columns={[
            { id: 'course', header: 'creator.training.course', cell: (training) => training.course },
            {
              id: 'completedAt',
              header: 'creator.training.completedAt',
              cell: (training) => format.date(training.completedAt),
            },
            {
              id: 'hours',
              header: 'creator.training.hours',
              numeric: true,
              cell: (training) => training.hours ?? t('app.none'),
            },
          ]}
        />
      </Section>

      {creator.incidents && (
        <Section id="incidents-title" title="creator.incidents.title">
          <DataTable
            rows={creator.incidents}
            rowKey={(incident) => incident.id}
            empty="creator.incidents.empty"
            columns={[
              {
                id: 'occurredAt',
                header: 'creator.incidents.occurredAt',
                cell: (incident) => format.date(incident.occurredAt),
              },
              {
                id: 'severity',
                header: 'creator.incidents.severity',
                cell: (incident) => t(`enums.severity.${incident.severity}`),
              },
              { id: 'description', header: 'creator.incidents.description', cell: (incident) => incident.description },
              {
                id: 'actionTaken',
                header: 'creator.incidents.actionTaken',
                cell: (incident) => incident.actionTaken ?? t('app.none'),
              },
            ]}
          />
        </Section>
      )}
    </>
  );
}
