-- Issue #15: a doctor's maximum complexity counts for matching only once the doctor has chosen it in their space.
-- max_complexity defaults to 1 for every imported doctor, which says nothing; this flag says the doctor chose it.
alter table doctor add column complexity_declared boolean not null default false;
