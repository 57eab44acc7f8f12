/**
 * Validation issues grouped by severity. Each issue is a button: activating it (click, Enter, Space) selects the
 * cell in the sheet, so a keyboard user can walk the list with Tab.
 */
import { Button, Caption1, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { ValidationIssue } from '../../../../shared/issues.js';
import { columnLabel } from '../../i18n/format.js';
import { useI18n } from '../../i18n/index.js';
import { groupIssues, issueColumn, issueKey } from '../logic/issues.js';

const useStyles = makeStyles({
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  list: { margin: 0, padding: 0, listStyleType: 'none', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  item: {
    justifyContent: 'flex-start',
    textAlign: 'start',
    width: '100%',
    height: 'auto',
    paddingTop: tokens.spacingVerticalXS,
    paddingBottom: tokens.spacingVerticalXS,
    borderLeftWidth: tokens.strokeWidthThickest,
    borderLeftStyle: 'solid',
  },
  error: { borderLeftColor: tokens.colorPaletteRedBorder2 },
  warning: { borderLeftColor: tokens.colorPaletteYellowBorder2 },
  text: { display: 'flex', flexDirection: 'column', fontWeight: tokens.fontWeightRegular, overflowWrap: 'anywhere' },
  where: { color: tokens.colorNeutralForeground3 },
  errorHeading: { color: tokens.colorPaletteRedForeground1 },
  warningHeading: { color: tokens.colorPaletteMarigoldForeground1 },
});

/** Thousands of issues on a large sheet would freeze a task pane; the cells are marked anyway. */
const MAX_PER_GROUP = 200;

export function IssueList({ issues, onSelect }: { issues: readonly ValidationIssue[]; onSelect(issue: ValidationIssue): void }) {
  const { t, lang } = useI18n();
  const styles = useStyles();
  const groups = groupIssues(issues);
  return (
    <>
      {groups.map((g) => (
        <div key={g.severity} className={styles.group}>
          <Text as="h3" weight="semibold" className={g.severity === 'error' ? styles.errorHeading : styles.warningHeading}>
            {g.severity === 'error' ? t.issues.errors(g.issues.length) : t.issues.warnings(g.issues.length)}
          </Text>
          <ul className={styles.list}>
            {g.issues.slice(0, MAX_PER_GROUP).map((i) => (
              <li key={issueKey(i)}>
                <Button
                  appearance="subtle"
                  className={mergeClasses(styles.item, g.severity === 'error' ? styles.error : styles.warning)}
                  onClick={() => onSelect(i)}
                  disabled={i.rowIndex < 0}
                >
                  <span className={styles.text}>
                    <Caption1 className={styles.where}>
                      {i.rowIndex < 0 ? t.issues.wholeSheet : t.issues.where(i.rowIndex + 2, columnLabel(lang, issueColumn(i)))}
                    </Caption1>
                    <span>{i.message}</span>
                  </span>
                </Button>
              </li>
            ))}
            {g.issues.length > MAX_PER_GROUP ? (
              <li>
                <Caption1 className={styles.where}>{t.issues.more(g.issues.length - MAX_PER_GROUP)}</Caption1>
              </li>
            ) : null}
          </ul>
        </div>
      ))}
    </>
  );
}
