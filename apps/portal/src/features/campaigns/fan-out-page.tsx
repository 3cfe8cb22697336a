import { useParams } from 'react-router';
import { FanOutFollow } from './fan-out-follow';
import { FanOutStart } from './fan-out-start';

/**
 * Offering a brief to creators, and following the offer: at
 * `/campaigns/:id/briefs/:briefId/fan-out` the form (a registry filter or
 * chosen creators); at `/fan-outs/:fanOutId` a live progress bar while it runs,
 * then each creator's outcome, with skip reasons in words.
 */
export default function FanOutPage({ pollMs = 1000 }: { pollMs?: number }) {
  const { fanOutId } = useParams();
  return fanOutId ? <FanOutFollow key={fanOutId} id={fanOutId} pollMs={pollMs} /> : <FanOutStart />;
}
