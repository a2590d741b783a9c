import { TransportError } from '../../core/TransportError';
import { errorFromResponse } from '../http';

/** The signed-in user as `/api/auth/login` answers it. */
export interface MarketplaceSessionUser {
  id: string;
  name?: string;
  email?: string;
  role?: string;
}

/** A token pair, for a host that keeps the session across reloads. */
export interface MarketplaceSessionTokens {
  accessToken: string;
  refreshToken: string;
  user?: MarketplaceSessionUser;
}

/** Options of {@link createMarketplaceSession}. */
export interface MarketplaceSessionOptions {
  /** The API origin (`https://api.example.com`); the session posts to `/api/auth/login` and `/api/auth/refresh` below it. */
  baseUrl: string;
  /** @defaultValue `globalThis.fetch` */
  fetch?: typeof fetch;
  /** Refresh this long before the access token expires. @defaultValue 60000 */
  refreshMarginMs?: number;
  /** Access token lifetime when the token does not say (`exp`). @defaultValue 15 minutes */
  defaultLifetimeMs?: number;
  /** Tokens kept from an earlier page load. */
  tokens?: MarketplaceSessionTokens;
  /** Called with the new pair after login and every refresh, and with `null` when the session ends. */
  onChange?: (tokens: MarketplaceSessionTokens | null) => void;
  /** Clock (tests). @defaultValue `Date.now` */
  now?: () => number;
}

/**
 * A token session for the marketplace `/api` family. Plug it into a transport with
 * `getToken: session.getToken, fetch: session.fetch`.
 */
export interface MarketplaceSession {
  /** `POST /api/auth/login`; rejects with `unauthorized` for a wrong email or password. */
  login: (email: string, password: string) => Promise<MarketplaceSessionUser | undefined>;
  /** The access token, refreshed first when it expires within `refreshMarginMs`; `''` when signed out. */
  getToken: () => Promise<string>;
  /**
   * A `fetch` that answers a 401 by refreshing once and repeating the request with the new token.
   * Concurrent 401s share one refresh. When the refresh fails the session ends and the 401 goes back to
   * the transport, which reports `unauthorized` to `onUnauthorized`.
   */
  fetch: typeof fetch;
  /** Refreshes now (single flight: callers during a refresh share it). Rejects with `unauthorized` when it fails. */
  refresh: () => Promise<string>;
  /** Forgets the tokens. */
  signOut: () => void;
  /** The signed-in user, when login told. */
  readonly user: MarketplaceSessionUser | undefined;
  readonly signedIn: boolean;
}

/** `exp` (seconds) of a JWT, or undefined. */
function expiryOf(token: string): number | undefined {
  const payload = token.split('.')[1];
  if (!payload) return undefined;
  try {
    const json = JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/'))) as { exp?: unknown };
    return typeof json.exp === 'number' ? json.exp * 1000 : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Creates a {@link MarketplaceSession}: login, refresh before expiry, and one refresh at a time. The real
 * server rotates the refresh token on every refresh, so two refreshes racing with the same token make the
 * second fail and would sign the user out; this session never starts a second one while one runs.
 * No React: usable from server code as well.
 *
 * ```ts
 * const session = createMarketplaceSession({ baseUrl: 'https://api.example.com' });
 * await session.login(email, password);
 * const transport = createMarketplaceTransport({ baseUrl: 'https://api.example.com', profile: 'api', getToken: session.getToken, fetch: session.fetch });
 * ```
 */
export function createMarketplaceSession(options: MarketplaceSessionOptions): MarketplaceSession {
  const base = options.baseUrl.replace(/\/+$/, '');
  const doFetch: typeof fetch = (input, init) => (options.fetch ?? globalThis.fetch)(input, init);
  const now = options.now ?? (() => Date.now());
  const margin = options.refreshMarginMs ?? 60_000;
  const lifetime = options.defaultLifetimeMs ?? 15 * 60_000;
  let tokens: MarketplaceSessionTokens | undefined = options.tokens;
  let expiresAt = tokens ? (expiryOf(tokens.accessToken) ?? now() + lifetime) : 0;
  let inFlight: Promise<string> | undefined;

  function set(next: MarketplaceSessionTokens | undefined) {
    tokens = next;
    expiresAt = next ? (expiryOf(next.accessToken) ?? now() + lifetime) : 0;
    options.onChange?.(next ?? null);
  }

  async function authPost(path: string, body: unknown): Promise<MarketplaceSessionTokens> {
    let res: Response;
    try {
      res = await doFetch(`${base}${path}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify(body),
      });
    } catch (cause) {
      throw new TransportError('network', undefined, { cause });
    }
    if (!res.ok) throw await errorFromResponse(res);
    const json = (await res.json().catch(() => undefined)) as
      { data?: Partial<MarketplaceSessionTokens> } | undefined;
    const data = json?.data;
    if (!data || typeof data.accessToken !== 'string' || typeof data.refreshToken !== 'string')
      throw new TransportError(
        'invalid_response',
        `POST ${path}: data: expected accessToken and refreshToken`,
      );
    return {
      accessToken: data.accessToken,
      refreshToken: data.refreshToken,
      ...(data.user ? { user: data.user } : tokens?.user ? { user: tokens.user } : {}),
    };
  }

  function refresh(): Promise<string> {
    inFlight ??= (async () => {
      const current = tokens;
      if (!current) throw new TransportError('unauthorized', 'Not signed in.');
      try {
        const next = await authPost('/api/auth/refresh', { refreshToken: current.refreshToken });
        set(next);
        return next.accessToken;
      } catch (e) {
        const error =
          e instanceof TransportError ? e : new TransportError('network', undefined, { cause: e });
        // A refused refresh ends the session; a network failure keeps it for the next try.
        if (error.code === 'network' || error.code === 'timeout' || error.code === 'rate_limited')
          throw error;
        set(undefined);
        throw new TransportError('unauthorized', error.message, { status: 401, cause: error });
      } finally {
        inFlight = undefined;
      }
    })();
    return inFlight;
  }

  const session: MarketplaceSession = {
    async login(email, password) {
      const next = await authPost('/api/auth/login', { email, password });
      set(next);
      return next.user;
    },
    async getToken() {
      if (inFlight) return inFlight.catch(() => '');
      if (!tokens) return '';
      if (expiresAt - now() > margin) return tokens.accessToken;
      return refresh().catch(() => tokens?.accessToken ?? '');
    },
    fetch: async (input, init) => {
      const sent = new Headers(init?.headers).get('Authorization');
      const res = await doFetch(input, init);
      if (res.status !== 401 || !tokens || !sent) return res;
      let token: string;
      // Another request may have refreshed already: repeat with the newer token without refreshing again.
      if (sent !== `Bearer ${tokens.accessToken}`) token = tokens.accessToken;
      else {
        try {
          token = await refresh();
        } catch {
          return res;
        }
      }
      const headers = new Headers(init?.headers);
      headers.set('Authorization', `Bearer ${token}`);
      return doFetch(input, { ...init, headers });
    },
    refresh,
    signOut: () => set(undefined),
    get user() {
      return tokens?.user;
    },
    get signedIn() {
      return !!tokens;
    },
  };
  return session;
}
