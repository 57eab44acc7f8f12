/**
 * Language of the task pane: Bahasa Indonesia by default, English as a setting kept in (partitioned) localStorage.
 */
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import type { Lang } from '../../../shared/issues.js';
import type { KeyValueStore } from '../office/storage.js';
import { en } from './en.js';
import { id, type Messages } from './id.js';

export type { Messages };
export const CATALOGUES: Record<Lang, Messages> = { id, en };
const LANG_KEY = 'lang';

interface I18n {
  lang: Lang;
  t: Messages;
  setLang(lang: Lang): void;
}

const I18nContext = createContext<I18n>({ lang: 'id', t: id, setLang: () => undefined });

export function storedLang(store: KeyValueStore): Lang {
  return store.get(LANG_KEY) === 'en' ? 'en' : 'id';
}

export function I18nProvider({ store, children }: { store: KeyValueStore; children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(() => storedLang(store));
  const setLang = useCallback(
    (next: Lang) => {
      store.set(LANG_KEY, next);
      setLangState(next);
    },
    [store],
  );
  const value = useMemo(() => ({ lang, t: CATALOGUES[lang], setLang }), [lang, setLang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  return useContext(I18nContext);
}
