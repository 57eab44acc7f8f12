/** Riwayat: the register's versions (author, time, state) and a diff between any two of them. */
import { Badge, Button, Caption1, Field, Select, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useState } from 'react';
import type { VersionMeta, VersionState } from '../../../../shared/api.js';
import type { RowDiff } from '../../../../shared/diff.js';
import type { ApiClient } from '../../api/client.js';
import { formatDateTime } from '../../i18n/format.js';
import { useI18n } from '../../i18n/index.js';
import { ActionStatus } from '../components/ActionStatus.js';
import { DiffView } from '../components/DiffView.js';
import { useEntryListStyles } from '../components/entryList.js';
import { Section } from '../components/Section.js';
import { WorkflowSection } from '../components/WorkflowSection.js';
import { useAction } from '../hooks/useAction.js';
import { useFirstLoad } from '../hooks/useFirstLoad.js';
import { titlesById } from '../logic/changes.js';
import { defaultPair } from '../logic/history.js';

const useStyles = makeStyles({
  muted: { color: tokens.colorNeutralForeground3 },
  message: { overflowWrap: 'anywhere' },
  pair: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: tokens.spacingHorizontalS },
  grow: { flexGrow: 1, minWidth: '6rem' },
  start: { alignSelf: 'flex-start' },
});

const STATE_COLOR: Record<VersionState, 'informative' | 'warning' | 'success' | 'brand' | 'danger'> = {
  draft: 'informative',
  submitted: 'warning',
  approved: 'success',
  published: 'brand',
  rejected: 'danger',
};

/** One end of the comparison: a pick among the versions. */
function VersionField({ className, label, versions, value, onChange }: { className: string; label: string; versions: readonly VersionMeta[]; value: number | null; onChange(v: number): void }) {
  const { t } = useI18n();
  return (
    <Field className={className} label={label}>
      <Select value={value === null ? '' : String(value)} onChange={(_, d) => onChange(Number(d.value))}>
        {versions.map((v) => (
          <option key={v.version} value={v.version}>
            {t.history.versionOption(v.version)}
          </option>
        ))}
      </Select>
    </Field>
  );
}

/** `canActOnWorkflow`: the PPID, who submits, records meetings and publishes from here. */
export function HistoryPane({ api, onError, canActOnWorkflow = false }: { api: ApiClient; onError(err: unknown): void; canActOnWorkflow?: boolean }) {
  const { t, lang } = useI18n();
  const styles = { ...useEntryListStyles(), ...useStyles() };
  const action = useAction({ onError });
  const [versions, setVersions] = useState<VersionMeta[] | null>(null);
  const [from, setFrom] = useState<number | null>(null);
  const [to, setTo] = useState<number | null>(null);
  const [result, setResult] = useState<{ from: number; to: number; diff: RowDiff; titles: Map<string, string> } | null>(null);
  const { run, fail } = action;

  const show = useCallback((list: VersionMeta[]) => {
    // Newest first: the one people look for.
    const sorted = [...list].sort((a, b) => b.version - a.version);
    setVersions(sorted);
    const pair = defaultPair(sorted);
    setFrom(pair?.from ?? null);
    setTo(pair?.to ?? null);
  }, []);

  const reload = async () => {
    const list = await run(t.history.loading, ({ signal }) => api.versions(signal), { cancelable: true });
    if (list) show(list);
  };

  // Muat ulang reloads on demand.
  const firstLoad = useCallback((signal: AbortSignal) => api.versions(signal).then(show), [api, show]);
  useFirstLoad(firstLoad, onError, fail);

  const compare = async (a: number | null, b: number | null) => {
    if (a === null || b === null) return;
    const r = await run(
      t.history.comparing,
      async ({ signal }) => {
        // The diff lists changed rows by id only: the target version's rows give them their titles.
        const [d, target] = await Promise.all([api.diff(a, b, signal), api.version(b, signal)]);
        return { from: a, to: b, diff: d, titles: titlesById(target.data.rows) };
      },
      { cancelable: true },
    );
    if (r) setResult(r);
  };

  const compareWithParent = (v: VersionMeta) => {
    if (v.parent === null) return;
    setFrom(v.parent);
    setTo(v.version);
    void compare(v.parent, v.version);
  };

  const options = versions ?? [];
  return (
    <>
      <ActionStatus state={action.state} onCancel={action.cancel} onDismiss={action.dismiss} />
      {canActOnWorkflow && versions && versions.length > 0 ? <WorkflowSection api={api} versions={versions} onChanged={() => void reload()} onError={onError} /> : null}
      <Section title={t.history.compareTitle}>
        {options.length < 2 ? (
          <Text className={styles.muted}>{versions ? t.history.needTwo : t.history.loading}</Text>
        ) : (
          <div className={styles.pair}>
            <VersionField className={styles.grow} label={t.history.from} versions={options} value={from} onChange={setFrom} />
            <VersionField className={styles.grow} label={t.history.to} versions={options} value={to} onChange={setTo} />
            <Button appearance="primary" onClick={() => void compare(from, to)} disabled={action.state.busy || from === null || to === null || from === to}>
              {t.history.compare}
            </Button>
          </div>
        )}
        {result ? (
          <>
            <Text weight="semibold">{t.history.diffHeading(result.from, result.to)}</Text>
            <DiffView diff={result.diff} titles={result.titles} />
          </>
        ) : null}
      </Section>
      <Section title={t.history.title}>
        <Button className={styles.start} size="small" appearance="subtle" onClick={() => void reload()} disabled={action.state.busy}>
          {t.history.reload}
        </Button>
        {versions && versions.length === 0 ? <Text className={styles.muted}>{t.history.empty}</Text> : null}
        <ul className={styles.list}>
          {options.map((v) => (
            <li key={v.version} className={styles.item}>
              <div className={styles.line}>
                <Text weight="semibold">{t.history.versionOption(v.version)}</Text>
                <Badge appearance="tint" color={STATE_COLOR[v.state]}>
                  {t.states[v.state]}
                </Badge>
                {v.version === options[0]?.version ? (
                  <Badge appearance="outline" color="informative">
                    {t.history.latest}
                  </Badge>
                ) : null}
              </div>
              <Text className={styles.message}>{v.message}</Text>
              <Caption1 className={styles.muted}>{t.history.meta(v.author, formatDateTime(lang, v.createdAt), v.rowCount)}</Caption1>
              {v.parent !== null ? (
                <div>
                  <Button size="small" appearance="subtle" onClick={() => compareWithParent(v)} disabled={action.state.busy}>
                    {t.history.compareWithParent(v.parent)}
                  </Button>
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      </Section>
    </>
  );
}
