/** Sign in: server URL (default: this page's origin) and username/password → a bearer token for this partition. */
import { Button, Field, Input, MessageBar, MessageBarBody, Title3, makeStyles, tokens } from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import { ApiClient, normalizeServerUrl } from '../../api/client.js';
import { useI18n } from '../../i18n/index.js';
import { ActionStatus } from '../components/ActionStatus.js';
import { useAction } from '../hooks/useAction.js';
import type { LoginResponse } from '../../../../shared/api.js';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalL, maxWidth: '28rem' },
});

export interface SignInProps {
  initialServerUrl: string;
  fetchImpl?: typeof fetch;
  /** Why the user is here again (their token expired or was revoked). */
  expired?: boolean;
  onSignedIn(serverUrl: string, login: LoginResponse): void;
}

function isHttpUrl(s: string): boolean {
  try {
    const u = new URL(s);
    return u.protocol === 'https:' || u.protocol === 'http:';
  } catch {
    return false;
  }
}

export function SignInPane({ initialServerUrl, fetchImpl, expired, onSignedIn }: SignInProps) {
  const { t } = useI18n();
  const styles = useStyles();
  const action = useAction();
  const [serverUrl, setServerUrl] = useState(initialServerUrl);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [touched, setTouched] = useState(false);
  const urlOk = isHttpUrl(serverUrl.trim());

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (!urlOk || !username.trim() || !password) return;
    const url = normalizeServerUrl(serverUrl);
    const login = await action.run(t.auth.signingIn, ({ signal }) => new ApiClient({ baseUrl: url, fetch: fetchImpl }).login(username.trim(), password, signal));
    if (login) {
      setPassword('');
      onSignedIn(url, login);
    }
  };

  return (
    <form className={styles.form} onSubmit={submit} noValidate aria-labelledby="signin-title">
      <Title3 as="h1" id="signin-title">
        {t.auth.title}
      </Title3>
      {expired ? (
        <MessageBar intent="warning">
          <MessageBarBody>{t.auth.expired}</MessageBarBody>
        </MessageBar>
      ) : null}
      <Field label={t.auth.serverUrl} hint={t.auth.serverHint} required validationMessage={touched && !urlOk ? t.auth.serverInvalid : undefined}>
        <Input type="url" value={serverUrl} onChange={(_, d) => setServerUrl(d.value)} autoComplete="url" />
      </Field>
      <Field label={t.auth.username} required validationMessage={touched && !username.trim() ? t.auth.required : undefined}>
        <Input value={username} onChange={(_, d) => setUsername(d.value)} autoComplete="username" />
      </Field>
      <Field label={t.auth.password} required validationMessage={touched && !password ? t.auth.required : undefined}>
        <Input type="password" value={password} onChange={(_, d) => setPassword(d.value)} autoComplete="current-password" />
      </Field>
      <ActionStatus state={action.state} onCancel={action.cancel} onDismiss={action.dismiss} />
      <Button type="submit" appearance="primary" disabled={action.state.busy}>
        {t.auth.signIn}
      </Button>
    </form>
  );
}
