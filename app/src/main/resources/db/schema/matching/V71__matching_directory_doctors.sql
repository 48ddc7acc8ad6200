-- Matching runs consider every directory doctor of the zone who accepts new patients (issue 7, ADR 0051).
-- The workflow's doctor is no longer a DOCTOR account: it is a doctor_capacity row with its own id, linked to the
-- directory by RPPS (directory_doctor_id for rows the matching created from the directory) and, when the doctor has
-- one, to their account. Proposals and run lines are addressed to that row.

alter table doctor_capacity add column id bigint generated always as identity;   -- existing rows numbered
alter table doctor_capacity drop constraint doctor_capacity_pkey;
alter table doctor_capacity add primary key (id);
alter table doctor_capacity alter column doctor_account_id drop not null;
alter table doctor_capacity add constraint doctor_capacity_account_unique unique (doctor_account_id);
-- the directory doctor this row was created for (mirror row), null for rows declared by an account
alter table doctor_capacity add column directory_doctor_id text unique;
create index doctor_capacity_rpps on doctor_capacity (rpps) where rpps is not null;

-- proposals: addressed to a workflow doctor; doctor_account_id stays for proposals made to an account (case workers)
alter table proposal add column doctor_id bigint references doctor_capacity (id);
update proposal p set doctor_id = c.id from doctor_capacity c where c.doctor_account_id = p.doctor_account_id;
alter table proposal alter column doctor_account_id drop not null;
alter table proposal add constraint proposal_addressee check (doctor_id is not null or doctor_account_id is not null);
create index proposal_doctor_id on proposal (doctor_id, created_at desc);

-- run lines: the workflow doctor
alter table matching_run_line add column doctor_id bigint references doctor_capacity (id);
update matching_run_line l set doctor_id = c.id from doctor_capacity c where c.doctor_account_id = l.doctor_account_id;
delete from matching_run_line                                  -- a draft line whose doctor is gone (none expected)
 where doctor_id is null and run_id in (select id from matching_run where status = 'DRAFT');
alter table matching_run_line alter column doctor_account_id drop not null;
