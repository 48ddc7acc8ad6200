-- Recruitment campaigns for the médecins solidaires network (issue #17): a target list chosen by the optimiser,
-- editable while a draft, a seeded random hold-out not written to, personal signing links, opt-outs.

create table campaign (
    id                    bigint generated always as identity primary key,
    name                  text not null check (length(name) between 1 and 200),
    departement           text not null check (departement ~ '^([0-9]{2}|2A|2B|97[1-6])$'),
    channel               text not null default 'LETTER' check (channel in ('LETTER', 'EMAIL')),
    budget                integer not null check (budget between 1 and 5000),
    holdout_percent       integer not null default 10 check (holdout_percent between 0 and 50),
    seed                  bigint not null,
    reminder_weeks        integer not null default 4 check (reminder_weeks between 1 and 26),
    cost_per_letter_cents integer not null default 150 check (cost_per_letter_cents >= 0),
    expected_people       double precision not null check (expected_people >= 0),
    upper_bound           double precision not null check (upper_bound >= expected_people - 1e-6),
    naive_people          double precision not null check (naive_people >= 0),
    status                text not null default 'DRAFT' check (status in ('DRAFT', 'SENT')),
    created_at            timestamptz not null,
    created_by            bigint not null,          -- the manager's account (identity module: no foreign key across modules)
    scheduled_for         date,                     -- a draft is sent by the daily job on this day
    sent_at               timestamptz,
    reminded_at           timestamptz,              -- the one reminder (e-mails queued, reminder letters ready)
    synthetic             boolean not null default false,
    check ((status = 'SENT') = (sent_at is not null))
);

create table campaign_target (
    campaign_id   bigint not null references campaign (id) on delete cascade,
    doctor_id     text not null,
    rpps          text not null check (rpps ~ '^[0-9]{11}$'),
    rank          integer not null check (rank > 0),
    departement   text not null,
    probability   double precision not null check (probability between 0 and 1),
    places        integer not null check (places >= 0),
    removed_at    timestamptz,                      -- taken off the list by the manager (drafts only)
    holdout       boolean not null default false,   -- drawn at sending: not written to
    sent_by       text check (sent_by in ('LETTER', 'EMAIL')),  -- how the doctor was written to, set at sending
    token         text not null unique,             -- the personal signing link
    opened_at     timestamptz,                      -- the link was opened
    signed_at     timestamptz,                      -- signed through the link
    opted_out_at  timestamptz,                      -- refused further campaigns through the link
    primary key (campaign_id, doctor_id),
    check (not (holdout and removed_at is not null)),
    check (sent_by is null or (removed_at is null and not holdout))
);

create index campaign_target_rpps on campaign_target (rpps);

create table campaign_opt_out (
    rpps        text primary key check (rpps ~ '^[0-9]{11}$'),
    at          timestamptz not null,
    campaign_id bigint references campaign (id) on delete set null
);

create index campaign_opt_out_campaign on campaign_opt_out (campaign_id);

-- answers to the fund's past campaigns (before Traitant, or imported): what the signing model is fitted on, beside
-- the answers to Traitant's own campaigns
create table campaign_past_answer (
    id        bigint generated always as identity primary key,
    rpps      text not null check (rpps ~ '^[0-9]{11}$'),
    campaign  text not null check (length(campaign) between 1 and 200),
    sent_on   date not null,
    signed    boolean not null,
    synthetic boolean not null default false,
    unique (rpps, campaign)
);
