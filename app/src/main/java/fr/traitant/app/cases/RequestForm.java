package fr.traitant.app.cases;

import java.util.ArrayList;
import java.util.List;

/** The insured person's online request, as typed (validated by {@link RequestPages}). */
public class RequestForm {
    private String kind = CaseKind.PASS.name();
    private String motive = "";
    private List<String> vulnerabilities = new ArrayList<>();
    private String commune = "";
    private String phone = "";
    private String email = "";
    private String summary = "";
    private boolean consent;

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    public String getMotive() {
        return motive;
    }

    public void setMotive(String motive) {
        this.motive = motive;
    }

    public List<String> getVulnerabilities() {
        return vulnerabilities;
    }

    public void setVulnerabilities(List<String> vulnerabilities) {
        this.vulnerabilities = vulnerabilities == null ? new ArrayList<>() : vulnerabilities;
    }

    public String getCommune() {
        return commune;
    }

    public void setCommune(String commune) {
        this.commune = commune;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getSummary() {
        return summary;
    }

    public void setSummary(String summary) {
        this.summary = summary;
    }

    public boolean isConsent() {
        return consent;
    }

    public void setConsent(boolean consent) {
        this.consent = consent;
    }
}
