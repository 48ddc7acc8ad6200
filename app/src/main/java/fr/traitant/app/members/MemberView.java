package fr.traitant.app.members;

import java.time.LocalDate;

/** A member as shown on pages and in the API: the NIR is masked. */
public record MemberView(long id, String firstName, String lastName, LocalDate birthDate, String nir, String email, String phone) {}
