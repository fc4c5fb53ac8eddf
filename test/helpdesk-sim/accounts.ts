/**
 * Who may call the simulated API: one secret per user (the lead and each agent), and the secrets a
 * test has revoked. Real Zendesk API tokens are account-wide and the e-mail picks the user; the
 * simulator ties each token to one user so a test knows exactly whose view it gets.
 */
import { helpscoutAppId } from './helpscout-oauth';
import type { SimAgent, SimCredential, SimData } from './model';

export class Accounts {
  private readonly bySecret = new Map<string, SimAgent>();
  private readonly revoked = new Set<string>();

  constructor(private readonly data: SimData) {
    for (const agent of data.agents) {
      const secret = data.secrets.get(agent.id);
      if (secret) this.bySecret.set(secret, agent);
    }
  }

  /** The user a secret belongs to, unless it is unknown or revoked. */
  userBySecret(secret: string): SimAgent | null {
    if (this.revoked.has(secret)) return null;
    return this.bySecret.get(secret) ?? null;
  }

  revoke(secret: string): void {
    this.revoked.add(secret);
  }

  /** What a user would paste into GapLens for this helpdesk. */
  credentials(): { admin: SimCredential; agents: SimCredential[] } {
    const all = this.data.agents.map((agent) => this.credentialFor(agent));
    const admin = all.find((credential) => credential.role === 'admin');
    if (!admin) throw new Error('dataset has no admin');
    return { admin, agents: all.filter((credential) => credential.role === 'agent') };
  }

  private credentialFor(agent: SimAgent): SimCredential {
    const secret = this.data.secrets.get(agent.id) ?? '';
    return {
      role: agent.role,
      agentId: String(agent.id),
      name: agent.name,
      email: agent.email,
      auth: authFor(this.data, agent, secret),
    };
  }
}

/** The credentials each helpdesk takes, built from the user's one secret. */
function authFor(data: SimData, agent: SimAgent, secret: string): SimCredential['auth'] {
  switch (data.kind) {
    // Zendesk and Gorgias pair the secret with the user's e-mail; Freshdesk's key stands alone.
    case 'zendesk':
    case 'gorgias':
      return { type: 'api-token', email: agent.email, token: secret };
    case 'freshdesk':
      return { type: 'api-key', apiKey: secret };
    case 'helpscout':
      return { type: 'oauth-client', clientId: helpscoutAppId(data, agent.id), clientSecret: secret };
    case 'intercom':
      return { type: 'oauth-token', token: secret };
  }
}
