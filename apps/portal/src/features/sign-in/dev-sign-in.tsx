import { useTranslation } from 'react-i18next';
import type { Schemas } from '../../api/client';
import { useFormat } from '../../lib/format';

type DevUser = Schemas['DevUsers'][number];

/** The seeded users, grouped by agency: one click signs in as one (development only). */
export function DevUsers({
  users,
  busy,
  onSignIn,
}: {
  users: DevUser[];
  busy: boolean;
  onSignIn: (username: string) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const groups = new Map<string, DevUser[]>();
  for (const user of users) groups.set(user.orgId, [...(groups.get(user.orgId) ?? []), user]);
  const roles = (user: DevUser) =>
    user.roles.map((r) => t(`roles.${r}` as 'roles.admin', { defaultValue: r })).join(', ');
  return (
    <section className="panel" aria-labelledby="dev-users-title">
      <h2 id="dev-users-title">{t('signIn.devTitle')}</h2>
      <p>{t('signIn.devIntro')}</p>
      {[...groups].map(([orgId, members]) => (
        <section key={orgId} className="user-group" aria-labelledby={`org-${orgId}`}>
          <h3 id={`org-${orgId}`}>{format.agency(orgId)}</h3>
          <ul className="user-list">
            {members.map((user) => (
              <li key={user.username}>
                <button
                  type="button"
                  className="user-button"
                  disabled={busy}
                  aria-label={`${t('signIn.signInAs', { name: user.name })} (${user.username}, ${roles(user)})`}
                  onClick={() => onSignIn(user.username)}
                >
                  <span className="user-name">{user.name}</span>
                  <span className="user-meta">{roles(user)}</span>
                  <span className="user-meta mono">{user.username}</span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </section>
  );
}
