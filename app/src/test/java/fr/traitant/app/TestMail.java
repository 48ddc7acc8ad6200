package fr.traitant.app;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * The SMTP port of the tests: a free port chosen once per test JVM, before any Spring context starts (this class is
 * a JUnit launcher-session listener, registered in {@code META-INF/services}), published as the system property
 * {@value #PROPERTY} that {@code application-test.properties} reads for {@code spring.mail.port}. Tests that read the
 * mail register {@link #server()}; every context of the JVM sends to that port, whichever test class started it.
 */
public final class TestMail implements LauncherSessionListener {

    /** System property holding the port. */
    public static final String PROPERTY = "traitant.test.smtp-port";

    private static final int PORT = freePort();

    static {
        System.setProperty(PROPERTY, Integer.toString(PORT));
    }

    /** A GreenMail SMTP server on the JVM's port (started before each test class, stopped after, purged per test). */
    public static GreenMailExtension server() {
        return new GreenMailExtension(new ServerSetup(PORT, null, ServerSetup.PROTOCOL_SMTP));
    }

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        // loading the class has published the port
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
