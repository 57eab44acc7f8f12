/**
 * The styles of a list of entries (a round's units, the register's versions): one entry per item, a heading line of
 * name and badges that wraps in a narrow pane, and a thin rule between entries.
 */
import { makeStyles, tokens } from '@fluentui/react-components';

export const useEntryListStyles = makeStyles({
  list: { margin: 0, padding: 0, listStyleType: 'none', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  item: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    paddingBottom: tokens.spacingVerticalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  line: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
});
