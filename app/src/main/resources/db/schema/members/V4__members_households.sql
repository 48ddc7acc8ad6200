-- Members (minimal, issue 3): households, their members and the accounts allowed to see them.
create table household (
    id           bigint generated always as identity primary key,
    label        text not null check (length(label) between 1 and 200),
    commune_code text check (commune_code ~ '^([0-9]{2}|2A|2B)[0-9]{3}$'),
    created_at   timestamptz not null default now(),
    closed_at    timestamptz               -- when the household left the programme; drives retention
);

create table member (
    id           bigint generated always as identity primary key,
    household_id bigint not null references household (id) on delete cascade,
    first_name   text not null check (length(first_name) between 1 and 100),
    last_name    text not null check (length(last_name) between 1 and 100),
    birth_date   date,
    nir          text unique check (nir ~ '^[1-478][0-9]{4}([0-9]{2}|2A|2B)[0-9]{8}$'),
    email        text,
    phone        text check (phone ~ '^\+33[1-9][0-9]{8}$'),
    created_at   timestamptz not null default now()
);
create index member_household on member (household_id);

-- the insured accounts (identity module) that may see a household; no foreign key across modules on purpose
create table household_account (
    household_id bigint not null references household (id) on delete cascade,
    account_id   bigint not null,
    primary key (household_id, account_id)
);
create index household_account_account on household_account (account_id);
