package fr.traitant.app.directory;

import fr.traitant.engine.directory.Rpps;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Stand-in for the identity module's login of doctors, <strong>for demos and tests only</strong>: a doctor
 * "identifies" by typing an RPPS number of the directory, kept in the HTTP session. Disabled (always empty) unless
 * {@code traitant.directory.demo-doctor-login=true} (set by the demo and test profiles). To be replaced by the
 * identity module's {@link CurrentDoctor} (ProSanté Connect / account linked to an RPPS).
 */
@Component
class DemoDoctorSession implements CurrentDoctor {

    static final String ATTRIBUTE = "traitant.demo.doctor.rpps";

    private final boolean enabled;

    DemoDoctorSession(@Value("${traitant.directory.demo-doctor-login:false}") boolean enabled) {
        this.enabled = enabled;
    }

    boolean enabled() {
        return enabled;
    }

    @Override
    public Optional<String> rpps() {
        if (!enabled) {
            return Optional.empty();
        }
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        if (!(attributes instanceof ServletRequestAttributes servlet)) {
            return Optional.empty();
        }
        HttpSession session = servlet.getRequest().getSession(false);
        return session == null ? Optional.empty() : Optional.ofNullable((String) session.getAttribute(ATTRIBUTE));
    }

    void login(HttpSession session, String rpps) {
        if (!enabled) {
            throw new IllegalStateException("demo doctor login is disabled");
        }
        Rpps.of(rpps);
        session.setAttribute(ATTRIBUTE, rpps);
    }

    void logout(HttpSession session) {
        session.removeAttribute(ATTRIBUTE);
    }
}
