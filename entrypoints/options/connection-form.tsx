import { useId, useState, type FormEvent } from 'react';
import { Notice, type NoticeTone } from '../../components/notice';
import { HELPDESK_ADAPTERS, connectionOrigins, getAdapter } from '../../lib/helpdesks/registry';
import { AUTH_TYPE_LABELS, authTypesFor } from '../../lib/messaging/auth-types';
import { sendMessage } from '../../lib/messaging/messenger';
import {
  credentialsSchema,
  describeZodError,
  parseHelpdeskOrigin,
  type AuthType,
  type Connection,
  type Credentials,
} from '../../lib/model';
import { hostAccessRefused, requestHostAccess } from './host-access';

type Result = { tone: NoticeTone; text: string };
type Prepared = { origin: string; credentials: Credentials | null; label: string };

/**
 * Add or edit one connection. Credentials go to the background in `testConnection` and
 * `saveConnection` only; this page never reads them back, so editing shows empty secret fields.
 */
export function ConnectionForm({
  existing,
  onClose,
}: {
  existing: Connection | null;
  onClose(saved: Connection | null): void;
}) {
  const id = useId();
  const [kind, setKind] = useState(existing?.kind ?? HELPDESK_ADAPTERS[0]!.kind);
  const [label, setLabel] = useState(existing?.label ?? '');
  const [origin, setOrigin] = useState(existing?.origin ?? '');
  const [authType, setAuthType] = useState<AuthType>(existing?.authType ?? authTypesFor(kind)[0] ?? 'api-token');
  const [secret, setSecret] = useState({ email: '', token: '', apiKey: '', clientId: '', clientSecret: '' });
  const [result, setResult] = useState<Result | null>(null);
  const [busy, setBusy] = useState(false);
  const adapter = getAdapter(kind);
  const authTypes = authTypesFor(kind);

  function chooseKind(next: string) {
    setKind(next);
    setAuthType(authTypesFor(next)[0] ?? 'api-token');
  }

  /** Everything checkable without the network, synchronously (the permission request must come first). */
  function prepare(): Prepared | null {
    const parsedOrigin = parseHelpdeskOrigin(origin);
    if (!parsedOrigin.ok) return fail(`Base URL: ${parsedOrigin.error}`);
    const name = label.trim() || `${adapter?.label ?? kind} ${new URL(parsedOrigin.origin).hostname}`;
    const blank =
      authType === 'api-token'
        ? !secret.email && !secret.token
        : authType === 'api-key'
          ? !secret.apiKey
          : authType === 'oauth-client'
            ? !secret.clientId && !secret.clientSecret
            : !secret.token;
    if (blank && existing && existing.authType === authType)
      return { origin: parsedOrigin.origin, credentials: null, label: name };
    const raw =
      authType === 'api-token'
        ? { type: authType, email: secret.email.trim(), token: secret.token.trim() }
        : authType === 'api-key'
          ? { type: authType, apiKey: secret.apiKey.trim() }
          : authType === 'oauth-client'
            ? { type: authType, clientId: secret.clientId.trim(), clientSecret: secret.clientSecret.trim() }
            : { type: authType, token: secret.token.trim() };
    const credentials = credentialsSchema.safeParse(raw);
    if (!credentials.success) return fail(`Credentials: ${describeZodError(credentials.error)}`);
    return { origin: parsedOrigin.origin, credentials: credentials.data, label: name };
  }

  function fail(text: string): null {
    setResult({ tone: 'error', text });
    return null;
  }

  function run(action: 'test' | 'save') {
    const ready = prepare();
    if (!ready) return;
    // Still inside the click: ask for this connection's origins (its agent UI and, for helpdesks
    // whose API has a host of its own, the API) before anything is awaited.
    const origins = connectionOrigins(kind, ready.origin);
    const access = requestHostAccess(origins);
    setBusy(true);
    setResult({ tone: 'ok', text: action === 'test' ? 'Testing…' : 'Saving…' });
    const request = { connectionId: existing?.id ?? null, kind, origin: ready.origin, credentials: ready.credentials };
    access
      .then(async (granted) => {
        if (!granted) return setResult({ tone: 'error', text: hostAccessRefused(origins) });
        if (action === 'test') {
          const outcome = await sendMessage('testConnection', request);
          setResult(
            outcome.ok
              ? { tone: 'ok', text: `Connected as ${outcome.agent.name} (id ${outcome.agent.id}).` }
              : { tone: 'error', text: `Could not connect: ${outcome.error}` },
          );
        } else {
          const { connection } = await sendMessage('saveConnection', { ...request, label: ready.label });
          onClose(connection);
        }
      })
      .catch((error: unknown) => setResult({ tone: 'error', text: (error as Error).message }))
      .finally(() => setBusy(false));
  }

  const keepHint = existing ? 'Leave empty to keep the saved credentials.' : undefined;
  return (
    <form
      className="connection-form"
      aria-labelledby={`${id}-title`}
      noValidate
      onSubmit={(event: FormEvent) => {
        event.preventDefault();
        run('save');
      }}
    >
      <h3 id={`${id}-title`}>{existing ? `Edit ${existing.label}` : 'Add a connection'}</h3>
      <div className="form-grid">
        <label>
          Helpdesk
          <select value={kind} onChange={(event) => chooseKind(event.target.value)} disabled={existing !== null}>
            {HELPDESK_ADAPTERS.map((a) => (
              <option key={a.kind} value={a.kind}>
                {a.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Base URL
          <input
            type="url"
            value={origin}
            placeholder={adapter?.exampleOrigin}
            onChange={(event) => setOrigin(event.target.value)}
          />
        </label>
        <label>
          <span>
            Name <span className="muted small">(optional)</span>
          </span>
          <input
            type="text"
            value={label}
            placeholder="e.g. Acme support"
            onChange={(event) => setLabel(event.target.value)}
          />
        </label>
        {authTypes.length > 1 && (
          <label>
            Sign in with
            <select value={authType} onChange={(event) => setAuthType(event.target.value as AuthType)}>
              {authTypes.map((type) => (
                <option key={type} value={type}>
                  {AUTH_TYPE_LABELS[type]}
                </option>
              ))}
            </select>
          </label>
        )}
        {authType === 'api-token' && (
          <label>
            Email
            <input
              type="email"
              autoComplete="off"
              value={secret.email}
              onChange={(event) => setSecret({ ...secret, email: event.target.value })}
            />
          </label>
        )}
        {(authType === 'api-token' || authType === 'oauth-token') && (
          <label>
            {adapter?.secretLabels?.[authType] ?? (authType === 'api-token' ? 'API token' : 'OAuth access token')}
            <input
              type="password"
              autoComplete="off"
              value={secret.token}
              placeholder={keepHint}
              onChange={(event) => setSecret({ ...secret, token: event.target.value })}
            />
          </label>
        )}
        {authType === 'api-key' && (
          <label>
            API key
            <input
              type="password"
              autoComplete="off"
              value={secret.apiKey}
              placeholder={keepHint}
              onChange={(event) => setSecret({ ...secret, apiKey: event.target.value })}
            />
          </label>
        )}
        {authType === 'oauth-client' && (
          <>
            {/* Help Scout's names for an OAuth app's client id and secret (Your Profile → My Apps). */}
            <label>
              App ID
              <input
                type="text"
                autoComplete="off"
                value={secret.clientId}
                placeholder={keepHint}
                onChange={(event) => setSecret({ ...secret, clientId: event.target.value })}
              />
            </label>
            <label>
              App secret
              <input
                type="password"
                autoComplete="off"
                value={secret.clientSecret}
                placeholder={keepHint}
                onChange={(event) => setSecret({ ...secret, clientSecret: event.target.value })}
              />
            </label>
          </>
        )}
      </div>
      {keepHint && <p className="muted small">{keepHint}</p>}
      <div className="actions">
        <button type="button" onClick={() => run('test')} disabled={busy}>
          Test connection
        </button>
        <button type="submit" className="primary" disabled={busy}>
          {existing ? 'Save changes' : 'Save connection'}
        </button>
        <button type="button" onClick={() => onClose(null)} disabled={busy}>
          Cancel
        </button>
      </div>
      <Notice tone={result?.tone ?? null} testId="connection-result">
        {result?.text}
      </Notice>
    </form>
  );
}
