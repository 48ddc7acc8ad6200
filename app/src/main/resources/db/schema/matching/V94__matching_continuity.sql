-- Continuity (issue #20) on the matching side.

-- 1. Runs over a group of waiting households (a departing doctor's patients), not a whole zone: the entries it matches,
--    the doctors it must not propose (the departing doctor) and the group's name for its page.
alter table matching_run drop constraint if exists matching_run_scope_check;
alter table matching_run add constraint matching_run_scope_check
    check (scope in ('DEPARTEMENT', 'REGION', 'FRANCE', 'GROUP'));
alter table matching_run add column group_label text check (length(group_label) <= 300);
alter table matching_run add column group_entries bigint[];
alter table matching_run add column avoided_rpps text[];
alter table matching_run add constraint matching_run_group_check
    check ((scope = 'GROUP') = (group_entries is not null and group_label is not null));

-- 2. An attachment ends when the family moves away or the doctor leaves: the family may then choose again (one
--    current attachment per household), and the ended one stays as their former médecin traitant.
alter table proposal add column ended_at timestamptz;
drop index if exists proposal_attached_household;
create unique index proposal_attached_household on proposal (household_id) where status = 'ATTACHED' and ended_at is null;

-- 3. Former médecins traitants of a household (Norway's practice: a family that returns regains its GP): recorded when
--    a transfer takes the family away (the members' declared doctors and the attachment made with Traitant).
create table former_doctor (
    id           bigint generated always as identity primary key,
    household_id bigint not null references household (id) on delete cascade,
    rpps         text not null check (rpps ~ '^[0-9]{11}$'),
    until        date not null,
    commune_code text,                                  -- where the family lived then
    unique (household_id, rpps, until)
);

-- 4. A doctor's own waiting list: a family asks for a specific doctor who is full; when the doctor frees places, the
--    oldest requests are proposed first, before the general runs.
create table doctor_request (
    id           bigint generated always as identity primary key,
    household_id bigint not null references household (id) on delete cascade,
    rpps         text not null check (rpps ~ '^[0-9]{11}$'),
    requested_at timestamptz not null,
    status       text not null default 'WAITING' check (status in ('WAITING', 'PROPOSED', 'CANCELLED')),
    proposal_id  bigint references proposal (id),
    decided_at   timestamptz,
    check ((status = 'PROPOSED') = (proposal_id is not null))
);
create unique index doctor_request_open on doctor_request (household_id, rpps) where status = 'WAITING';
create index doctor_request_rpps on doctor_request (rpps, requested_at, id);
create index doctor_request_proposal on doctor_request (proposal_id);
create index doctor_request_household on doctor_request (household_id);
