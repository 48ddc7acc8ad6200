package fr.traitant.app.network;

/**
 * What a signatory commits to.
 *
 * @param takesTransferredFamilies  takes transferred military personnel and their families
 * @param willingDeclaredDoctor     willing to become their médecin traitant
 * @param newPatientsPerYear        how many new patients of the network they can take a year, 0 to 2000
 */
public record CharterCommitments(
        boolean takesTransferredFamilies, boolean willingDeclaredDoctor, int newPatientsPerYear) {
    public CharterCommitments {
        if (newPatientsPerYear < 0 || newPatientsPerYear > 2_000) {
            throw new IllegalArgumentException(
                    "Le nombre de nouveaux patients par an doit être compris entre 0 et 2000.");
        }
        if (!takesTransferredFamilies && !willingDeclaredDoctor) {
            throw new IllegalArgumentException(
                    "Cochez au moins un engagement : accueillir des familles mutées ou devenir médecin traitant.");
        }
    }
}
