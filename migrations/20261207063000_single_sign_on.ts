/**
 * Single sign-on through OpenID Connect (engine/service/sso.ts). A sign-in crosses the browser
 * three times, and several API processes may answer the legs, so what links them lives here:
 * - sso_attempt: one row per sign-in sent to the provider (state, nonce, PKCE verifier), used
 *   once by the provider's callback and deleted there; expired rows are deleted as new ones come.
 * - sso_handoff: the callback's outcome, waiting for the browser app to pick it up with a one-time
 *   code (kept hashed), so neither the bearer token nor the reason of a refusal travels in a URL.
 * app_user.oidc_subject now holds the issuer with the subject (`<issuer>#<sub>`): two tenants'
 * providers may hand out the same `sub`.
 */
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('sso_attempt', (t) => {
    t.comment('A single sign-on sent to the identity provider and not yet returned (deleted by the callback or when expired).');
    t.text('state').primary().comment('OAuth state sent to the provider (random); the callback finds the attempt by it.');
    t.text('provider').notNullable().comment('Provider id: default, or the tenant id of a tenant\'s own provider.');
    t.text('app').notNullable().comment('The browser app to return to: inbox or designer.');
    t.text('nonce').notNullable().comment('Nonce the ID token must carry.');
    t.text('code_verifier').notNullable().comment('PKCE code verifier sent with the code to the token endpoint.');
    t.timestamp('expires_at', { useTz: true }).notNullable().comment('After this the attempt is refused (real time).');
    t.index(['expires_at'], 'sso_attempt_expires_idx');
  });
  await knex.schema.createTable('sso_handoff', (t) => {
    t.comment('Outcome of a single sign-on waiting for the browser app: a user to issue a token for, or a refusal to show.');
    t.text('code_hash').primary().comment('SHA-256 of the one-time code given to the browser.');
    t.uuid('user_id').nullable().references('id').inTable('app_user').onDelete('CASCADE').withKeyName('sso_handoff_user_fk').comment('The signed-in user; null for a refusal.');
    t.jsonb('refusal').nullable().comment('Why the sign-in was refused, as a catalog text (key and parameters); null when signed in.');
    t.timestamp('expires_at', { useTz: true }).notNullable().comment('After this the code is refused (real time).');
    t.index(['expires_at'], 'sso_handoff_expires_idx');
  });
  await knex.raw("comment on column app_user.oidc_subject is 'Issuer and subject at the identity provider (<issuer>#<sub>) of a user who signed in by single sign-on; null for local accounts.'");
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw("comment on column app_user.oidc_subject is 'Subject (sub) at the identity provider for a user signed in by single sign-on; null for local accounts.'");
  await knex.schema.dropTable('sso_handoff');
  await knex.schema.dropTable('sso_attempt');
}
