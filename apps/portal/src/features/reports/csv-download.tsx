import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { settle } from '../../api/client';
import { ProblemAlert } from '../../components/messages';
import { saveFile } from '../../lib/save-file';
import { useMutation } from '../../lib/use-mutation';
import { useApiClient } from '../../session/session';

/**
 * The CSV needs the bearer token (the gateway reads no token from cookies or
 * the address), so a plain link would be refused: it is fetched with the
 * client and handed to the browser as a file.
 */
export function CsvDownload({ campaignId, fileName }: { campaignId: string; fileName: string }) {
  const { t } = useTranslation();
  const api = useApiClient();
  const fetching = useMutation();
  const [done, setDone] = useState(false);

  async function download() {
    setDone(false);
    const result = await fetching.run(campaignId, () =>
      settle(api.GET('/v1/campaigns/{id}/report.csv', { params: { path: { id: campaignId } }, parseAs: 'blob' })),
    );
    if (!result.ok) return;
    saveFile(result.data, fileName, 1000);
    setDone(true);
  }

  return (
    <div className="csv-download">
      <button
        type="button"
        className="button-secondary"
        onClick={() => void download()}
        disabled={fetching.busy}
        aria-describedby="csv-hint"
      >
        {fetching.busy ? t('report.csv.preparing') : t('report.csv.download')}
      </button>
      <p id="csv-hint" className="hint">
        {t('report.csv.hint')}
      </p>
      <p className="visually-hidden" role="status" aria-live="polite">
        {done ? t('report.csv.done', { file: fileName }) : ''}
      </p>
      {fetching.problem && <ProblemAlert problem={fetching.problem} onRetry={() => void download()} />}
    </div>
  );
}
