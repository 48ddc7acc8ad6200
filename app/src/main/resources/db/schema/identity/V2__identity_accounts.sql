-- Identity: accounts of the people who sign in (local password or OpenID Connect), one role each.
create table account (
    id            bigint generated always as identity primary key,
    username      text not null unique check (username = lower(username) and length(username) between 3 and 254),
    display_name  text not null check (length(display_name) between 1 and 200),
    role          text not null check (role in ('INSURED', 'DOCTOR', 'ADVISOR', 'CONCILIATOR', 'NETWORK_MANAGER',
                                                'PROGRAMME_MANAGER', 'DPO', 'ADMIN')),
    -- DelegatingPasswordEncoder format ({bcrypt}…); null = this account signs in through OpenID Connect only
    password_hash text,
    rpps          text unique check (rpps ~ '^[0-9]{11}$'),
    enabled       boolean not null default true,
    demo          boolean not null default false,
    created_at    timestamptz not null default now(),
    last_login_at timestamptz
);
