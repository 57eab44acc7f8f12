/** Progress, errors and the last outcome of a pane, kept in view (sticky) while a long review scrolls under it. */
import { makeStyles, tokens } from '@fluentui/react-components';
import type { usePane } from '../hooks/usePane.js';
import { ActionStatus } from './ActionStatus.js';
import { Notice } from './Notice.js';

const useStyles = makeStyles({
  status: {
    position: 'sticky',
    top: 0,
    zIndex: 1,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    backgroundColor: tokens.colorNeutralBackground2,
  },
});

export function PaneStatus({ pane }: { pane: ReturnType<typeof usePane> }) {
  const styles = useStyles();
  return (
    <div className={styles.status}>
      <ActionStatus state={pane.action.state} onCancel={pane.action.cancel} onDismiss={pane.action.dismiss} />
      <Notice notice={pane.notice} onDismiss={() => pane.setNotice(null)} />
    </div>
  );
}
