-- Members issue (issue 7): the profile of households and members needed to find them a médecin traitant.

alter table household
    add column external_ref text unique check (length(external_ref) between 1 and 64),  -- the fund's household id
    add column lat double precision check (lat between -90 and 90),
    add column lon double precision check (lon between -180 and 180),
    add column synthetic boolean not null default false;                                 -- demo data, labelled as such

alter table member
    add column external_ref text unique check (length(external_ref) between 1 and 64),  -- the fund's beneficiary id
    add column sex char(1) check (sex in ('M', 'F')),
    add column category text not null default 'FAMILY_MEMBER'
        check (category in ('ACTIVE', 'RETIRED', 'OTHER_INSURED', 'FAMILY_MEMBER')),
    add column long_term_condition text
        check (long_term_condition in ('CARDIOVASCULAR', 'DIABETES', 'PSYCHIATRIC', 'CANCER', 'OTHER')),  -- ALD group; null = no ALD
    add column vulnerabilities text[] not null default '{}'
        check (vulnerabilities <@ array['DISABILITY', 'PREGNANCY', 'ISOLATION', 'PRECARIOUSNESS', 'RECENT_HOSPITALISATION', 'NO_FRENCH']::text[]),
    add column has_declared_doctor boolean not null default false,                  -- a médecin traitant is declared
    add column declared_doctor_rpps text check (declared_doctor_rpps ~ '^[0-9]{11}$'),  -- their RPPS when known
    add column declared_doctor_since date,
    add column consent_to_contact boolean not null default false,
    add column synthetic boolean not null default false;

create index member_category on member (category);
create index member_without_doctor on member (household_id) where not has_declared_doctor;
alter table member add constraint member_rpps_means_declared check (declared_doctor_rpps is null or has_declared_doctor);
