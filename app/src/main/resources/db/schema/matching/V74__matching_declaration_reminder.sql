-- Issue 13, point 2: a doctor chosen by a family who has not recorded the declaration of médecin traitant within
-- 14 days gets one reminder; when it was sent is kept so that it is sent once.
alter table proposal add column declaration_reminded_at timestamptz;
create index proposal_declaration_due on proposal (decided_at) where status = 'ATTACHED' and declared_at is null
    and declaration_reminded_at is null;
