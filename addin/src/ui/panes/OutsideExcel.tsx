/** Shown when the page is opened outside Excel (Office.onReady reports no host): a polite pointer, nothing else. */
import { Body1, Title3, makeStyles, tokens } from '@fluentui/react-components';
import { useI18n } from '../../i18n/index.js';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalL, maxWidth: '36rem' },
  steps: { margin: 0, paddingLeft: tokens.spacingHorizontalXL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
});

export function OutsideExcel() {
  const { t } = useI18n();
  const styles = useStyles();
  return (
    <main className={styles.root}>
      <Title3 as="h1">{t.outside.title}</Title3>
      <Body1>{t.outside.body}</Body1>
      <ol className={styles.steps}>
        {t.outside.steps.map((s) => (
          <li key={s}>
            <Body1>{s}</Body1>
          </li>
        ))}
      </ol>
      <Body1>{t.outside.thanks}</Body1>
    </main>
  );
}
