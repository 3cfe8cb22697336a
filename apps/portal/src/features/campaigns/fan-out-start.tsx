import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { settle } from '../../api/client';
import { FormProblem, Loading, ProblemAlert } from '../../components/messages';
import { PageHeading } from '../../components/page';
import { useApi } from '../../lib/use-api';
import { useForm } from '../../lib/use-form';
import { useApiClient, useSession } from '../../session/session';
import { useAreaErrors } from './area-errors';
import { ChooseCreators } from './choose-creators';
import {
  FAN_OUT_FORM_PATHS,
  buildFanOut,
  emptyFanOutDraft,
  toFormPaths,
  validateFanOut,
  type FanOutDraft,
} from './fan-out';
import { FanOutFilter } from './fan-out-filter';
import { FormActions } from '../../components/form-actions';
import { Radios } from '../../components/radios';
import { keyed } from '../../lib/idempotency';

/** The request path whose errors a change of `field` answers. */
function pathOf(field: keyof FanOutDraft): string {
  if (field === 'mode' || field === 'creators') return 'creatorIds';
  if (field === 'override' || field === 'overrideReason') return 'overrides';
  return `filter.${field}`;
}

/** Offers a brief to creators: those a registry filter finds, or creators chosen by name. */
export function FanOutStart() {
  const { t } = useTranslation();
  const { id: campaignId = '', briefId = '' } = useParams();
  const api = useApiClient();
  const session = useSession();
  const navigate = useNavigate();
  const campaign = useApi(
    (signal) => settle(api.GET('/v1/campaigns/{id}', { params: { path: { id: campaignId } }, signal })),
    [api, campaignId],
  );
  const briefs = useApi(
    (signal) => settle(api.GET('/v1/campaigns/{id}/briefs', { params: { path: { id: campaignId } }, signal })),
    [api, campaignId],
  );
  const brief = briefs.data?.items.find((b) => b.id === briefId);
  const form = useForm({
    initial: emptyFanOutDraft,
    validate: (draft) => validateFanOut(buildFanOut(draft)),
    request: (draft) => {
      const body = buildFanOut(draft);
      return {
        body,
        send: (key) => settle(api.POST('/v1/briefs/{id}/assignments', { params: keyed(key, { id: briefId }), body })),
        toForm: toFormPaths,
      };
    },
    pathOf,
    onDone: (view) => void navigate(`/fan-outs/${view.id}`, { state: { view } }),
  });
  const { shown, at } = useAreaErrors(form.errors, FAN_OUT_FORM_PATHS);
  const { values: draft, problem, busy } = form;
  const owner = campaign.data && session.me?.agency?.id === campaign.data.ownerAgencyId;
  const allowed = session.can('update', 'Assignment') && owner !== false;
  const title = brief ? t('fanOut.start.titleOf', { title: brief.title }) : t('fanOut.start.title');

  return (
    <div className="page page-form">
      <p className="breadcrumb">
        <Link to="/campaigns">{t('campaignsArea.list.title')}</Link>
        {campaign.data && (
          <>
            {' › '}
            <Link to={`/campaigns/${campaignId}`}>{campaign.data.title}</Link>
          </>
        )}
      </p>
      <PageHeading title={title} />
      <p className="lead">{t('fanOut.start.intro')}</p>
      {(campaign.state === 'loading' || briefs.state === 'loading') && !brief && <Loading label={t('app.loading')} />}
      {campaign.state === 'error' && <ProblemAlert problem={campaign.problem} onRetry={campaign.reload} />}
      {briefs.state === 'error' && <ProblemAlert problem={briefs.problem} onRetry={briefs.reload} />}
      {briefs.state === 'ok' && !brief && <p className="alert alert-error">{t('fanOut.start.noBrief')}</p>}
      {!allowed && <p className="alert alert-info">{t('fanOut.start.forbidden')}</p>}
      {campaign.data && campaign.data.status !== 'active' && (
        <p className="alert alert-info">
          {t('fanOut.start.notActive', { status: t(`campaignsArea.status.${campaign.data.status}`) })}
        </p>
      )}

      <div ref={form.summary} tabIndex={-1} className="summary-anchor">
        {shown.length > 0 && (
          <p className="alert alert-error" role="alert">
            {t('fanOut.start.fix')}
          </p>
        )}
        <FormProblem problem={problem} placedAll={shown.length > 0} />
      </div>

      {allowed && (
        <form onSubmit={(e) => void form.submit(e)} noValidate aria-busy={busy}>
          <fieldset className="group">
            <legend>{t('fanOut.start.target')}</legend>
            <Radios
              name="fan-out-mode"
              values={['filter', 'creators'] as const}
              text={(mode) => t(`fanOut.start.mode.${mode}`)}
              {...form.choose('mode')}
            />
          </fieldset>

          {draft.mode === 'filter' ? (
            <FanOutFilter form={form} at={at} problem={problem} />
          ) : (
            <ChooseCreators
              draft={draft}
              errors={at('creatorIds')}
              overrideErrors={at('overrides')}
              problem={problem}
              onChange={(creators) => form.set('creators', creators)}
              onOverride={(override, reason) =>
                form.edit('overrides', (d) => ({ ...d, override, overrideReason: reason }))
              }
            />
          )}

          <FormActions busy={busy} submit={t('fanOut.start.submit')} submitting={t('fanOut.start.submitting')} />
        </form>
      )}
    </div>
  );
}
