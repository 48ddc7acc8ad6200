-- Matching (minimal, issue 3): a proposal of a doctor to a household. The proposal workflow issue extends it.
create table proposal (
    id                bigint generated always as identity primary key,
    household_id      bigint not null references household (id) on delete cascade,
    doctor_account_id bigint not null,          -- the DOCTOR account it is addressed to (identity module)
    status            text not null default 'PENDING' check (status in ('PENDING', 'ACCEPTED', 'DECLINED', 'WITHDRAWN')),
    created_at        timestamptz not null default now()
);
create index proposal_doctor on proposal (doctor_account_id, created_at desc);
