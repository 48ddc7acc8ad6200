-- Going live (issue 14): an insured person without FranceConnect activates an account with a code sent by letter
-- (or by e-mail where they consented) plus their NIR and birth date. Only the SHA-256 of the code is stored.
create table activation_code (
    id           bigint generated always as identity primary key,
    member_id    bigint      not null references member (id) on delete cascade,
    code_hash    text        not null unique,
    channel      text        not null check (channel in ('LETTER', 'EMAIL')),
    issued_by    text        not null,
    created_at   timestamptz not null,
    expires_at   timestamptz not null,
    used_at      timestamptz,
    revoked_at   timestamptz,
    account_id   bigint       -- identity's account created with it (no foreign key across modules)
);
-- one open code per member: issuing a new one revokes the previous one
create unique index activation_code_open on activation_code (member_id) where used_at is null and revoked_at is null;
create index activation_code_recent on activation_code (created_at desc);

-- FranceConnect's first sign-in looks members up by birth date
create index member_birth_date on member (birth_date);
