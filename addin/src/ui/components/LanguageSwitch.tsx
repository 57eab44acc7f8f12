/** Bahasa Indonesia ⇄ English; the choice is kept in (partitioned) localStorage by the I18nProvider. */
import { Button } from '@fluentui/react-components';
import { useI18n } from '../../i18n/index.js';

export function LanguageSwitch() {
  const { lang, t, setLang } = useI18n();
  const next = lang === 'id' ? 'en' : 'id';
  // The label is written in the language it switches to, so a reader of either language can find it.
  return (
    <Button size="small" appearance="subtle" onClick={() => setLang(next)} lang={next} title={t.lang.tooltip}>
      {t.lang.switchTo}
    </Button>
  );
}
