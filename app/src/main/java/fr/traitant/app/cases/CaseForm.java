package fr.traitant.app.cases;

import java.util.ArrayList;
import java.util.List;

/** A case opened by an agent (phone, mail, partner, agent report), as typed (validated by {@link CasePages}). */
public class CaseForm {
    private String channel = Channel.PHONE.name();
    private String motive = "";
    private List<String> vulnerabilities = new ArrayList<>();
    private String household = "";
    private String requesterName = "";
    private String phone = "";
    private String email = "";
    private String commune = "";
    private String summary = "";
    private String priority = Priority.NORMAL.name();

    public String getChannel() {
        return channel;
    }

    public void setChannel(String channel) {
        this.channel = channel;
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

    public String getHousehold() {
        return household;
    }

    public void setHousehold(String household) {
        this.household = household;
    }

    public String getRequesterName() {
        return requesterName;
    }

    public void setRequesterName(String requesterName) {
        this.requesterName = requesterName;
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

    public String getCommune() {
        return commune;
    }

    public void setCommune(String commune) {
        this.commune = commune;
    }

    public String getSummary() {
        return summary;
    }

    public void setSummary(String summary) {
        this.summary = summary;
    }

    public String getPriority() {
        return priority;
    }

    public void setPriority(String priority) {
        this.priority = priority;
    }
}
