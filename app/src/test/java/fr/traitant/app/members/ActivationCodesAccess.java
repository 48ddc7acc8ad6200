package fr.traitant.app.members;

/** Test access to the activation codes' one message for a wrong code, NIR or birth date. */
public final class ActivationCodesAccess {

    public static final String WRONG = ActivationCodes.WRONG;

    private ActivationCodesAccess() {}
}
