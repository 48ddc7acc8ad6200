-- Data safety (issue 12): at most one open proposal and one attachment per household, whatever the path (matching
-- run, transfer, case file) and however often a form is submitted. Earlier case-file proposals could be made twice;
-- duplicates are withdrawn (the newest open one and the first attachment are kept) and the places they held released.
with ranked as (
    select id, doctor_id, people, status,
           row_number() over (partition by household_id order by created_at desc, id desc) as n
      from proposal where status in ('PENDING', 'ACCEPTED')
), extra as (
    update proposal p set status = 'WITHDRAWN', decided_at = now()
      from ranked r where r.id = p.id and r.n > 1
    returning p.id, p.doctor_id, p.people, r.status as was
)
update doctor_capacity c set committed = greatest(0, c.committed - x.people)
  from (select doctor_id, sum(people) as people from extra where was = 'ACCEPTED' and doctor_id is not null group by doctor_id) x
 where c.id = x.doctor_id;

with ranked as (
    select id, doctor_id, people,
           row_number() over (partition by household_id order by decided_at nulls last, id) as n
      from proposal where status = 'ATTACHED'
), extra as (
    update proposal p set status = 'WITHDRAWN', decided_at = now()
      from ranked r where r.id = p.id and r.n > 1
    returning p.id, p.doctor_id, p.people
)
update doctor_capacity c set committed = greatest(0, c.committed - x.people)
  from (select doctor_id, sum(people) as people from extra where doctor_id is not null group by doctor_id) x
 where c.id = x.doctor_id;

-- open proposals made without a deadline (case files) now expire like the others
update proposal set deadline = created_at + interval '14 days' where deadline is null and status in ('PENDING', 'ACCEPTED');

create unique index proposal_open_household on proposal (household_id) where status in ('PENDING', 'ACCEPTED');
create unique index proposal_attached_household on proposal (household_id) where status = 'ATTACHED';
