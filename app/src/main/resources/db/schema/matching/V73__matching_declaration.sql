-- Closing the loop (issue 13): once the family has confirmed, the doctor declares themselves médecin traitant to the
-- health insurance (online, or the paper form); the date they did is what makes the attachment count.
alter table proposal add column declared_at timestamptz;
alter table proposal add constraint proposal_declared_only_when_attached check (declared_at is null or status = 'ATTACHED');
