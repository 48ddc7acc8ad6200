-- Going live (issue 14): accounts created on first sign-in and by invitation, managed by the administrator.

-- the OpenID Connect subject that signs in to this account ("franceconnect|<sub>"), set on the first FranceConnect sign-in
alter table account add column oidc_subject text unique check (length(oidc_subject) between 3 and 300);
alter table account add column disabled_at timestamptz;
alter table account add constraint account_disabled_means_not_enabled check (disabled_at is null or not enabled);

-- An invitation e-mailed to a person (a doctor at their MSSanté address, an agent at work): a single-use link valid
-- 14 days by default, which lets them set a password and creates their account. Only the SHA-256 of the link's
-- secret is stored; a resend issues a new secret (the old link stops working).
create table account_invitation (
    id            bigint generated always as identity primary key,
    role          text        not null check (role in ('INSURED', 'DOCTOR', 'ADVISOR', 'CONCILIATOR', 'NETWORK_MANAGER',
                                                        'PROGRAMME_MANAGER', 'DPO', 'ADMIN')),
    email         text        not null check (email = lower(email) and length(email) between 3 and 254),
    display_name  text        not null check (length(display_name) between 1 and 200),
    rpps          text        check (rpps ~ '^[0-9]{11}$'),
    secret_hash   text        not null unique,
    invited_by    text        not null,
    created_at    timestamptz not null,
    sent_at       timestamptz not null,
    send_count    integer     not null default 1 check (send_count >= 1),
    expires_at    timestamptz not null,
    used_at       timestamptz,
    revoked_at    timestamptz,
    account_id    bigint references account (id),
    check ((role = 'DOCTOR') = (rpps is not null)),
    check (used_at is null or account_id is not null)
);
-- one open invitation per e-mail address and per RPPS number
create unique index account_invitation_open_email on account_invitation (email) where used_at is null and revoked_at is null;
create unique index account_invitation_open_rpps on account_invitation (rpps) where used_at is null and revoked_at is null;
create index account_invitation_recent on account_invitation (created_at desc);
