import { useState } from 'react';
import { useParams } from 'react-router';
import type { ConcordClient, Result } from '../api/client';
import { useApiClient } from '../session/session';
import { useApi } from './use-api';

/**
 * What a record's page holds: the record named by the `id` in the address,
 * read with `read`, and the notice its last write left. `done` says what a
 * write did and reads the record again.
 */
export function useRecordPage<T>(
  read: (api: ConcordClient, id: string, signal: AbortSignal) => Promise<Result<T>>,
  firstNotice = '',
) {
  const { id = '' } = useParams();
  const api = useApiClient();
  const loaded = useApi((signal) => read(api, id, signal), [api, id]);
  const [notice, setNotice] = useState(firstNotice);
  const done = (message: string) => {
    setNotice(message);
    loaded.reload();
  };
  return { loaded, notice, setNotice, done };
}
