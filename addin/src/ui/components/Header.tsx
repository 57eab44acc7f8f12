/** Top bar: product name, who is signed in (with sign-out) and the language switch. */
import { Button, Caption1, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { UserInfo } from '../../../../shared/api.js';
import { useI18n } from '../../i18n/index.js';
import { LanguageSwitch } from './LanguageSwitch.js';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  title: { flexGrow: 1, whiteSpace: 'nowrap' },
  user: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXXS, minWidth: 0, color: tokens.colorNeutralForeground3 },
  // A long username gives way first: the pane is ~320 px wide and the buttons must stay whole.
  name: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', minWidth: 0 },
});

export function Header({ user, onSignOut }: { user: UserInfo | null; onSignOut(): void }) {
  const { t } = useI18n();
  const styles = useStyles();
  return (
    <header className={styles.root}>
      <Text weight="semibold" size={400} className={styles.title}>
        {t.app.title}
      </Text>
      {user ? (
        <span className={styles.user}>
          <Caption1 className={styles.name} title={t.auth.signedInAs(user.username, t.roles[user.role])}>
            {t.auth.signedInAs(user.username, t.roles[user.role])}
          </Caption1>
          <Button size="small" appearance="subtle" onClick={onSignOut}>
            {t.auth.signOut}
          </Button>
        </span>
      ) : null}
      <LanguageSwitch />
    </header>
  );
}
