-- Going live (issue 14, point 6): the ALD intake as a real operation. Each member in ALD without a médecin traitant
-- is first told (letter or e-mail) that they will be put in touch with a GP and how to object; after the objection
-- period, those who did not object join the waiting list. One outreach per member, never repeated.
create table ald_outreach (
    id                 bigint generated always as identity primary key,
    member_id          bigint      not null unique,            -- members module (no foreign key across modules)
    household_id       bigint      not null,
    departement        text        not null,
    channel            text        not null check (channel in ('LETTER', 'EMAIL')),
    contacted_at       timestamptz not null,
    contacted_by       text        not null,
    objection_deadline date        not null,
    objected_at        timestamptz,
    objection_channel  text check (objection_channel in ('PHONE', 'LETTER', 'EMAIL', 'DESK')),
    objection_recorded_by text,
    listed_at          timestamptz,
    waiting_entry_id   bigint,
    not_listed_reason  text,                                   -- why the household could not be listed (e.g. a GP declared since)
    synthetic          boolean     not null default false,
    check (objected_at is null or objection_channel is not null)
);
create index ald_outreach_due on ald_outreach (objection_deadline) where objected_at is null and listed_at is null and not_listed_reason is null;
create index ald_outreach_departement on ald_outreach (departement);
